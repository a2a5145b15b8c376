package id.padu.analysis;

/**
 * Percentiles of one demand series (one agency, or the aggregate) in one direction, by nearest
 * rank over the measured samples.
 *
 * @param q50     median, Q(0.5)
 * @param q       Q(quantile), the quantile the analysis was asked for (0.95 by default)
 * @param q99     Q(0.99)
 * @param max     the largest sample
 * @param samples how many samples the percentiles were taken over (missing steps excluded)
 */
public record DemandProfile(long q50, long q, long q99, long max, int samples) {
}
