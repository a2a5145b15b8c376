package id.padu.plan;

import id.padu.domain.MirPolicy;
import id.padu.domain.Priority;
import id.padu.domain.Settings;
import java.util.ArrayList;
import java.util.List;

/**
 * Guaranteed (CIR) and ceiling (MIR) rates per central agency and direction. The rule
 * (docs/allocation.md):
 * <ol>
 *   <li>The guarantee pool is {@code floor(capacity x (1 - reserve))}, from the capacity that
 *       counts (a broadband line only its {@code plan.broadband_share}); the reserve is never
 *       promised to anyone and is what everybody borrows from first.</li>
 *   <li>MIR by {@code plan.mir}: the whole uplink ({@code uplink}), at most the agency's own link
 *       capacity where links.csv gives one ({@code link}), or k x its CIR ({@code kx}), at most
 *       the uplink and at least {@link #MIN_TARGET_BPS}.</li>
 *   <li>Every agency first gets the floor {@code plan.min_cir_mbps} (at most its MIR). When the
 *       floors do not fit in the pool they are scaled down in proportion and
 *       {@link Allocation#floorsFit} says so (the planner refuses such a plan).</li>
 *   <li>Each agency's target is its own Q95 x (1 + growth), at least {@link #MIN_TARGET_BPS};
 *       its CIR is at most its MIR. Classes are served in priority order
 *       (critical, high, normal, low) from what the floors left: a class whose targets all fit
 *       gets them in full; otherwise the rest is split in proportion to what the class still
 *       wants above its floors and lower classes get nothing more than their floors (they still
 *       borrow). So critical agencies get CIR >= target whenever the floors and the critical
 *       targets fit, and for the same demand and link a higher priority never gets a lower CIR.</li>
 * </ol>
 * All rates are rounded down to whole bps, so the sum of CIR never exceeds the pool.
 */
public final class Allocator {

    /** Floor of a target, so that a quiet agency still has a usable guaranteed rate. */
    public static final long MIN_TARGET_BPS = 256_000L;

    private Allocator() {
    }

    /**
     * What the allocation needs to know of one central agency.
     *
     * @param q95DownBps      own measured Q95 (no growth applied)
     * @param linkCapacityBps its link's capacity_mbps in bps, 0 when links.csv gives none
     */
    public record Demand(String code, Priority priority, long q95DownBps, long q95UpBps, long linkCapacityBps) {

        public Demand(String code, Priority priority, long q95DownBps, long q95UpBps) {
            this(code, priority, q95DownBps, q95UpBps, 0);
        }
    }

    /** The allocation of one agency. */
    public record Share(String code, long cirDownBps, long mirDownBps, long cirUpBps, long mirUpBps) {
    }

    /**
     * The allocation rules of the plan settings.
     *
     * @param floorBps {@code plan.min_cir_mbps} in bps: the guarantee every agency gets first
     */
    public record Policy(long floorBps, MirPolicy mir) {
        /** No floor, MIR the uplink: the rule before the floors and MIR policies. */
        public static final Policy NONE = new Policy(0, MirPolicy.UPLINK);

        public static Policy of(Settings s) {
            return new Policy(Math.round(s.minCirMbps() * 1_000_000d), s.mir());
        }
    }

    /**
     * The shares in the order of the demands, and per direction whether the floors fit in the pool
     * ({@code floorNeed} bps asked, {@code pool} bps to give).
     */
    public record Allocation(List<Share> shares, long floorNeedDownBps, long poolDownBps, long floorNeedUpBps,
                             long poolUpBps) {
        public boolean floorsFit() {
            return floorNeedDownBps <= poolDownBps && floorNeedUpBps <= poolUpBps;
        }
    }

    /** Allocates both directions without floors, MIR the uplink; the result is in the order of {@code demands}. */
    public static List<Share> allocate(List<Demand> demands, long capacityDownBps, long capacityUpBps,
                                       double reserve, double growth) {
        return allocate(demands, capacityDownBps, capacityUpBps, capacityDownBps, capacityUpBps, reserve, growth, Policy.NONE)
                .shares();
    }

    /**
     * Allocates both directions.
     *
     * @param countedDownBps the capacity guarantees are promised from (a broadband line counts its share)
     * @param uplinkDownBps  the uplinks' whole capacity, the highest ceiling
     */
    public static Allocation allocate(List<Demand> demands, long countedDownBps, long countedUpBps, long uplinkDownBps,
                                      long uplinkUpBps, double reserve, double growth, Policy policy) {
        int n = demands.size();
        long[] tDown = new long[n];
        long[] tUp = new long[n];
        long[] link = new long[n];
        int[] prio = new int[n];
        for (int i = 0; i < n; i++) {
            Demand d = demands.get(i);
            tDown[i] = target(d.q95DownBps(), growth);
            tUp[i] = target(d.q95UpBps(), growth);
            link[i] = d.linkCapacityBps();
            prio[i] = d.priority().ordinal();
        }
        long poolD = pool(countedDownBps, reserve);
        long poolU = pool(countedUpBps, reserve);
        Direction down = direction(tDown, link, prio, poolD, uplinkDownBps, policy);
        Direction up = direction(tUp, link, prio, poolU, uplinkUpBps, policy);
        List<Share> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Share(demands.get(i).code(), down.cir[i], down.mir[i], up.cir[i], up.mir[i]));
        }
        return new Allocation(out, down.floorNeed, poolD, up.floorNeed, poolU);
    }

    private record Direction(long[] cir, long[] mir, long floorNeed) {
    }

    private static Direction direction(long[] target, long[] link, int[] prio, long pool, long uplink, Policy policy) {
        int n = target.length;
        MirPolicy mp = policy.mir();
        long[] mir = new long[n];
        long[] floor = new long[n];
        long[] want = new long[n];
        long need = 0;
        for (int i = 0; i < n; i++) {
            // the ceilings known before the guarantees; a multiple of CIR is set afterwards
            mir[i] = mp.kind() == MirPolicy.Kind.LINK && link[i] > 0 ? Math.min(uplink, link[i]) : uplink;
            floor[i] = Math.min(policy.floorBps(), mir[i]);
            need += floor[i];
        }
        if (need > pool) {
            // the floors do not fit: scaled in proportion, rounded down, so the pool still holds
            double f = Math.max(0, pool) / (double) need;
            for (int i = 0; i < n; i++) {
                floor[i] = (long) Math.floor(floor[i] * f);
            }
        }
        long left = Math.max(0, pool);
        for (int i = 0; i < n; i++) {
            left -= floor[i];
            // what the class shares in proportion to: the target above the floor (as before the floors,
            // not capped by the ceiling: the final CIR is)
            want[i] = Math.max(0, target[i] - floor[i]);
        }
        long[] extra = guarantees(want, prio, Math.max(0, left));
        long[] cir = new long[n];
        for (int i = 0; i < n; i++) {
            cir[i] = floor[i] + extra[i];
            if (mp.kind() == MirPolicy.Kind.MULTIPLE) {
                long k = (long) Math.floor(cir[i] * mp.multiple());
                mir[i] = Math.min(uplink, Math.max(MIN_TARGET_BPS, k));
            }
            cir[i] = Math.min(cir[i], mir[i]);
            mir[i] = Math.max(mir[i], cir[i]);
        }
        return new Direction(cir, mir, need);
    }

    /** The share of capacity that may be guaranteed: floor(capacity x (1 - reserve)). */
    public static long pool(long capacity, double reserve) {
        return (long) Math.floor(capacity * (1 - reserve));
    }

    /** Own Q95 x (1 + growth), rounded up, at least {@link #MIN_TARGET_BPS}. */
    public static long target(long q95, double growth) {
        return Math.max(MIN_TARGET_BPS, (long) Math.ceil(q95 * (1 + growth)));
    }

    static long[] guarantees(long[] target, int[] prio, long pool) {
        int n = target.length;
        long[] cir = new long[n];
        long left = Math.max(0, pool);
        for (int cls = 0; cls < Priority.values().length; cls++) {
            long want = 0;
            for (int i = 0; i < n; i++) {
                if (prio[i] == cls) {
                    want += target[i];
                }
            }
            if (want == 0) {
                continue;
            }
            if (want <= left) {
                for (int i = 0; i < n; i++) {
                    if (prio[i] == cls) {
                        cir[i] = target[i];
                    }
                }
                left -= want;
            } else {
                // proportional share of what is left, rounded down: the sum stays within the pool
                double f = left / (double) want;
                for (int i = 0; i < n; i++) {
                    if (prio[i] == cls) {
                        cir[i] = (long) Math.floor(target[i] * f);
                    }
                }
                left = 0;
            }
        }
        return cir;
    }
}
