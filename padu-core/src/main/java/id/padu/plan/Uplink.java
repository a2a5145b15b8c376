package id.padu.plan;

/** One bought central uplink (a chosen offer row). Mbps as in offers.csv. */
public record Uplink(String provider, String product, double downMbps, double upMbps,
                     long monthlyCostIdr, long installCostIdr) {

    public long downBps() {
        return Math.round(downMbps * 1_000_000d);
    }

    public long upBps() {
        return Math.round(upMbps * 1_000_000d);
    }
}
