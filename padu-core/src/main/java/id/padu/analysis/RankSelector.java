package id.padu.analysis;

/**
 * Several order statistics of one array of non-negative values in about two linear passes,
 * for the percentiles of long series (a year of 5-minute samples is 105,120 values, and a
 * province has a thousand agencies, two directions each).
 *
 * <p>Quickselect needs two to three passes with unpredictable branches per quantile. Here one
 * pass counts the values into at most 65,536 buckets of equal width over {@code [0, max]}
 * (the top 16 bits of the range), the counts tell which bucket holds each wanted rank, a second
 * pass moves the values of those few buckets to the front, and quickselect finishes on that
 * small remainder. Skewed data that lands in one bucket just makes the remainder larger; the
 * answer is exact in every case. Not thread-safe: one instance per worker (it owns a 256 KB
 * histogram that is reused between calls).
 */
final class RankSelector {

    private static final int BUCKET_BITS = 16;
    /** Below this size plain quickselect is as fast and needs no histogram. */
    private static final int SMALL = 4096;

    private final int[] histogram = new int[(1 << BUCKET_BITS) + 1];

    /**
     * The values at the given 0-based ranks among {@code a[0..n)}; reorders {@code a}.
     *
     * @param max   the largest of the values (all are {@code >= 0})
     * @param ranks ascending 0-based ranks, each in {@code [0, n)}
     */
    long[] select(long[] a, int n, long max, int[] ranks) {
        long[] out = new long[ranks.length];
        if (n < SMALL || max <= 0) {
            cascade(a, 0, n, ranks, 0, out);
            return out;
        }
        int shift = Math.max(0, 64 - Long.numberOfLeadingZeros(max) - BUCKET_BITS);
        int buckets = (int) (max >>> shift) + 1;
        int[] h = histogram;
        java.util.Arrays.fill(h, 0, buckets, 0);
        for (int i = 0; i < n; i++) {
            h[(int) (a[i] >>> shift)]++;
        }
        // the bucket of each rank, and the rank within the values of the chosen buckets
        int[] bucketOf = new int[ranks.length];
        int[] below = new int[ranks.length];
        int r = 0;
        int cumulative = 0;
        for (int b = 0; b < buckets && r < ranks.length; b++) {
            int next = cumulative + h[b];
            while (r < ranks.length && ranks[r] < next) {
                bucketOf[r] = b;
                below[r] = cumulative;
                r++;
            }
            cumulative = next;
        }
        // keep only the values of the chosen buckets (at most ranks.length distinct ones), in place
        long b0 = bucketOf[0], b1 = bucketOf[Math.min(1, ranks.length - 1)], b2 = bucketOf[ranks.length - 1];
        boolean fewTargets = ranks.length <= 3;
        int m = 0;
        for (int i = 0; i < n; i++) {
            long v = a[i];
            long b = v >>> shift;
            if (fewTargets ? (b == b0 || b == b1 || b == b2) : isTarget(bucketOf, (int) b)) {
                a[m++] = v;
            }
        }
        cascade(a, 0, m, localRanks(ranks, bucketOf, below, h), 0, out);
        return out;
    }

    /**
     * The values at the given 0-based ranks among the non-negative values of {@code source}
     * (negative ones, i.e. missing samples, are skipped), without copying the whole series:
     * only the values of the buckets that hold the ranks go to {@code scratch}, which must be
     * as long as {@code source} for the case where one bucket holds nearly everything.
     *
     * @param count how many values of {@code source} are non-negative
     * @param max   the largest of them
     */
    long[] selectSkippingNegatives(long[] source, long[] scratch, int count, long max, int[] ranks) {
        int len = source.length;
        if (count < SMALL || max <= 0) {
            int m = 0;
            for (int i = 0; i < len; i++) {
                long v = source[i];
                if (v >= 0) {
                    scratch[m++] = v;
                }
            }
            long[] out = new long[ranks.length];
            cascade(scratch, 0, m, ranks, 0, out);
            return out;
        }
        int shift = Math.max(0, 64 - Long.numberOfLeadingZeros(max) - BUCKET_BITS);
        int buckets = (int) (max >>> shift) + 1;
        int[] h = histogram;
        java.util.Arrays.fill(h, 0, buckets + 1, 0);
        // negatives land in the extra last bucket (index = buckets) through the unsigned shift guard
        for (int i = 0; i < len; i++) {
            long v = source[i];
            h[v < 0 ? buckets : (int) (v >>> shift)]++;
        }
        int[] bucketOf = new int[ranks.length];
        int[] below = new int[ranks.length];
        int r = 0;
        int cumulative = 0;
        for (int b = 0; b < buckets && r < ranks.length; b++) {
            int next = cumulative + h[b];
            while (r < ranks.length && ranks[r] < next) {
                bucketOf[r] = b;
                below[r] = cumulative;
                r++;
            }
            cumulative = next;
        }
        long b0 = bucketOf[0], b1 = bucketOf[Math.min(1, ranks.length - 1)], b2 = bucketOf[ranks.length - 1];
        boolean fewTargets = ranks.length <= 3;
        int m = 0;
        for (int i = 0; i < len; i++) {
            long v = source[i];
            if (v < 0) {
                continue;
            }
            long b = v >>> shift;
            if (fewTargets ? (b == b0 || b == b1 || b == b2) : isTarget(bucketOf, (int) b)) {
                scratch[m++] = v;
            }
        }
        int[] local = localRanks(ranks, bucketOf, below, h);
        long[] out = new long[ranks.length];
        cascade(scratch, 0, m, local, 0, out);
        return out;
    }

    /**
     * A rank among all values becomes a rank among the kept ones: subtract what lies below its
     * bucket, add the kept values of the lower chosen buckets.
     */
    private static int[] localRanks(int[] ranks, int[] bucketOf, int[] below, int[] h) {
        int[] local = new int[ranks.length];
        for (int k = 0; k < ranks.length; k++) {
            int keptBelow = 0;
            int previous = -1;
            for (int j = 0; j < ranks.length; j++) {
                if (bucketOf[j] < bucketOf[k] && bucketOf[j] != previous) {
                    keptBelow += h[bucketOf[j]];
                    previous = bucketOf[j];
                }
            }
            local[k] = ranks[k] - below[k] + keptBelow;
        }
        return local;
    }

    private static boolean isTarget(int[] bucketOf, int b) {
        for (int t : bucketOf) {
            if (t == b) {
                return true;
            }
        }
        return false;
    }

    /** Quickselect of ascending ranks, each searching only above the previous one. */
    private static void cascade(long[] a, int from, int n, int[] ranks, int first, long[] out) {
        int lo = from;
        int lastRank = -1;
        long last = 0;
        for (int k = first; k < ranks.length; k++) {
            if (ranks[k] != lastRank) {
                last = NearestRank.select(a, lo, n, ranks[k]);
                lastRank = ranks[k];
                lo = ranks[k] + 1;
            }
            out[k] = last;
        }
    }
}
