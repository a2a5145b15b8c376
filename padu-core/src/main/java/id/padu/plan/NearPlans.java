package id.padu.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The near-optimal plans the search met on its way, kept per candidate: the cheapest explored
 * feasible plan in which the candidate joins, and the cheapest in which it stays local. A plan
 * more than {@link #PERCENT} % above the cheapest one seen so far is never within that of the final
 * plan (which costs at most as much as the cheapest seen), so it is not looked at further. Close
 * calls are then the candidates whose decision flips in a plan within that percentage of the final
 * one. Everything the search offers comes from its own deterministic path, so the close calls are as
 * reproducible as the plan.
 */
final class NearPlans {

    /** How far above the plan's cost an alternative still counts as a close call: 1 %. */
    static final int PERCENT = 1;

    private final long[] withIn;
    private final long[] withOut;
    private long least = OfferChooser.INFEASIBLE;

    NearPlans(int candidates) {
        withIn = new long[candidates];
        withOut = new long[candidates];
        java.util.Arrays.fill(withIn, OfferChooser.INFEASIBLE);
        java.util.Arrays.fill(withOut, OfferChooser.INFEASIBLE);
    }

    /** Whether a plan of this cost could still be a close call (and the cheapest seen so far moves down to it). */
    boolean near(long cost) {
        if (cost >= OfferChooser.INFEASIBLE) {
            return false;
        }
        if (cost < least) {
            least = cost;
        }
        return cost * 100 <= least * (100 + PERCENT);
    }

    /** Whether a plan costing at least {@code lowerBound} could still be a close call (the bound is no plan: nothing moves). */
    boolean couldBeNear(long lowerBound) {
        return lowerBound * 100 <= least * (100 + PERCENT);
    }

    /** A feasible plan (mask over candidates) of that exact cost. */
    void offer(boolean[] x, long cost) {
        if (!near(cost)) {
            return;
        }
        for (int k = 0; k < x.length; k++) {
            long[] side = x[k] ? withIn : withOut;
            if (cost < side[k]) {
                side[k] = cost;
            }
        }
    }

    /** One candidate whose decision flips in a plan within {@link #PERCENT} % of the final one. */
    record Flip(int candidate, boolean joins, long alternativeCost) {
    }

    /** The close calls of the final plan {@code x} of cost {@code cost}, cheapest alternative first. */
    List<Flip> flips(boolean[] x, long cost) {
        List<Flip> out = new ArrayList<>();
        for (int k = 0; k < x.length; k++) {
            long alt = x[k] ? withOut[k] : withIn[k];
            if (alt < OfferChooser.INFEASIBLE && alt * 100 <= cost * (100 + PERCENT)) {
                out.add(new Flip(k, !x[k], alt));
            }
        }
        out.sort((a, b) -> a.alternativeCost() != b.alternativeCost() ? Long.compare(a.alternativeCost(), b.alternativeCost())
                : Integer.compare(a.candidate(), b.candidate()));
        return out;
    }
}
