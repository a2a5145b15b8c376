package id.padu.analysis;

import java.time.LocalDate;

/**
 * A subscription whose contract ends within twelve months of the reference date: the moments
 * at which an agency can leave its own line without paying the exit penalty.
 *
 * @param exitPenaltyIdr what ending it before {@code endDate} costs (0 when none is known)
 */
public record ContractEnding(String agency, String provider, String product, LocalDate endDate,
                             long monthlyCostIdr, long exitPenaltyIdr) {
}
