package id.padu.analysis;

import java.time.LocalDate;
import java.util.List;

/**
 * The spend and demand picture of a dataset: per agency (in dataset order), all together, and
 * the contracts that end within twelve months of {@code referenceDate}, soonest first.
 */
public record SpendReport(double quantile, LocalDate referenceDate, List<AgencyAnalysis> agencies,
                          AggregateAnalysis aggregate, List<ContractEnding> contractsEnding) {

    public SpendReport {
        agencies = List.copyOf(agencies);
        contractsEnding = List.copyOf(contractsEnding);
    }
}
