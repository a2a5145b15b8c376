package id.padu.app.gateway;

import id.padu.app.usage.UsageStore;
import id.padu.domain.UsageSeries;
import id.padu.plan.AgencyDecision;
import id.padu.plan.Decision;
import id.padu.plan.Plan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Each central agency's latest measured rate against its CIR and MIR from the plan. A rate above
 * the MIR means the gateway does not shape that agency (a missing class, a wrong prefix); a rate
 * below the CIR while the link was full means the agency may be starved of its guarantee (with
 * counters alone Padu cannot tell whether it wanted more, hence "may").
 */
@Component
class AgencyLoads {

    /** The link counts as full from this share of the plan's uplink capacity. */
    static final double FULL = 0.95;
    /** Counters include bursts and header bytes: a rate this close to a limit is on it. */
    static final double TOLERANCE = 0.02;

    enum State { OK, ABOVE_MIR, BELOW_CIR_FULL, NO_DATA }

    record Direction(long rateBps, long cirBps, long mirBps, boolean linkFull, State state) {
    }

    record Load(String agency, Instant time, Direction down, Direction up) {
    }

    /** @param linkDown the summed download rate of the central agencies at the newest time, or -1 */
    record Loads(List<Load> rows, Instant newest, long capacityDownBps, long capacityUpBps, long linkDown, long linkUp) {
    }

    private final UsageStore usage;

    AgencyLoads(UsageStore usage) {
        this.usage = usage;
    }

    Loads of(Plan plan) {
        long capDown = plan.uplinks().stream().mapToLong(u -> Math.round(u.downMbps() * 1_000_000)).sum();
        long capUp = plan.uplinks().stream().mapToLong(u -> Math.round(u.upMbps() * 1_000_000)).sum();
        List<AgencyDecision> central = plan.agencies().stream().filter(a -> a.decision() == Decision.CENTRAL)
                .sorted(Comparator.comparing(AgencyDecision::code)).toList();
        // The last day of every central agency: the link's load at a time is the sum of its agencies.
        Map<String, UsageSeries> tails = new HashMap<>();
        Map<Long, long[]> linkByTime = new HashMap<>();
        for (AgencyDecision a : central) {
            Optional<Instant[]> extent = usage.extent(a.code());
            if (extent.isEmpty()) {
                continue;
            }
            Instant end = extent.get()[1];
            usage.read(a.code(), end.minusSeconds(86_400), end).ifPresent(s -> {
                tails.put(a.code(), s);
                for (int i = 0; i < s.size(); i++) {
                    if (s.downBps()[i] != UsageSeries.MISSING) {
                        long[] sum = linkByTime.computeIfAbsent(s.timeOf(i), t -> new long[2]);
                        sum[0] += s.downBps()[i];
                        sum[1] += Math.max(0, s.upBps()[i]);
                    }
                }
            });
        }
        List<Load> rows = new ArrayList<>();
        Instant newest = null;
        for (AgencyDecision a : central) {
            UsageSeries s = tails.get(a.code());
            int last = s == null ? -1 : lastMeasured(s);
            if (last < 0) {
                rows.add(new Load(a.code(), null, new Direction(-1, a.cirDownBps(), a.mirDownBps(), false, State.NO_DATA),
                        new Direction(-1, a.cirUpBps(), a.mirUpBps(), false, State.NO_DATA)));
                continue;
            }
            long t = s.timeOf(last);
            long[] link = linkByTime.getOrDefault(t, new long[2]);
            Instant at = Instant.ofEpochSecond(t);
            newest = newest == null || at.isAfter(newest) ? at : newest;
            rows.add(new Load(a.code(), at,
                    direction(s.downBps()[last], a.cirDownBps(), a.mirDownBps(), link[0] >= FULL * capDown),
                    direction(s.upBps()[last], a.cirUpBps(), a.mirUpBps(), link[1] >= FULL * capUp)));
        }
        long[] atNewest = newest == null ? null : linkByTime.get(newest.getEpochSecond());
        return new Loads(rows, newest, capDown, capUp, atNewest == null ? -1 : atNewest[0], atNewest == null ? -1 : atNewest[1]);
    }

    static Direction direction(long rate, long cir, long mir, boolean linkFull) {
        if (rate < 0) {
            return new Direction(-1, cir, mir, linkFull, State.NO_DATA);
        }
        State state = State.OK;
        if (rate > mir * (1 + TOLERANCE)) {
            state = State.ABOVE_MIR;
        } else if (linkFull && rate < cir * (1 - TOLERANCE)) {
            state = State.BELOW_CIR_FULL;
        }
        return new Direction(rate, cir, mir, linkFull, state);
    }

    private static int lastMeasured(UsageSeries s) {
        for (int i = s.size() - 1; i >= 0; i--) {
            if (s.downBps()[i] != UsageSeries.MISSING || s.upBps()[i] != UsageSeries.MISSING) {
                return i;
            }
        }
        return -1;
    }

}
