package id.padu.plan;

import id.padu.domain.Priority;
import java.util.ArrayList;
import java.util.List;

/**
 * Guaranteed (CIR) and ceiling (MIR) rates per central agency and direction. The rule
 * (docs/allocation.md):
 * <ol>
 *   <li>The guarantee pool is {@code floor(capacity x (1 - reserve))}; the reserve is never
 *       promised to anyone and is what everybody borrows from first.</li>
 *   <li>Each agency's target is its own Q95 x (1 + growth), at least {@link #MIN_TARGET_BPS}
 *       so that every agency has a non-zero HTB rate.</li>
 *   <li>Classes are served in priority order (critical, high, normal, low). A class whose
 *       targets all fit in what is left of the pool gets them in full; otherwise the rest of the
 *       pool is split in proportion to the targets of that class and lower classes get
 *       nothing guaranteed (they still borrow). So critical agencies get CIR >= target
 *       whenever the critical targets fit, and for the same demand a higher priority never
 *       gets a lower CIR.</li>
 *   <li>MIR = the uplink capacity: every agency may use idle capacity. MIR is a policy on the
 *       shared uplink; it is not lowered to the agency's link capacity, which limits itself
 *       physically and which the planner checks against the sizing quantile.</li>
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
     * @param q95DownBps own measured Q95 (no growth applied)
     */
    public record Demand(String code, Priority priority, long q95DownBps, long q95UpBps) {
    }

    /** The allocation of one agency. */
    public record Share(String code, long cirDownBps, long mirDownBps, long cirUpBps, long mirUpBps) {
    }

    /** Allocates both directions; the result is in the order of {@code demands}. */
    public static List<Share> allocate(List<Demand> demands, long capacityDownBps, long capacityUpBps,
                                       double reserve, double growth) {
        int n = demands.size();
        long[] tDown = new long[n];
        long[] tUp = new long[n];
        int[] prio = new int[n];
        for (int i = 0; i < n; i++) {
            Demand d = demands.get(i);
            tDown[i] = target(d.q95DownBps(), growth);
            tUp[i] = target(d.q95UpBps(), growth);
            prio[i] = d.priority().ordinal();
        }
        long[] cirDown = guarantees(tDown, prio, pool(capacityDownBps, reserve));
        long[] cirUp = guarantees(tUp, prio, pool(capacityUpBps, reserve));
        List<Share> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long mirD = capacityDownBps;
            long mirU = capacityUpBps;
            long cd = Math.min(cirDown[i], mirD);
            long cu = Math.min(cirUp[i], mirU);
            out.add(new Share(demands.get(i).code(), cd, Math.max(cd, mirD), cu, Math.max(cu, mirU)));
        }
        return out;
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
