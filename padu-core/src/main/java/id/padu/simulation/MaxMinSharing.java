package id.padu.simulation;

import java.util.Arrays;

/**
 * How one shared uplink is divided in one interval: generalized max-min fairness, the way a
 * Linux HTB tree with {@code rate} = CIR, {@code ceil} = MIR, {@code prio} = class and a
 * quantum proportional to CIR behaves under saturating demand.
 *
 * <ol>
 *   <li>every agency first gets min(demand, CIR);</li>
 *   <li>what is left goes to the agencies still short, priority class by class (0 first);</li>
 *   <li>within a class it is water-filled in proportion to CIR, never above min(demand, MIR).</li>
 * </ol>
 * An agency with CIR 0 borrows with the weight of 1 bps, so a class of zero-CIR agencies
 * shares equally. If a hand-edited plan guarantees more than the capacity (sum of CIR above
 * it), the guarantees are scaled down in proportion so the link is never over-filled.
 *
 * <p>One instance keeps scratch arrays for {@code n} agencies and is not thread-safe; it
 * allocates nothing per call, because the simulator calls it for every 5-minute interval of
 * a year for up to a thousand agencies.
 */
public final class MaxMinSharing {

    private final int n;
    private final int[] prioClass;
    private final long[] cir;
    private final long[] mir;
    private final long[] ceilCap;    // max(MIR, CIR, 0): the most an agency can ever be given
    private final int[] members;     // scratch: agencies of the class being water-filled
    private final double[] ratio;    // scratch: (cap - got) / weight, the level at which each saturates
    private final int[][] byClass;   // agencies of each priority class, in index order
    private final double[] headroom; // scratch: ceiling - served of each member being water-filled

    public MaxMinSharing(long[] cir, long[] mir, int[] prioClass) {
        if (cir.length != mir.length || cir.length != prioClass.length) {
            throw new IllegalArgumentException("cir, mir and class arrays differ in length");
        }
        this.n = cir.length;
        this.cir = cir.clone();
        this.mir = mir.clone();
        this.prioClass = prioClass.clone();
        this.ceilCap = new long[n];
        for (int i = 0; i < n; i++) {
            ceilCap[i] = Math.max(0, Math.max(mir[i], cir[i]));
        }
        this.members = new int[n];
        this.ratio = new double[n];
        this.headroom = new double[n];
        int maxClass = 0;
        for (int p : prioClass) {
            maxClass = Math.max(maxClass, p);
        }
        this.byClass = new int[maxClass + 1][];
        for (int c = 0; c <= maxClass; c++) {
            final int cls = c;
            byClass[c] = java.util.stream.IntStream.range(0, n).filter(i -> prioClass[i] == cls).toArray();
        }
    }

    public int size() {
        return n;
    }

    /**
     * Divides {@code capacity} among the demands; writes each agency's served rate to
     * {@code served} (same indices). A negative demand (a missing sample) counts as 0.
     */
    public void share(long capacity, long[] demand, long[] served) {
        long cap = Math.max(0, capacity);
        // Fast path: everyone fits under its ceiling.
        long wanted = 0;
        for (int i = 0; i < n; i++) {
            // the same ceiling as under congestion: a MIR below CIR is raised to CIR (as HTB does),
            // otherwise an agency would get more on a busy link than on an idle one
            long d = demand[i];
            long c = d <= 0 ? 0 : Math.min(d, ceilCap[i]);
            served[i] = c;
            wanted += c;
        }
        if (wanted <= cap) {
            return;
        }
        // Step 1: guarantees.
        long guaranteed = 0;
        for (int i = 0; i < n; i++) {
            long g = Math.min(Math.max(0, demand[i]), Math.max(0, cir[i]));
            served[i] = g;
            guaranteed += g;
        }
        if (guaranteed >= cap) {
            scaleDown(cap, guaranteed, served);
            return;
        }
        long left = cap - guaranteed;
        // Step 2: classes in order.
        for (int cls = 0; cls < byClass.length && left > 0; cls++) {
            int m = 0;
            long need = 0;
            for (int i : byClass[cls]) {
                long ceiling = ceiling(i, demand[i]);
                if (ceiling > served[i]) {
                    members[m++] = i;
                    need += ceiling - served[i];
                }
            }
            if (m == 0) {
                continue;
            }
            if (need <= left) {
                for (int k = 0; k < m; k++) {
                    int i = members[k];
                    served[i] = ceiling(i, demand[i]);
                }
                left -= need;
                continue;
            }
            waterFill(m, demand, served, left);
            left = 0;
        }
    }

    /** Ceiling of agency i for a demand: min(demand, MIR), and never below what it already has. */
    private long ceiling(int i, long demand) {
        return Math.min(Math.max(0, demand), Math.max(mir[i], cir[i]));
    }

    private static double weight(long cir) {
        return Math.max(1, cir);
    }

    /**
     * Water-fills {@code left} among {@code members[0..m)} in proportion to CIR: finds the common
     * level (bps per unit of weight) at which the members still below their ceiling absorb what is
     * left. Members whose headroom is below the current level saturate and leave; the level only
     * rises as they leave, so a few passes without sorting settle it.
     */
    private void waterFill(int m, long[] demand, long[] served, long left) {
        double totalWeight = 0;
        for (int k = 0; k < m; k++) {
            int i = members[k];
            headroom[k] = ceiling(i, demand[i]) - served[i];
            ratio[k] = weight(cir[i]);
            totalWeight += ratio[k];
        }
        double remaining = left;
        int active = m;
        double level = remaining / totalWeight;
        boolean changed = true;
        while (changed && active > 0) {
            changed = false;
            level = remaining / totalWeight;
            int k = 0;
            while (k < active) {
                if (headroom[k] <= level * ratio[k]) {
                    int i = members[k];
                    long add = (long) headroom[k];
                    served[i] += add;
                    remaining -= add;
                    totalWeight -= ratio[k];
                    // swap the saturated member out of the active range
                    active--;
                    members[k] = members[active];
                    headroom[k] = headroom[active];
                    ratio[k] = ratio[active];
                    changed = true;
                } else {
                    k++;
                }
            }
            if (totalWeight <= 0) {
                break;
            }
        }
        level = totalWeight > 0 ? remaining / totalWeight : 0;
        for (int k = 0; k < active; k++) {
            served[members[k]] += (long) Math.floor(level * ratio[k]);
        }
    }

    private void scaleDown(long cap, long guaranteed, long[] served) {
        double f = cap / (double) guaranteed;
        for (int i = 0; i < n; i++) {
            served[i] = (long) Math.floor(served[i] * f);
        }
    }
}
