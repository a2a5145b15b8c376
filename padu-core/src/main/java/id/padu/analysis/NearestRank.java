package id.padu.analysis;

/**
 * Percentiles by nearest rank, as dataset format v1 defines them: for n samples sorted
 * ascending, Q(q) is the sample at 1-based rank ceil(q * n). Uses selection (expected O(n))
 * on a scratch copy rather than a full sort, because analysis and planning take several
 * quantiles of 105,120-sample series for a thousand agencies.
 */
public final class NearestRank {

    private NearestRank() {
    }

    /** 1-based rank of Q(q) among n samples; q in (0, 1]. */
    public static int rank(double q, int n) {
        if (!(q > 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile must be in (0, 1]: " + q);
        }
        // ceil(q * n) with a guard against binary noise such as 0.95 * 100 = 95.00000000000001
        double x = q * n;
        long r = (long) Math.ceil(x - 1e-9 * Math.max(1, x));
        return (int) Math.max(1, Math.min(n, r));
    }

    /**
     * Q(q) of the values that are not {@code skip} (use {@code UsageSeries.MISSING} to ignore
     * missing steps, or {@code Long.MIN_VALUE} to take all). Returns -1 when there is no value.
     */
    public static long quantile(long[] values, double q, long skip) {
        long[] scratch = new long[values.length];
        int n = 0;
        for (long v : values) {
            if (v != skip) {
                scratch[n++] = v;
            }
        }
        if (n == 0) {
            return -1;
        }
        return select(scratch, n, rank(q, n) - 1);
    }

    /** The k-th smallest (0-based) of the first n values; reorders {@code a}. */
    public static long select(long[] a, int n, int k) {
        return select(a, 0, n, k);
    }

    /**
     * The value of 0-based rank {@code k} among {@code a[from..to)}, with {@code from <= k < to}.
     * Afterwards {@code a[from..k)} holds no value above {@code a[k]} and {@code a[k+1..to)} none
     * below it, so several quantiles of one array can be taken in increasing order, each
     * selection searching only above the previous one.
     */
    public static long select(long[] a, int from, int to, int k) {
        if (from < 0 || k < from || k >= to || to > a.length) {
            throw new IllegalArgumentException("rank " + k + " outside [" + from + ", " + to + ")");
        }
        int lo = from, hi = to - 1;
        while (hi > lo) {
            // median of three pivot; Hoare-style partition
            int mid = (lo + hi) >>> 1;
            long x = a[lo], y = a[mid], z = a[hi];
            long pivot = x < y ? (y < z ? y : Math.max(x, z)) : (x < z ? x : Math.max(y, z));
            int i = lo, j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }
}
