package id.padu.analysis;

/**
 * The summed demand of all agencies on the union of their time grids: element {@code i} is
 * the sum of the agencies' rates over {@code [start + i*step, start + (i+1)*step)}, a missing
 * sample counting as 0. The arrays are owned by this value: callers must not modify them.
 */
public record AggregateSeries(long startEpochSecond, int stepSeconds, long[] downBps, long[] upBps) {

    public static final AggregateSeries EMPTY = new AggregateSeries(0, 300, new long[0], new long[0]);

    public int size() {
        return downBps.length;
    }

    /**
     * At most {@code maxPoints} points for a chart, each the largest value of its bucket of
     * consecutive steps (peaks are what a planner must see; a mean would hide them).
     */
    public AggregateSeries downsampleMax(int maxPoints) {
        if (maxPoints <= 0) {
            throw new IllegalArgumentException("maxPoints must be positive: " + maxPoints);
        }
        int n = size();
        if (n <= maxPoints) {
            return this;
        }
        int per = (n + maxPoints - 1) / maxPoints;
        int m = (n + per - 1) / per;
        long[] d = new long[m];
        long[] u = new long[m];
        for (int b = 0; b < m; b++) {
            long md = 0, mu = 0;
            for (int i = b * per, end = Math.min(n, i + per); i < end; i++) {
                md = Math.max(md, downBps[i]);
                mu = Math.max(mu, upBps[i]);
            }
            d[b] = md;
            u[b] = mu;
        }
        return new AggregateSeries(startEpochSecond, Math.multiplyExact(stepSeconds, per), d, u);
    }
}
