package id.padu.simulation;

import id.padu.domain.Agency;
import id.padu.domain.Dataset;
import id.padu.plan.AgencyDecision;
import id.padu.plan.DemandGrid;
import id.padu.plan.Plan;
import id.padu.plan.Uplink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays each central agency's measured series, times (1 + plan.growth), through a plan's
 * allocation, interval by interval, with {@link MaxMinSharing} (HTB semantics), per direction.
 * Missing samples count as no demand. Optionally with one provider's uplinks failed.
 *
 * <p>Fast enough for a province: the series are read in blocks of {@value #BLOCK} intervals and
 * transposed, so that each interval's demands lie side by side in memory; nothing is allocated
 * per interval.
 */
public final class Simulator {

    static final int BLOCK = 512;
    static final long PARALLEL_FROM = 5_000_000L;

    /** Served below this share of demand counts as a congested interval. */
    public static final double CONGESTED_BELOW = 0.99;

    private Simulator() {
    }

    /**
     * @param worstDownEpochSecond start of the interval with the lowest served share (down), or -1 when never short
     */
    public record AgencyResult(String code, double servedFractionDown, double servedFractionUp,
                               int congestedIntervalsDown, int congestedIntervalsUp,
                               long worstDownEpochSecond, double worstDownFraction,
                               long worstUpEpochSecond, double worstUpFraction,
                               long demandedBytesDown, long servedBytesDown, long demandedBytesUp, long servedBytesUp) {
    }

    public record Result(String failedProvider, long capacityDownBps, long capacityUpBps, int intervals,
                         int stepSeconds, List<AgencyResult> agencies) {
    }

    /** A plan that does not fit the dataset or the request; the message names the field. */
    public static final class PlanMismatchException extends Exception {
        private final String field;
        private final String value;

        public PlanMismatchException(String field, String value) {
            super(field + ": " + value);
            this.field = field;
            this.value = value;
        }

        public String field() {
            return field;
        }

        public String value() {
            return value;
        }
    }

    public static Result run(Dataset dataset, Plan plan, String failProvider) throws PlanMismatchException {
        return run(dataset, DemandGrid.of(dataset), plan, failProvider);
    }

    public static Result run(Dataset dataset, DemandGrid grid, Plan plan, String failProvider) throws PlanMismatchException {
        Map<String, Integer> index = new HashMap<>();
        List<Agency> all = dataset.agencies();
        for (int i = 0; i < all.size(); i++) {
            index.put(all.get(i).code(), i);
        }
        List<AgencyDecision> central = plan.centralAgencies();
        int n = central.size();
        int[] idx = new int[n];
        long[] cirD = new long[n], mirD = new long[n], cirU = new long[n], mirU = new long[n];
        int[] cls = new int[n];
        for (int k = 0; k < n; k++) {
            AgencyDecision a = central.get(k);
            Integer i = index.get(a.code());
            if (i == null) {
                throw new PlanMismatchException("agencies[].code", a.code());
            }
            idx[k] = i;
            cirD[k] = a.cirDownBps();
            mirD[k] = a.mirDownBps();
            cirU[k] = a.cirUpBps();
            mirU[k] = a.mirUpBps();
            cls[k] = all.get(i).priority().htbPrio();
        }
        long capD = 0, capU = 0;
        boolean found = failProvider == null;
        for (Uplink u : plan.uplinks()) {
            if (failProvider != null && failProvider.equalsIgnoreCase(u.provider())) {
                found = true;
                continue;
            }
            capD += u.downBps();
            capU += u.upBps();
        }
        if (!found) {
            throw new PlanMismatchException("uplinks[].provider", failProvider);
        }
        double growth = dataset.settings().growth();
        // the two directions are independent: replay them on two threads when there is work enough
        final long cd = capD;
        final long cu = capU;
        Direction down;
        Direction up;
        if ((long) n * grid.length() >= PARALLEL_FROM) {
            java.util.concurrent.CompletableFuture<Direction> upF = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> simulate(grid, idx, cirU, mirU, cls, cu, false, growth));
            down = simulate(grid, idx, cirD, mirD, cls, cd, true, growth);
            up = upF.join();
        } else {
            down = simulate(grid, idx, cirD, mirD, cls, cd, true, growth);
            up = simulate(grid, idx, cirU, mirU, cls, cu, false, growth);
        }
        List<AgencyResult> out = new ArrayList<>(n);
        double bytesPerBpsStep = grid.stepSeconds() / 8.0;
        for (int k = 0; k < n; k++) {
            out.add(new AgencyResult(central.get(k).code(), down.fraction(k), up.fraction(k), down.congested[k], up.congested[k],
                    down.worstIndex[k] < 0 ? -1 : grid.startEpochSecond() + (long) grid.stepSeconds() * down.worstIndex[k],
                    down.worst[k],
                    up.worstIndex[k] < 0 ? -1 : grid.startEpochSecond() + (long) grid.stepSeconds() * up.worstIndex[k],
                    up.worst[k],
                    Math.round(down.demanded[k] * bytesPerBpsStep), Math.round(down.served[k] * bytesPerBpsStep),
                    Math.round(up.demanded[k] * bytesPerBpsStep), Math.round(up.served[k] * bytesPerBpsStep)));
        }
        return new Result(failProvider, capD, capU, grid.length(), grid.stepSeconds(), out);
    }

    /** Per-direction tallies. Demanded and served are sums of bps over intervals. */
    private record Direction(long[] demanded, long[] served, int[] congested, int[] worstIndex, double[] worst) {
        double fraction(int k) {
            return demanded[k] == 0 ? 1.0 : served[k] / (double) demanded[k];
        }
    }

    private static Direction simulate(DemandGrid grid, int[] idx, long[] cir, long[] mir, int[] cls, long capacity,
                                      boolean downDirection, double growth) {
        int n = idx.length;
        int len = grid.length();
        long[] demanded = new long[n];
        long[] servedSum = new long[n];
        int[] congested = new int[n];
        int[] worstIndex = new int[n];
        double[] worst = new double[n];
        java.util.Arrays.fill(worstIndex, -1);
        java.util.Arrays.fill(worst, 1.0);
        if (n == 0) {
            return new Direction(demanded, servedSum, congested, worstIndex, worst);
        }
        MaxMinSharing sharing = new MaxMinSharing(cir, mir, cls);
        long[] block = new long[BLOCK * n];
        long[] demand = new long[n];
        long[] served = new long[n];
        double g = 1 + growth;
        for (int t0 = 0; t0 < len; t0 += BLOCK) {
            int b = Math.min(BLOCK, len - t0);
            for (int k = 0; k < n; k++) {
                long[] s = grid.series(idx[k], downDirection);
                if (s == null) {
                    for (int j = 0; j < b; j++) {
                        block[j * n + k] = 0;
                    }
                    continue;
                }
                for (int j = 0; j < b; j++) {
                    long v = s[t0 + j];
                    block[j * n + k] = v <= 0 ? 0 : (long) (v * g + 0.5);
                }
            }
            for (int j = 0; j < b; j++) {
                System.arraycopy(block, j * n, demand, 0, n);
                sharing.share(capacity, demand, served);
                for (int k = 0; k < n; k++) {
                    long d = demand[k];
                    if (d == 0) {
                        continue;
                    }
                    long s = served[k];
                    demanded[k] += d;
                    servedSum[k] += s;
                    if (s < CONGESTED_BELOW * d) {
                        congested[k]++;
                        double f = s / (double) d;
                        if (f < worst[k]) {
                            worst[k] = f;
                            worstIndex[k] = t0 + j;
                        }
                    }
                }
            }
        }
        return new Direction(demanded, servedSum, congested, worstIndex, worst);
    }
}
