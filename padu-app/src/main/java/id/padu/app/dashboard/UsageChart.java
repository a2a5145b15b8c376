package id.padu.app.dashboard;

/**
 * What one chart receives as JSON: bucket values in Mbps (two decimals; null where nothing was
 * measured) from {@code startWibMs} every {@code bucketMs}. Times are WIB wall time expressed as
 * if it were UTC, so the page shows WIB whatever the browser's time zone (ECharts {@code useUTC}).
 */
record UsageChart(String range, long startWibMs, long bucketMs, Double[] downMin, Double[] downMean, Double[] downMax,
                  Double[] upMean, Double[] upMax, double purchasedDownMbps, Double quantileDownMbps,
                  Double sumOfQuantilesDownMbps) {

    static final int MAX_POINTS = 2_000;

    static UsageChart of(String range, Buckets down, Buckets up, long purchasedDownBps, Long quantileDownBps,
                         Long sumOfQuantilesDownBps) {
        if (down.size() > MAX_POINTS) {
            throw new IllegalStateException(range + ": " + down.size() + " points");
        }
        return new UsageChart(range, (down.startEpochSecond() + Buckets.WIB_OFFSET_SECONDS) * 1000,
                down.bucketSeconds() * 1000L, mbps(down.min()), mbps(down.mean()), mbps(down.max()),
                mbps(up.mean()), mbps(up.max()), mbps(purchasedDownBps),
                quantileDownBps == null ? null : mbps(quantileDownBps),
                sumOfQuantilesDownBps == null ? null : mbps(sumOfQuantilesDownBps));
    }

    int size() {
        return downMean.length;
    }

    static Double[] mbps(Long[] bps) {
        Double[] out = new Double[bps.length];
        for (int i = 0; i < bps.length; i++) {
            out[i] = bps[i] == null ? null : mbps(bps[i]);
        }
        return out;
    }

    static double mbps(long bps) {
        return Math.round(bps / 10_000.0) / 100.0;
    }
}
