package id.padu.plan;

import id.padu.analysis.NearestRank;
import id.padu.domain.Agency;
import id.padu.domain.Dataset;
import id.padu.domain.UsageSeries;
import java.util.List;

/**
 * The measured demand of every agency of a dataset on one common time grid, so that the
 * aggregate of a set of agencies is a plain sum per grid step (a missing sample counts as 0,
 * as dataset format v1 defines). The grid step is the finest step of any series; a coarser
 * series fills every grid step its interval covers (its rate is the average over the interval).
 *
 * <p>Quantiles of an aggregate are taken over the grid steps where at least one agency of the
 * dataset has a measurement. That set is the same for every subset of agencies, which keeps
 * the aggregate quantile monotone: adding an agency never lowers it (rates are non-negative).
 *
 * <p>Series already on the grid are used as they are (no copy): a province's year of 5-minute
 * data is 1.7 GB of longs and must not be held twice.
 */
public final class DemandGrid {

    private final long startEpochSecond;
    private final int stepSeconds;
    private final int length;
    private final long[][] down;
    private final long[][] up;
    private final int[] measured;   // grid steps with a measurement, or null when all are
    private final int measuredCount;

    private DemandGrid(long start, int step, int length, long[][] down, long[][] up, int[] measured, int measuredCount) {
        this.startEpochSecond = start;
        this.stepSeconds = step;
        this.length = length;
        this.down = down;
        this.up = up;
        this.measured = measured;
        this.measuredCount = measuredCount;
    }

    /** The grid of all agencies of the dataset, indexed as {@code dataset.agencies()}. */
    public static DemandGrid of(Dataset dataset) {
        List<Agency> agencies = dataset.agencies();
        int n = agencies.size();
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        int step = Integer.MAX_VALUE;
        for (Agency a : agencies) {
            UsageSeries s = dataset.usage().get(a.code());
            if (s == null || s.size() == 0) {
                continue;
            }
            step = Math.min(step, s.stepSeconds());
        }
        long[][] down = new long[n][];
        long[][] up = new long[n][];
        if (step == Integer.MAX_VALUE) {
            return new DemandGrid(0, 300, 0, down, up, null, 0);
        }
        for (Agency a : agencies) {
            UsageSeries s = dataset.usage().get(a.code());
            if (s == null || s.size() == 0) {
                continue;
            }
            start = Math.min(start, Math.floorDiv(s.startEpochSecond(), step) * step);
            end = Math.max(end, s.end().getEpochSecond());
        }
        int len = (int) ((end - start + step - 1) / step);
        for (int i = 0; i < n; i++) {
            UsageSeries s = dataset.usage().get(agencies.get(i).code());
            if (s == null || s.size() == 0) {
                continue;
            }
            if (s.startEpochSecond() == start && s.stepSeconds() == step && s.size() == len) {
                down[i] = s.downBps();
                up[i] = s.upBps();
            } else {
                down[i] = remap(s, s.downBps(), start, step, len);
                up[i] = remap(s, s.upBps(), start, step, len);
            }
        }
        boolean[] any = new boolean[len];
        int count = 0;
        for (int i = 0; i < n; i++) {
            long[] d = down[i];
            if (d == null) {
                continue;
            }
            for (int t = 0; t < len; t++) {
                if (!any[t] && d[t] != UsageSeries.MISSING) {
                    any[t] = true;
                    count++;
                }
            }
        }
        int[] measured = null;
        if (count < len) {
            measured = new int[count];
            int k = 0;
            for (int t = 0; t < len; t++) {
                if (any[t]) {
                    measured[k++] = t;
                }
            }
        }
        return new DemandGrid(start, step, len, down, up, measured, count);
    }

    private static long[] remap(UsageSeries s, long[] values, long start, int step, int len) {
        long[] out = new long[len];
        java.util.Arrays.fill(out, UsageSeries.MISSING);
        int span = Math.max(1, s.stepSeconds() / step);
        for (int j = 0; j < values.length; j++) {
            long idx = (s.timeOf(j) - start) / step;
            for (int k = 0; k < span; k++) {
                long t = idx + k;
                if (t >= 0 && t < len) {
                    out[(int) t] = values[j];
                }
            }
        }
        return out;
    }

    public long startEpochSecond() {
        return startEpochSecond;
    }

    public int stepSeconds() {
        return stepSeconds;
    }

    /** Number of grid steps. */
    public int length() {
        return length;
    }

    /** Number of grid steps over which aggregate quantiles are taken. */
    public int measuredCount() {
        return measuredCount;
    }

    /** Down or up series of agency i on the grid (MISSING where not measured), or null without usage. */
    public long[] series(int agency, boolean downDirection) {
        return downDirection ? down[agency] : up[agency];
    }

    /** Adds (sign 1) or removes (sign -1) agency i's rates to an aggregate; missing counts 0. */
    public void accumulate(long[] aggregate, int agency, boolean downDirection, int sign) {
        long[] s = downDirection ? down[agency] : up[agency];
        if (s == null) {
            return;
        }
        if (sign > 0) {
            for (int t = 0; t < length; t++) {
                long v = s[t];
                aggregate[t] += v & ~(v >> 63);
            }
        } else {
            for (int t = 0; t < length; t++) {
                long v = s[t];
                aggregate[t] -= v & ~(v >> 63);
            }
        }
    }

    /**
     * Q(q) by nearest rank of an aggregate over the measured steps; 0 when nothing is measured.
     * {@code scratch} must hold {@link #length()} values. When {@code bottomSum} is not null,
     * its first element receives the sum of the r smallest samples (r = the rank of Q).
     */
    public long quantile(long[] aggregate, double q, long[] scratch, long[] bottomSum) {
        int n = measuredCount;
        if (n == 0) {
            if (bottomSum != null) {
                bottomSum[0] = 0;
            }
            return 0;
        }
        if (measured == null) {
            System.arraycopy(aggregate, 0, scratch, 0, n);
        } else {
            for (int k = 0; k < n; k++) {
                scratch[k] = aggregate[measured[k]];
            }
        }
        int r = NearestRank.rank(q, n);
        long v = NearestRank.select(scratch, n, r - 1);
        if (bottomSum != null) {
            long sum = 0;
            for (int k = 0; k < r; k++) {
                sum += scratch[k];
            }
            bottomSum[0] = sum;
        }
        return v;
    }

    /**
     * Like {@link #quantile} when Q is known to lie in [lo, hi]: one pass that counts the values
     * below and above the bracket and selects only among those inside it (a narrow bracket makes
     * this several times faster than a full selection). Falls back to the full selection when
     * the bracket turns out not to hold Q.
     */
    public long quantileBracket(long[] aggregate, double q, long lo, long hi, long[] scratch, long[] bottomSum) {
        int n = measuredCount;
        if (n == 0 || lo > hi) {
            return quantile(aggregate, q, scratch, bottomSum);
        }
        int r = NearestRank.rank(q, n);
        int below = 0;
        long sumBelow = 0;
        int m = 0;
        if (measured == null) {
            for (int t = 0; t < n; t++) {
                long v = aggregate[t];
                if (v < lo) {
                    below++;
                    sumBelow += v;
                } else if (v <= hi) {
                    scratch[m++] = v;
                }
            }
        } else {
            for (int k = 0; k < n; k++) {
                long v = aggregate[measured[k]];
                if (v < lo) {
                    below++;
                    sumBelow += v;
                } else if (v <= hi) {
                    scratch[m++] = v;
                }
            }
        }
        int kth = r - below; // 1-based rank of Q inside the bracket
        if (kth < 1 || kth > m) {
            return quantile(aggregate, q, scratch, bottomSum);
        }
        long v = NearestRank.select(scratch, m, kth - 1);
        if (bottomSum != null) {
            long sum = sumBelow;
            for (int j = 0; j < kth; j++) {
                sum += scratch[j];
            }
            bottomSum[0] = sum;
        }
        return v;
    }

    /** The grid steps over which quantiles are taken, ascending. */
    public int[] measuredSteps() {
        if (measured != null) {
            return measured.clone();
        }
        int[] all = new int[length];
        for (int t = 0; t < length; t++) {
            all[t] = t;
        }
        return all;
    }

    /** Rank r of Q(q) over the measured steps. */
    public int rank(double q) {
        return measuredCount == 0 ? 1 : NearestRank.rank(q, measuredCount);
    }

    /** An agency's own Q(q) over its measured samples (missing ignored); 0 without usage. */
    public long ownQuantile(int agency, boolean downDirection, double q) {
        long[] s = downDirection ? down[agency] : up[agency];
        if (s == null) {
            return 0;
        }
        long v = NearestRank.quantile(s, q, UsageSeries.MISSING);
        return Math.max(0, v);
    }

    /** Highest rate of an agency on the grid (0 without usage). */
    public long peak(int agency, boolean downDirection) {
        long[] s = downDirection ? down[agency] : up[agency];
        long m = 0;
        if (s != null) {
            for (long v : s) {
                m = Math.max(m, v);
            }
        }
        return m;
    }
}
