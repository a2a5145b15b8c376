package id.padu.app.requests;

import id.padu.domain.Agency;
import id.padu.domain.Dataset;
import id.padu.domain.UsageSeries;
import id.padu.simulation.MaxMinSharing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a changed allocation does to everyone sharing the uplink: the agencies' stored usage is
 * replayed interval by interval through {@link MaxMinSharing} (the HTB-like sharing of padu-core),
 * once with today's allocations and once with the requested one, and each agency's share of its
 * demand that would be served is compared.
 */
final class AllocationPreview {

    private AllocationPreview() {
    }

    record AgencyEffect(String agency, double servedDownBefore, double servedDownAfter, double servedUpBefore,
                        double servedUpAfter, int shortIntervalsDownBefore, int shortIntervalsDownAfter) {
    }

    record Preview(String agency, Allocation current, Allocation proposed, long capacityDownBps, long capacityUpBps,
                   int intervals, List<AgencyEffect> agencies) {
    }

    /** Today's allocation of an agency: its approved override, else what it subscribes to (CIR = MIR). */
    static Allocation current(Dataset d, Map<String, Allocation> overrides, String code) {
        Allocation o = overrides.get(code);
        if (o != null) {
            return o;
        }
        long down = d.subscriptionsOf(code).stream().mapToLong(s -> s.down().bps()).sum();
        long up = d.subscriptionsOf(code).stream().mapToLong(s -> s.up().bps()).sum();
        return new Allocation(down, down, up, up);
    }

    /**
     * @param capacityDownBps shared capacity; 0 for "what today's allocations guarantee together"
     *                        (the sum of current CIRs), the pool the regency pays for
     */
    static Preview preview(Dataset d, Map<String, Allocation> overrides, String code, Allocation proposed,
                           long capacityDownBps, long capacityUpBps) {
        List<Agency> agencies = d.agencies();
        int n = agencies.size();
        long[] cirD = new long[n], mirD = new long[n], cirU = new long[n], mirU = new long[n];
        long[] cirD2 = new long[n], mirD2 = new long[n], cirU2 = new long[n], mirU2 = new long[n];
        int[] prio = new int[n];
        UsageSeries[] usage = new UsageSeries[n];
        long capD = capacityDownBps, capU = capacityUpBps;
        long sumCirD = 0, sumCirU = 0;
        for (int i = 0; i < n; i++) {
            String c = agencies.get(i).code();
            Allocation now = current(d, overrides, c);
            Allocation next = c.equals(code) ? proposed : now;
            cirD[i] = now.downCirBps(); mirD[i] = now.downMirBps(); cirU[i] = now.upCirBps(); mirU[i] = now.upMirBps();
            cirD2[i] = next.downCirBps(); mirD2[i] = next.downMirBps(); cirU2[i] = next.upCirBps(); mirU2[i] = next.upMirBps();
            prio[i] = agencies.get(i).priority().ordinal();
            usage[i] = d.usageOf(c).orElse(null);
            sumCirD += now.downCirBps();
            sumCirU += now.upCirBps();
        }
        if (capD <= 0) {
            capD = sumCirD;
        }
        if (capU <= 0) {
            capU = sumCirU;
        }
        long[] times = times(usage);
        Totals down = replay(times, usage, true, capD, new MaxMinSharing(cirD, mirD, prio), new MaxMinSharing(cirD2, mirD2, prio));
        Totals up = replay(times, usage, false, capU, new MaxMinSharing(cirU, mirU, prio), new MaxMinSharing(cirU2, mirU2, prio));
        List<AgencyEffect> effects = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            effects.add(new AgencyEffect(agencies.get(i).code(), down.fraction(i, false), down.fraction(i, true),
                    up.fraction(i, false), up.fraction(i, true), down.shortBefore[i], down.shortAfter[i]));
        }
        return new Preview(code, current(d, overrides, code), proposed, capD, capU, times.length, effects);
    }

    private static long[] times(UsageSeries[] usage) {
        long[] all = Arrays.stream(usage).filter(u -> u != null)
                .flatMapToLong(u -> java.util.stream.LongStream.range(0, u.size()).map(k -> u.timeOf((int) k)))
                .sorted().distinct().toArray();
        return all;
    }

    private static final class Totals {
        final long[] demand, servedBefore, servedAfter;
        final int[] shortBefore, shortAfter;

        Totals(int n) {
            demand = new long[n];
            servedBefore = new long[n];
            servedAfter = new long[n];
            shortBefore = new int[n];
            shortAfter = new int[n];
        }

        double fraction(int i, boolean after) {
            return demand[i] == 0 ? 1.0 : (double) (after ? servedAfter[i] : servedBefore[i]) / demand[i];
        }
    }

    private static Totals replay(long[] times, UsageSeries[] usage, boolean down, long capacity,
                                 MaxMinSharing before, MaxMinSharing after) {
        int n = usage.length;
        Totals t = new Totals(n);
        long[] demand = new long[n], s1 = new long[n], s2 = new long[n];
        for (long time : times) {
            for (int i = 0; i < n; i++) {
                demand[i] = sample(usage[i], time, down);
            }
            before.share(capacity, demand, s1);
            after.share(capacity, demand, s2);
            for (int i = 0; i < n; i++) {
                long dm = Math.max(0, demand[i]);
                // Scaled to kbit so a year of samples cannot overflow the sums.
                t.demand[i] += dm / 1000;
                t.servedBefore[i] += Math.min(s1[i], dm) / 1000;
                t.servedAfter[i] += Math.min(s2[i], dm) / 1000;
                if (s1[i] < dm) {
                    t.shortBefore[i]++;
                }
                if (s2[i] < dm) {
                    t.shortAfter[i]++;
                }
            }
        }
        return t;
    }

    /** The agency's demand at {@code time}; -1 (missing) where it has no sample then. */
    private static long sample(UsageSeries u, long time, boolean down) {
        if (u == null || time < u.startEpochSecond()) {
            return -1;
        }
        long offset = time - u.startEpochSecond();
        if (offset % u.stepSeconds() != 0 || offset / u.stepSeconds() >= u.size()) {
            return -1;
        }
        return (down ? u.downBps() : u.upBps())[(int) (offset / u.stepSeconds())];
    }
}
