package id.padu.app.dashboard;

import id.padu.domain.UsageSeries;

/**
 * Min, mean and max of a sampled series per time bucket, so that a chart of a year shows every
 * peak with a thousand points instead of a hundred thousand. Buckets start at multiples of their
 * size in WIB wall time (a 6-hour bucket starts at 00, 06, 12 or 18 WIB). Missing samples are
 * left out; a bucket without any measured sample has no value (null in JSON).
 */
record Buckets(long startEpochSecond, int bucketSeconds, Long[] min, Long[] mean, Long[] max) {

    /** WIB is UTC+7 all year (no daylight saving time). */
    static final long WIB_OFFSET_SECONDS = 7 * 3600;

    int size() {
        return mean.length;
    }

    /**
     * Buckets of {@code values} (sample {@code i} at {@code start + i * step}) over [from, to).
     *
     * @param missingIsZero for the aggregate, where a missing sample counts as 0 by definition
     */
    static Buckets of(long[] values, long start, int step, long from, long to, int bucketSeconds, boolean missingIsZero) {
        int size = Math.max(bucketSeconds, step);
        long first = floor(from, size);
        int n = (int) Math.max(0, (floor(to - 1, size) - first) / size + 1);
        long[] lo = new long[n];
        long[] hi = new long[n];
        long[] sum = new long[n];
        int[] count = new int[n];
        java.util.Arrays.fill(lo, Long.MAX_VALUE);
        java.util.Arrays.fill(hi, Long.MIN_VALUE);
        int i0 = (int) Math.max(0, ceilDiv(from - start, step));
        int i1 = (int) Math.min(values.length, ceilDiv(to - start, step));
        for (int i = i0; i < i1; i++) {
            long v = values[i];
            if (v == UsageSeries.MISSING) {
                if (!missingIsZero) {
                    continue;
                }
                v = 0;
            }
            int b = (int) ((start + (long) i * step - first) / size);
            if (b < 0 || b >= n) {
                continue;
            }
            sum[b] += v;
            count[b]++;
            if (v < lo[b]) {
                lo[b] = v;
            }
            if (v > hi[b]) {
                hi[b] = v;
            }
        }
        Long[] min = new Long[n];
        Long[] mean = new Long[n];
        Long[] max = new Long[n];
        for (int b = 0; b < n; b++) {
            if (count[b] > 0) {
                min[b] = lo[b];
                max[b] = hi[b];
                mean[b] = Math.round(sum[b] / (double) count[b]);
            }
        }
        return new Buckets(first, size, min, mean, max);
    }

    static long floor(long t, int size) {
        return Math.floorDiv(t + WIB_OFFSET_SECONDS, size) * size - WIB_OFFSET_SECONDS;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
