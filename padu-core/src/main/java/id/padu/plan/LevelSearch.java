package id.padu.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Which candidate agencies join, searched per price level (docs/planning.md, "The solver").
 *
 * <p>The offer cost is a step function of the required capacity. Each Pareto-optimal offer
 * choice S (annual cost c, carrying requirements up to D down and U up) is a level, and
 * <pre>  optimum = sumL + min over levels of [ c - max { delta(X) : R(X) within (D, U) } ]</pre>
 * since every X is carried at its own cost by a listed choice, and a set a choice carries costs
 * at most c. "R(X) within D" means Q(X) is at most a threshold q, i.e. the aggregate of X exceeds
 * q on at most m = (measured steps - rank) steps. Only the steps P where all candidates together
 * exceed q matter; for each level the search is a branch and bound over agencies on P alone.
 *
 * <p>Bound at a node (F decided in, U undecided): at every step of P, a fitting X is either
 * within q or one of its at most m exceedances. Within q at step t, X = F + V with V a 0/1
 * knapsack over U (the agencies' loads at t, room q minus F's load), whose value is bounded by
 * the Martello-Toth bound K_t. A set saving more than K_t exceeds at t, so delta(V) is at most
 * the (m + 1)-th smallest K_t (a step where F alone exceeds counts with -1). Unlike a sum of
 * per-agency quantities this keeps the agencies' time alignment. (Groups of steps with summed
 * loads were tried too: on the demo they bound no tighter per unit of work.) Everything holds for
 * every completion, so pruning never loses the optimum: when every level is finished the
 * incumbent is the proven optimum; otherwise the least bound of the open nodes is a proven lower
 * bound.
 *
 * <p>Search: best-first over the nodes of all levels in one queue (least lower bound on the plan
 * cost first), so the reported bound rises steadily; branching on the agency that is most often
 * the critical (fractional) item of the steps that decide the bound; a greedy completion of some
 * nodes (the undecided agencies by saving per busy load, each kept if the set still fits) for the
 * incumbent. Each level keeps its aggregates of F and F + U on P and moves them to the next node
 * by the few agencies that differ.
 */
final class LevelSearch {

    /** Nodes hold their sets as bit masks of a long. */
    static final int MAX_CANDIDATES = 64;

    private static final long INF = OfferChooser.INFEASIBLE;

    private final DemandGrid grid;
    private final OfferChooser offers;
    private final AgencySearch exact;
    private final int[] cand;
    private final long[] delta;
    private final long sumL;
    private final int n;
    private final int m;
    private final int[] measured;
    private final long qAllDown;
    private final long qAllUp;

    long best;
    boolean[] bestIn;
    long nodes;
    private Deadline deadline;
    private long maxNodes;
    /** Least lower bound on the plan cost of the levels not finished (INF when all are). */
    private long openBound = INF;

    // per level state
    private long levelCost;
    private long target;                 // delta needed to beat the incumbent at this level
    private Dir[] dirs;
    private final boolean[] inF;
    private final boolean[] inU;
    private long deltaF;
    private long deltaU;

    LevelSearch(DemandGrid grid, OfferChooser offers, AgencySearch exact, int[] cand, long[] delta, long sumL, double quantile) {
        this.grid = grid;
        this.offers = offers;
        this.exact = exact;
        this.cand = cand;
        this.delta = delta;
        this.sumL = sumL;
        this.n = cand.length;
        this.m = grid.measuredCount() - grid.rank(quantile);
        this.measured = grid.measuredSteps();
        this.inF = new boolean[n];
        this.inU = new boolean[n];
        this.criticalCount = new int[n];
        long[] all = new long[grid.length()];
        long[] scratch = new long[grid.length()];
        for (int k = 0; k < n; k++) {
            grid.accumulate(all, cand[k], true, 1);
        }
        qAllDown = grid.quantile(all, quantile, scratch, null);
        Arrays.fill(all, 0);
        for (int k = 0; k < n; k++) {
            grid.accumulate(all, cand[k], false, 1);
        }
        qAllUp = grid.quantile(all, quantile, scratch, null);
        this.budget = exact.budget();
        this.kCost = new long[n];
        Integer[] idx = new Integer[n];
        for (int k = 0; k < n; k++) {
            kCost[k] = exact.linkCost(k);
            idx[k] = k;
        }
        // most saving per rupiah of link first, for the fractional knapsack of the ceiling
        java.util.Arrays.sort(idx, (x, y) -> Double.compare(delta[y] / (kCost[y] + 1e-9), delta[x] / (kCost[x] + 1e-9)));
        this.byLinkRatio = Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    /** The ceiling on uplinks plus links (INF: none), the candidates' link costs and their order by saving per link rupiah. */
    private final long budget;
    private final long[] kCost;
    private final int[] byLinkRatio;
    private long kF;
    private long kU;

    /**
     * Upper bound on delta(V), V within U, with the links of F + V within {@code room}: the
     * fractional knapsack (integrality dropped, so never below the best integral choice).
     */
    private long budgetBound(long room) {
        double v = 0;
        double left = room;
        for (int k : byLinkRatio) {
            if (!inU[k]) {
                continue;
            }
            if (kCost[k] <= left) {
                left -= kCost[k];
                v += delta[k];
            } else {
                v += delta[k] * (left / kCost[k]);
                break;
            }
        }
        return (long) Math.ceil(v * (1 + 1e-12));
    }

    /** One Pareto-optimal offer choice: its cost and the largest aggregate quantiles it carries. */
    record Level(long cost, long maxReqDown, long maxReqUp, long qDown, long qUp) {
    }

    /**
     * The Pareto-optimal choices for requirements up to those of all candidates: for each down
     * requirement step the up requirement steps, each answered by the chooser. Every requirement
     * (d, u) in that range is carried by a listed choice that is optimal for it.
     */
    List<Level> levels() {
        long dMax = exact.required(qAllDown);
        long uMax = exact.required(qAllUp);
        List<long[]> raw = new ArrayList<>();
        long d = 0;
        while (true) {
            long u = 0;
            long nextD = Long.MAX_VALUE;
            while (true) {
                OfferChooser.Choice ch = offers.cheapest(d, u);
                if (ch == null) {
                    break;
                }
                raw.add(new long[] {ch.cost(), ch.maxReqDown(), ch.maxReqUp()});
                nextD = Math.min(nextD, ch.maxReqDown());
                if (ch.maxReqUp() >= uMax) {
                    break;
                }
                u = ch.maxReqUp() + 1;
            }
            if (nextD == Long.MAX_VALUE || nextD >= dMax) {
                break;
            }
            d = nextD + 1;
        }
        List<Level> out = new ArrayList<>();
        for (long[] a : raw) {
            boolean dominated = false;
            for (long[] b : raw) {
                if (b != a && b[0] <= a[0] && b[1] >= a[1] && b[2] >= a[2]
                        && (b[0] < a[0] || b[1] > a[1] || b[2] > a[2] || raw.indexOf(b) < raw.indexOf(a))) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                out.add(new Level(a[0], a[1], a[2], maxQuantile(a[1], qAllDown), maxQuantile(a[2], qAllUp)));
            }
        }
        out.sort((x, y) -> Long.compare(x.cost(), y.cost()));
        return out;
    }

    /** The largest aggregate quantile whose requirement is at most maxReq (capped at all candidates' own). */
    private long maxQuantile(long maxReq, long qAll) {
        if (exact.required(qAll) <= maxReq) {
            return qAll;
        }
        long q = Math.max(0, (long) Math.floor(maxReq / exact.factor()));
        while (q > 0 && exact.required(q) > maxReq) {
            q--;
        }
        while (exact.required(q + 1) <= maxReq) {
            q++;
        }
        return q;
    }

    /**
     * Best-first over the nodes of all levels together, from an incumbent: the node with the
     * least lower bound on the plan cost is expanded next, so the global lower bound rises
     * steadily and the reported gap is the best the node budget allowed. Returns true when every
     * level is finished (the incumbent is then the proven optimum).
     */
    boolean run(boolean[] incumbent, long incumbentCost, long nodeLimit, Deadline clock) {
        best = incumbentCost;
        bestIn = incumbent.clone();
        deadline = clock;
        maxNodes = nodeLimit;
        if (sumL < best) {
            best = sumL; // the empty network
            bestIn = new boolean[n];
        }
        long deltaAll = 0;
        for (long v : delta) {
            deltaAll += v;
        }
        List<Level> levels = levels();
        states = new LevelState[levels.size()];
        // a node: {lower bound on the plan cost, level, mask of F, mask of the agencies left out,
        // 1 for a level's root (F then also holds the agencies that load no step that can exceed)}
        PriorityQueue<long[]> open = new PriorityQueue<>((x, y) -> Long.compare(x[0], y[0]));
        openNodes = new int[levels.size()];
        for (int li = 0; li < levels.size(); li++) {
            long lb = sumL + levels.get(li).cost() - deltaAll;
            if (lb < best && levels.get(li).cost() <= budget) {
                open.add(new long[] {lb, li, 0, 0, 1});
                openNodes[li]++;
            }
        }
        while (!open.isEmpty()) {
            long[] node = open.peek();
            if (node[0] >= best) {
                open.clear(); // every open node is bounded by the incumbent
                break;
            }
            if (nodes >= maxNodes || deadline.passed()) {
                break;
            }
            open.poll();
            int li = (int) node[1];
            openNodes[li]--;
            expand(levels, node, open);
            if (openNodes[li] == 0) {
                states[li] = null; // the level is finished: free its loads (tens of MB on a year of steps)
            }
        }
        openBound = open.isEmpty() ? INF : open.peek()[0];
        return open.isEmpty();
    }

    /** Best proven lower bound on the optimum. */
    long lowerBound() {
        return Math.min(best, openBound);
    }

    // ---------------------------------------------------------------- one level

    /** What a level needs to evaluate its nodes, prepared when its root is first expanded. */
    private static final class LevelState {
        Dir[] dirs;
        int[] order;        // branching order of the agencies that load a step that can exceed
        long free;          // agencies that load none: they join
        long curF;          // the node the aggregates of the directions hold
        long curO;
    }

    private LevelState[] states;
    private int[] openNodes;             // per level: its nodes in the queue
    private int critical;                // the critical item of the last knapsack, -1 if none
    private int[] criticalCount;         // per agency: binding steps where it is the critical item

    /** One direction of a level: the steps that can exceed its threshold and the loads on them. */
    private static final class Dir {
        long q;
        int p;               // |P|
        long[][] load;       // [candidate][step of P]
        long[] aggF;         // load of F per step of P
        long[] aggFU;        // load of F + U per step of P
        int eF;
        int eFU;
        long[][] weight;     // [step of P][candidate] load (the transpose of load, for the knapsacks)
        int[][] byRatio;     // [step of P] candidates by delta per bps at that step, descending
        long[] values;       // scratch: knapsack values of the steps
        long[] stepValue;    // knapsack value per step of P at the node
        int[] stepCritical;  // its critical agency
    }

    /** Evaluates a node of a level and queues its two children if it can still beat the incumbent. */
    private void expand(List<Level> levels, long[] node, PriorityQueue<long[]> open) {
        nodes++;
        int li = (int) node[1];
        Level lv = levels.get(li);
        LevelState st = states[li];
        if (st == null) {
            st = prepare(lv);
            states[li] = st;
        }
        long fMask = node[4] == 1 ? st.free : node[2];
        long oMask = node[3];
        levelCost = lv.cost();
        target = levelCost + sumL - best;
        dirs = st.dirs;
        deltaF = 0;
        deltaU = 0;
        kF = 0;
        kU = 0;
        for (int k = 0; k < n; k++) {
            inF[k] = (fMask >>> k & 1) != 0;
            inU[k] = !inF[k] && (oMask >>> k & 1) == 0;
            if (inF[k]) {
                deltaF += delta[k];
                kF += kCost[k];
            } else if (inU[k]) {
                deltaU += delta[k];
                kU += kCost[k];
            }
        }
        // with a ceiling the links of the set must fit in what the level's uplinks leave of it
        long kRoom = budget - levelCost;
        // move the aggregates from the level's last node to this one: a few agencies differ
        long diffF = st.curF ^ fMask;
        long diffO = st.curO ^ oMask;
        for (Dir dr : dirs) {
            for (long d = diffF; d != 0; d &= d - 1) {
                int k = Long.numberOfTrailingZeros(d);
                add(dr.aggF, dr.load[k], dr.p, (fMask >>> k & 1) != 0 ? 1 : -1);
            }
            for (long d = diffO; d != 0; d &= d - 1) {
                int k = Long.numberOfTrailingZeros(d);
                add(dr.aggFU, dr.load[k], dr.p, (oMask >>> k & 1) != 0 ? -1 : 1);
            }
            dr.eF = exceed(dr.aggF, dr.p, dr.q);
            dr.eFU = exceed(dr.aggFU, dr.p, dr.q);
        }
        st.curF = fMask;
        st.curO = oMask;
        Dir d0 = dirs[0];
        Dir d1 = dirs[1];
        if (d0.eF > m || d1.eF > m || kF > kRoom) {
            return; // F alone needs a dearer level, or its links alone break the ceiling
        }
        if (deltaF > target) {
            improve(false);
        }
        boolean linksFit = kF + kU <= kRoom;
        if (d0.eFU <= m && d1.eFU <= m && linksFit) {
            if (deltaF + deltaU > target) {
                improve(true);
            }
            return; // F + U fits: nothing in this subtree saves more
        }
        long ub = deltaF + deltaU;
        if (!linksFit) {
            ub = Math.min(ub, deltaF + budgetBound(kRoom - kF));
            if (ub <= target) {
                return;
            }
        }
        Arrays.fill(criticalCount, 0);
        for (Dir dr : dirs) {
            ub = Math.min(ub, deltaF + bound(dr, ub - deltaF));
            if (ub <= target) {
                return;
            }
        }
        if (node[4] == 1 || (nodes & 15) == 0) {
            greedy(st);
        }
        // branch on the agency most often critical in the binding steps (ties: the level's order)
        int next = -1;
        for (int k : st.order) {
            if (inU[k] && (next < 0 || criticalCount[k] > criticalCount[next])) {
                next = k;
            }
        }
        if (next < 0) {
            return; // nothing undecided: F was considered above
        }
        long lb = sumL + levelCost - ub;
        if (kF + kCost[next] <= kRoom) {
            open.add(new long[] {lb, li, fMask | 1L << next, oMask, 0});
            openNodes[li]++;
        }
        if (deltaF + deltaU - delta[next] > target) {
            open.add(new long[] {lb, li, fMask, oMask | 1L << next, 0});
            openNodes[li]++;
        }
    }

    /**
     * A feasible plan near the node for the incumbent: F, then the undecided agencies in the
     * level's order (most saving per busy load first), each kept if the set still fits.
     */
    private void greedy(LevelState st) {
        long added = 0;
        long d = deltaF;
        long links = kF;
        for (int k : st.order) {
            if (!inU[k] || links + kCost[k] > budget - levelCost) {
                continue;
            }
            boolean fits = true;
            for (Dir dr : dirs) {
                add(dr.aggF, dr.load[k], dr.p, 1);
                fits &= exceed(dr.aggF, dr.p, dr.q) <= m;
            }
            if (fits) {
                added |= 1L << k;
                d += delta[k];
                links += kCost[k];
            } else {
                for (Dir dr : dirs) {
                    add(dr.aggF, dr.load[k], dr.p, -1);
                }
            }
        }
        for (long a = added; a != 0; a &= a - 1) {
            int k = Long.numberOfTrailingZeros(a);
            for (Dir dr : dirs) {
                add(dr.aggF, dr.load[k], dr.p, -1);
            }
        }
        if (d > target) {
            boolean[] x = new boolean[n];
            for (int k = 0; k < n; k++) {
                x[k] = inF[k] || (added >>> k & 1) != 0;
            }
            long c = exact.cost(x);
            exact.offerNear(x, c);
            if (c < best) {
                best = c;
                bestIn = x;
                target = levelCost + sumL - best;
            }
        }
    }

    private LevelState prepare(Level lv) {
        LevelState st = new LevelState();
        st.dirs = new Dir[] {dir(lv.qDown(), true), dir(lv.qUp(), false)};
        for (Dir dr : st.dirs) {
            for (int k = 0; k < n; k++) {
                add(dr.aggFU, dr.load[k], dr.p, 1); // node F = {}, nobody left out
            }
        }
        List<Integer> rest = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            boolean loads = false;
            for (Dir dr : st.dirs) {
                for (int j = 0; j < dr.p && !loads; j++) {
                    loads = dr.load[k][j] > 0;
                }
            }
            // with a ceiling an agency that loads no binding step may still not fit the links' budget: it is branched on too
            if (loads || budget < INF) {
                rest.add(k);
            } else {
                st.free |= 1L << k;
            }
        }
        // most saving per unit of busy load first
        double[] score = new double[n];
        for (int k : rest) {
            double load = 1e-9;
            for (Dir dr : st.dirs) {
                if (dr.p == 0) {
                    continue;
                }
                long sum = 0;
                for (int j = 0; j < dr.p; j++) {
                    sum += dr.load[k][j];
                }
                load += sum / ((double) dr.p * Math.max(1, dr.q));
            }
            score[k] = delta[k] / load;
        }
        rest.sort((x, y) -> Double.compare(score[y], score[x]));
        st.order = rest.stream().mapToInt(Integer::intValue).toArray();
        return st;
    }

    private Dir dir(long q, boolean down) {
        Dir dr = new Dir();
        dr.q = q;
        long[] all = new long[grid.length()];
        for (int k = 0; k < n; k++) {
            grid.accumulate(all, cand[k], down, 1);
        }
        int p = 0;
        for (int t : measured) {
            if (all[t] > q) {
                p++;
            }
        }
        if (p <= m) {
            p = 0; // no set can exceed more than m steps: this direction never binds
        }
        int[] steps = new int[p];
        if (p > 0) {
            int j = 0;
            for (int t : measured) {
                if (all[t] > q) {
                    steps[j++] = t;
                }
            }
        }
        dr.p = p;
        dr.load = new long[n][p];
        for (int k = 0; k < n; k++) {
            long[] s = grid.series(cand[k], down);
            if (s == null) {
                continue;
            }
            for (int j = 0; j < p; j++) {
                long v = s[steps[j]];
                dr.load[k][j] = v & ~(v >> 63);
            }
        }
        dr.aggF = new long[p];
        dr.aggFU = new long[p];
        // per step: the agencies' loads and their order by delta per bps, for the step's knapsack
        dr.weight = new long[p][n];
        dr.byRatio = new int[p][n];
        Integer[] idx = new Integer[n];
        for (int j = 0; j < p; j++) {
            long[] wj = dr.weight[j];
            for (int k = 0; k < n; k++) {
                wj[k] = dr.load[k][j];
                idx[k] = k;
            }
            Arrays.sort(idx, (x, y) -> Double.compare(delta[y] / (wj[y] + 1e-9), delta[x] / (wj[x] + 1e-9)));
            for (int k = 0; k < n; k++) {
                dr.byRatio[j][k] = idx[k];
            }
        }
        dr.values = new long[p];
        dr.stepValue = new long[p];
        dr.stepCritical = new int[p];
        return dr;
    }

    private static void add(long[] agg, long[] load, int p, int sign) {
        if (sign > 0) {
            for (int j = 0; j < p; j++) {
                agg[j] += load[j];
            }
        } else {
            for (int j = 0; j < p; j++) {
                agg[j] -= load[j];
            }
        }
    }

    private static int exceed(long[] agg, int p, long q) {
        int e = 0;
        for (int j = 0; j < p; j++) {
            if (agg[j] > q) {
                e++;
            }
        }
        return e;
    }

    /**
     * Upper bound on delta(V), V within U, for sets that fit this direction (see the class
     * comment): at every step of P where F + U exceeds q, a 0/1 knapsack bound over U with the
     * agencies' loads at that step and the room q minus F's load (minus one where F alone
     * exceeds). A set saving more than a step's value exceeds q there, and a fitting set
     * exceeds on at most m steps: so its saving is at most the (m + 1)-th smallest value.
     */
    private long bound(Dir dr, long cap) {
        if (dr.p == 0 || dr.eFU <= m) {
            return cap;
        }
        long need = target - deltaF; // a value at or below this prunes
        long q = dr.q;
        long[] vals = dr.values;
        int nv = 0;
        int low = 0;
        for (int j = 0; j < dr.p; j++) {
            long fu = dr.aggFU[j];
            if (fu <= q) {
                continue; // all of U fits: the value is delta(U), never among the m + 1 smallest
            }
            long f = dr.aggF[j];
            long v = f > q ? -1 : (long) Math.ceil(knapsack(dr.weight[j], dr.byRatio[j], q - f) * (1 + 1e-12));
            dr.stepValue[j] = v;
            dr.stepCritical[j] = f > q ? -1 : critical;
            vals[nv++] = v;
            if (v <= need && ++low > m) {
                return need; // a set saving more than need exceeds on more than m steps: pruned
            }
        }
        if (nv <= m) {
            return cap;
        }
        long b = id.padu.analysis.NearestRank.select(vals, nv, m);
        // branch next on the agency that is most often the critical item of the binding steps
        for (int j = 0; j < dr.p; j++) {
            if (dr.aggFU[j] > q && dr.stepValue[j] <= b && dr.stepCritical[j] >= 0) {
                criticalCount[dr.stepCritical[j]]++;
            }
        }
        return Math.min(cap, b);
    }

    /**
     * Upper bound on a 0/1 knapsack over U (items in decreasing delta per weight): the
     * Martello-Toth bound, the larger of "the critical item out, the rest of the room filled at
     * the next item's ratio" and "the critical item in, its excess freed at the previous item's
     * ratio". Never above the fractional bound and valid for integral choices.
     */
    private double knapsack(long[] wg, int[] by, double room) {
        critical = -1;
        double v = 0;
        double prevRatio = Double.POSITIVE_INFINITY; // ratio of the last item taken with a weight
        int i = 0;
        int len = by.length;
        while (i < len) {
            int k = by[i++];
            if (!inU[k]) {
                continue;
            }
            long wk = wg[k];
            if (wk <= room) {
                room -= wk;
                v += delta[k];
                if (wk > 0) {
                    prevRatio = delta[k] / (double) wk;
                }
                continue;
            }
            // k is the critical item
            critical = k;
            double nextRatio = 0;
            while (i < len) {
                int k2 = by[i++];
                if (inU[k2]) {
                    nextRatio = delta[k2] / (double) wg[k2];
                    break;
                }
            }
            double out = v + room * nextRatio;
            double in = prevRatio == Double.POSITIVE_INFINITY ? Double.NEGATIVE_INFINITY
                    : v + delta[k] - (wk - room) * prevRatio;
            return Math.max(out, in);
        }
        return v;
    }

    private void improve(boolean withUndecided) {
        boolean[] x = new boolean[n];
        for (int k = 0; k < n; k++) {
            x[k] = inF[k] || withUndecided && inU[k];
        }
        long c = exact.cost(x);
        exact.offerNear(x, c);
        if (c < best) {
            best = c;
            bestIn = x;
            target = levelCost + sumL - best;
        }
    }
}
