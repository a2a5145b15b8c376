package id.padu.analysis;

/**
 * All agencies together.
 *
 * @param down                 profile of the aggregate demand (sum at each step, missing = 0);
 *                             null when no agency has usage
 * @param sumOfQDownBps        sum of the agencies' own Q(down)
 * @param multiplexingGainDown sumOfQDown / Q(aggregate down); null when the latter is 0
 * @param agenciesWithUsage    how many agencies contributed measurements
 */
public record AggregateAnalysis(long totalAnnualSpendIdr, long totalIdleAnnualIdr,
                                long purchasedDownBps, long purchasedUpBps,
                                DemandProfile down, DemandProfile up,
                                long sumOfQDownBps, long sumOfQUpBps,
                                Double multiplexingGainDown, Double multiplexingGainUp,
                                int agenciesWithUsage, AggregateSeries series) {
}
