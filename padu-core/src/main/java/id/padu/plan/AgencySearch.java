package id.padu.plan;

import java.util.Arrays;

/**
 * Which candidate agencies join: minimises sumL + C(R(X)) - delta(X) over subsets X of the
 * candidates, where delta_i = own annual package - annual link cost (> 0 for a candidate),
 * R(X) is the required central capacity of X and C the cheapest offer choice for it.
 *
 * <p>Depth-first branch and bound, "join" branch first. Every node yields two feasible plans
 * (the decided-central set alone, and with every undecided agency added). Its lower bound
 * relaxes the non-additive aggregate quantile into additive bounds, all valid for every
 * completion X with Cin within X within Cin + U:
 * <ul>
 *   <li>monotonicity: Q(X) >= Q(Cin), so C(R(X)) >= C(R(Cin));</li>
 *   <li>adding: the mean of the r smallest samples of a sum is at least the sum of the agencies'
 *       means of their r smallest samples, and Q_r is at least that mean, so
 *       Q(X) >= (B(Cin) + sum over added of b_i) / r;</li>
 *   <li>removing: the aggregate of Cin + U is at most the aggregate of X plus the peaks of the
 *       agencies left out, so Q(X) >= Q(Cin + U) - sum over removed of peak_i.</li>
 * </ul>
 * With the offer cost of one direction (a step function, exact) and a fractional knapsack over
 * the undecided agencies, each bound is minimised over a handful of breakpoints. A node whose
 * bound is not below the incumbent is pruned; so when the search finishes, the incumbent is the
 * proven optimum. With a node limit (large inputs) the smallest bound of the abandoned nodes is
 * the reported lower bound.
 */
final class AgencySearch {

    static final long INF = OfferChooser.INFEASIBLE;

    private final DemandGrid grid;
    private final OfferChooser offers;
    private final double quantile;
    private final double factor;
    private final int[] cand;
    private final long[] delta;
    private final long sumL;
    private final int n;
    private final int r;
    private final long[] bsDown;
    private final long[] bsUp;
    private final long[] pkDown;
    private final long[] pkUp;
    private final int[] order;

    private final long[] aggInDown;
    private final long[] aggInUp;
    private final long[] aggMaxDown;
    private final long[] aggMaxUp;
    private final long[] scratch;
    private final long[] bottom = new long[1];
    private final boolean[] in;

    private final int[][][] addOrder;    // [depth][direction] undecided sorted by delta/b descending
    private final int[][][] removeOrder; // [depth][direction] undecided (peak > 0) sorted by delta/peak ascending

    long best = INF;
    boolean[] bestIn;
    long nodes;
    long maxNodes;
    long deadlineNanos;
    long minAbandoned = INF;
    long rootBound = INF;

    AgencySearch(DemandGrid grid, OfferChooser offers, double quantile, double factor, int[] candidates, long[] delta, long sumL) {
        this.grid = grid;
        this.offers = offers;
        this.quantile = quantile;
        this.factor = factor;
        this.cand = candidates;
        this.delta = delta;
        this.sumL = sumL;
        this.n = candidates.length;
        this.r = grid.rank(quantile);
        int len = grid.length();
        this.aggInDown = new long[len];
        this.aggInUp = new long[len];
        this.aggMaxDown = new long[len];
        this.aggMaxUp = new long[len];
        this.scratch = new long[len];
        this.in = new boolean[n];
        this.bsDown = new long[n];
        this.bsUp = new long[n];
        this.pkDown = new long[n];
        this.pkUp = new long[n];
        long[] one = new long[len];
        for (int k = 0; k < n; k++) {
            int a = cand[k];
            Arrays.fill(one, 0);
            grid.accumulate(one, a, true, 1);
            grid.quantile(one, quantile, scratch, bottom);
            bsDown[k] = bottom[0];
            Arrays.fill(one, 0);
            grid.accumulate(one, a, false, 1);
            grid.quantile(one, quantile, scratch, bottom);
            bsUp[k] = bottom[0];
            pkDown[k] = grid.peak(a, true);
            pkUp[k] = grid.peak(a, false);
        }
        // doubtful agencies (little saving for much demand) first: their decisions move the bound most
        Integer[] o = new Integer[n];
        for (int k = 0; k < n; k++) {
            o[k] = k;
        }
        Arrays.sort(o, (x, y) -> Double.compare(delta[x] / (double) Math.max(1, pkDown[x] + pkUp[x]),
                delta[y] / (double) Math.max(1, pkDown[y] + pkUp[y])));
        this.order = Arrays.stream(o).mapToInt(Integer::intValue).toArray();
        this.addOrder = new int[n + 1][][];
        this.removeOrder = new int[n + 1][][];
    }

    long required(double q) {
        return (long) Math.ceil(q * factor);
    }

    /** Runs the search from scratch with an incumbent (a subset of candidates as a mask) and its cost. */
    void run(boolean[] incumbent, long incumbentCost, long nodeLimit, long timeLimitNanos) {
        best = incumbentCost;
        bestIn = incumbent.clone();
        maxNodes = nodeLimit;
        deadlineNanos = System.nanoTime() + timeLimitNanos;
        Arrays.fill(aggInDown, 0);
        Arrays.fill(aggInUp, 0);
        Arrays.fill(aggMaxDown, 0);
        Arrays.fill(aggMaxUp, 0);
        long deltaU = 0;
        for (int k = 0; k < n; k++) {
            grid.accumulate(aggMaxDown, cand[k], true, 1);
            grid.accumulate(aggMaxUp, cand[k], false, 1);
            deltaU += delta[k];
        }
        long qMaxDown = grid.quantile(aggMaxDown, quantile, scratch, null);
        long qMaxUp = grid.quantile(aggMaxUp, quantile, scratch, null);
        Arrays.fill(in, false);
        dfs(0, 0, 0, 0, 0, 0, 0, qMaxDown, qMaxUp, deltaU, n);
    }

    boolean complete() {
        return minAbandoned >= INF;
    }

    /** Best lower bound proven on the optimum. */
    long lowerBound() {
        return Math.min(best, minAbandoned);
    }

    private void dfs(int d, long qInD, long qInU, long bInD, long bInU, int nIn, long deltaIn,
                     long qMaxD, long qMaxU, long deltaU, int nMax) {
        nodes++;
        long a = offers.cost(required(qInD), required(qInU), nIn == 0);
        consider(sumL - deltaIn + a, d, false);
        long aMax = offers.cost(required(qMaxD), required(qMaxU), nMax == 0);
        consider(sumL - deltaIn - deltaU + aMax, d, true);
        if (d == n) {
            return;
        }
        long lb = sumL - deltaIn + lowerM(d, a, bInD, bInU, qMaxD, qMaxU, deltaU);
        if (d == 0) {
            rootBound = lb;
        }
        if (lb >= best) {
            return;
        }
        if (nodes > maxNodes || System.nanoTime() > deadlineNanos) {
            minAbandoned = Math.min(minAbandoned, lb);
            return;
        }
        int k = order[d];
        int ag = cand[k];
        // join
        in[k] = true;
        grid.accumulate(aggInDown, ag, true, 1);
        grid.accumulate(aggInUp, ag, false, 1);
        long nqD = grid.quantile(aggInDown, quantile, scratch, bottom);
        long nbD = bottom[0];
        long nqU = grid.quantile(aggInUp, quantile, scratch, bottom);
        long nbU = bottom[0];
        dfs(d + 1, nqD, nqU, nbD, nbU, nIn + 1, deltaIn + delta[k], qMaxD, qMaxU, deltaU - delta[k], nMax);
        grid.accumulate(aggInDown, ag, true, -1);
        grid.accumulate(aggInUp, ag, false, -1);
        in[k] = false;
        // stay local
        grid.accumulate(aggMaxDown, ag, true, -1);
        grid.accumulate(aggMaxUp, ag, false, -1);
        long mqD = grid.quantile(aggMaxDown, quantile, scratch, null);
        long mqU = grid.quantile(aggMaxUp, quantile, scratch, null);
        dfs(d + 1, qInD, qInU, bInD, bInU, nIn, deltaIn, mqD, mqU, deltaU - delta[k], nMax - 1);
        grid.accumulate(aggMaxDown, ag, true, 1);
        grid.accumulate(aggMaxUp, ag, false, 1);
    }

    private void consider(long cost, int d, boolean withUndecided) {
        if (cost < best) {
            best = cost;
            boolean[] x = in.clone();
            if (withUndecided) {
                for (int j = d; j < n; j++) {
                    x[order[j]] = true;
                }
            }
            bestIn = x;
        }
    }

    /** Lower bound on min over V of C(R(Cin + V)) - delta(V), V within the undecided order[d..]. */
    long lowerM(int d, long a, long bInD, long bInU, long qMaxD, long qMaxU, long deltaU) {
        long m = a - deltaU;
        if (a >= INF) {
            return INF;
        }
        for (int dir = 0; dir < 2; dir++) {
            boolean down = dir == 0;
            m = Math.max(m, addingBound(d, dir, a, down ? bInD : bInU, down ? bsDown : bsUp, down));
            m = Math.max(m, removingBound(d, dir, a, down ? qMaxD : qMaxU, down ? pkDown : pkUp, deltaU, down));
        }
        return m;
    }

    private long h(double qLower, boolean down) {
        return offers.oneDirection(required(Math.max(0, qLower)), down);
    }

    private long addingBound(int d, int dir, long a, long bIn, long[] bs, boolean down) {
        int[] list = addList(d, dir, bs);
        double w = bIn;
        long p = 0;
        int idx = 0;
        while (idx < list.length && bs[list[idx]] == 0) {
            p += delta[list[idx]];
            idx++;
        }
        long bestM = INF;
        double shrink = 1 - 1e-12;
        while (true) {
            long left = Math.max(a, h(w / r * shrink, down));
            if (left >= INF) {
                break;
            }
            if (idx == list.length) {
                bestM = Math.min(bestM, left - p);
                break;
            }
            int k = list[idx++];
            p += delta[k];
            bestM = Math.min(bestM, left - p);
            w += bs[k];
        }
        return bestM;
    }

    private long removingBound(int d, int dir, long a, long qMax, long[] pk, long deltaU, boolean down) {
        int[] list = removeList(d, dir, pk);
        double z = 0;
        long pmin = 0;
        long bestM = INF;
        for (int k : list) {
            long right = Math.max(a, h(qMax - (z + pk[k]), down));
            bestM = Math.min(bestM, right + pmin - deltaU);
            z += pk[k];
            pmin += delta[k];
        }
        long end = Math.max(a, h(qMax - z, down));
        return Math.min(bestM, end + pmin - deltaU);
    }

    private int[] addList(int d, int dir, long[] bs) {
        if (addOrder[d] == null) {
            addOrder[d] = new int[2][];
        }
        if (addOrder[d][dir] == null) {
            Integer[] u = undecided(d);
            Arrays.sort(u, (x, y) -> {
                // zero-weight first, then by delta per unit of weight, descending
                if (bs[x] == 0 || bs[y] == 0) {
                    return Boolean.compare(bs[y] == 0, bs[x] == 0);
                }
                return Double.compare(delta[y] / (double) bs[y], delta[x] / (double) bs[x]);
            });
            addOrder[d][dir] = Arrays.stream(u).mapToInt(Integer::intValue).toArray();
        }
        return addOrder[d][dir];
    }

    private int[] removeList(int d, int dir, long[] pk) {
        if (removeOrder[d] == null) {
            removeOrder[d] = new int[2][];
        }
        if (removeOrder[d][dir] == null) {
            Integer[] u = Arrays.stream(undecided(d)).filter(k -> pk[k] > 0).toArray(Integer[]::new);
            Arrays.sort(u, (x, y) -> Double.compare(delta[x] / (double) pk[x], delta[y] / (double) pk[y]));
            removeOrder[d][dir] = Arrays.stream(u).mapToInt(Integer::intValue).toArray();
        }
        return removeOrder[d][dir];
    }

    private Integer[] undecided(int d) {
        Integer[] u = new Integer[n - d];
        for (int j = d; j < n; j++) {
            u[j - d] = order[j];
        }
        return u;
    }

    // ---------------------------------------------------------------- heuristic for large inputs

    /** Exact cost of a subset (mask over candidates). */
    long cost(boolean[] x) {
        long[] ad = new long[grid.length()];
        long[] au = new long[grid.length()];
        long dl = 0;
        int cnt = 0;
        for (int k = 0; k < n; k++) {
            if (x[k]) {
                grid.accumulate(ad, cand[k], true, 1);
                grid.accumulate(au, cand[k], false, 1);
                dl += delta[k];
                cnt++;
            }
        }
        long qd = grid.quantile(ad, quantile, scratch, null);
        long qu = grid.quantile(au, quantile, scratch, null);
        long c = offers.cost(required(qd), required(qu), cnt == 0);
        return c >= INF ? INF : sumL - dl + c;
    }

    /**
     * Local search from "every candidate joins" (and from "nobody joins"): drops single agencies,
     * then drops the agencies with the least saving per bps of peak in a row (to get below an
     * offer step), and adds back; keeps any strict improvement. Returns the best mask found.
     */
    boolean[] localSearch(long timeLimitNanos) {
        long deadline = System.nanoTime() + timeLimitNanos;
        boolean[] x = new boolean[n];
        Arrays.fill(x, true);
        long cur = cost(x);
        boolean[] none = new boolean[n];
        long noneCost = sumL;
        if (noneCost < cur) {
            cur = noneCost;
            x = none;
        }
        long[] ad = new long[grid.length()];
        long[] au = new long[grid.length()];
        boolean improved = true;
        while (improved && System.nanoTime() < deadline) {
            improved = false;
            Arrays.fill(ad, 0);
            Arrays.fill(au, 0);
            int cnt = 0;
            for (int k = 0; k < n; k++) {
                if (x[k]) {
                    grid.accumulate(ad, cand[k], true, 1);
                    grid.accumulate(au, cand[k], false, 1);
                    cnt++;
                }
            }
            long qd = grid.quantile(ad, quantile, scratch, null);
            long qu = grid.quantile(au, quantile, scratch, null);
            long c = offers.cost(required(qd), required(qu), cnt == 0);
            // chains of drops ordered by saving per peak bps, per direction
            for (int dir = 0; dir < 2 && !improved; dir++) {
                long[] pk = dir == 0 ? pkDown : pkUp;
                final boolean[] xs = x;
                Integer[] members = java.util.stream.IntStream.range(0, n).filter(k -> xs[k] && pk[k] > 0).boxed().toArray(Integer[]::new);
                Arrays.sort(members, (p, q) -> Double.compare(delta[p] / (double) pk[p], delta[q] / (double) pk[q]));
                long[] td = ad.clone();
                long[] tu = au.clone();
                long lost = 0;
                int left = cnt;
                for (int j = 0; j < members.length && j < 64 && System.nanoTime() < deadline; j++) {
                    int k = members[j];
                    grid.accumulate(td, cand[k], true, -1);
                    grid.accumulate(tu, cand[k], false, -1);
                    lost += delta[k];
                    left--;
                    if (lost >= c) {
                        break;
                    }
                    long nc = offers.cost(required(grid.quantile(td, quantile, scratch, null)),
                            required(grid.quantile(tu, quantile, scratch, null)), left == 0);
                    if (nc < INF && nc + lost < c) {
                        for (int i = 0; i <= j; i++) {
                            x[members[i]] = false;
                        }
                        cur = sumL - deltaOf(x) + nc;
                        improved = true;
                        break;
                    }
                }
            }
            if (improved) {
                continue;
            }
            // add back single agencies
            for (int k = 0; k < n && !improved && System.nanoTime() < deadline; k++) {
                if (x[k]) {
                    continue;
                }
                x[k] = true;
                long nc = cost(x);
                if (nc < cur) {
                    cur = nc;
                    improved = true;
                } else {
                    x[k] = false;
                }
            }
        }
        return x;
    }

    long deltaOf(boolean[] x) {
        long s = 0;
        for (int k = 0; k < n; k++) {
            if (x[k]) {
                s += delta[k];
            }
        }
        return s;
    }
}
