package id.padu.plan;

import java.time.LocalDate;

/**
 * The plan for one agency. Rates are zero for a local agency.
 *
 * @param cutoverDate when a central agency should switch (cheaper of paying the exit penalty
 *                    now or waiting for the contract's end); null for a local agency
 * @param reason      why, in words a planner can read (may be null in a hand-edited plan)
 */
public record AgencyDecision(String code, Decision decision, long cirDownBps, long mirDownBps,
                             long cirUpBps, long mirUpBps, LocalDate cutoverDate, String reason) {
}
