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
    private final double[] bsPerRankDown;
    private final double[] bsPerRankUp;
    private final double[] pkDownD;
    private final double[] pkUpD;

    /*
     * Busy-hour windows: for a set T of steps with |T| > n - r, at least |T| - (n - r) =: k steps
     * of T have the aggregate at or below Q_r, so Q_r >= the k-th smallest of the aggregate on T
     * >= (sum of its k smallest on T) / k >= (sum over agencies of their k smallest on T) / k.
     * And for X = Y + R: the k smallest of Y on T sum to at least the k smallest of X on T minus
     * the k largest of R on T. Taking T = the busiest steps of all candidates makes both bounds
     * measure an agency by its busy-hour traffic, not by its night-time average or its peak.
     */
    private static final double[] WINDOW_FACTORS = {1, 1.5, 2.5, 4};
    private final int[][][] windows;      // [direction][option] steps of T, ascending
    private final int[][] windowK;        // [direction][option] k
    private final double[][][] winLow;    // [direction][option][candidate] (sum of k smallest on T) / k
    private final double[][][] winHigh;   // [direction][option][candidate] (sum of k largest on T) / k
    private final long[] winBuf;

    private final long[] aggInDown;
    private final long[] aggInUp;
    private final long[] aggMaxDown;
    private final long[] aggMaxUp;
    private final long[] scratch;
    private final long[] bottom = new long[1];
    private final boolean[] in;

    /** Annual link cost per candidate, and the ceiling on uplinks plus links (plan.central_budget_idr). */
    private final long[] kCost;
    private final long budget;

    private final int[][][] addOrder;    // [depth][direction] undecided sorted by delta/b descending
    private final int[][][] removeOrder; // [depth][direction] undecided (peak > 0) sorted by delta/peak ascending

    long best = INF;
    boolean[] bestIn;
    /** Where the near-optimal plans met on the way are kept for the close calls; null: not kept. */
    NearPlans near;
    long nodes;
    long maxNodes;
    private Deadline deadline = Deadline.never();
    /** Evaluations of a candidate set by the last {@link #localSearch}: its share of the effort. */
    long localEvaluations;
    long minAbandoned = INF;
    long rootBound = INF;

    AgencySearch(DemandGrid grid, OfferChooser offers, double quantile, double factor, int[] candidates, long[] delta, long sumL) {
        this(grid, offers, quantile, factor, candidates, delta, sumL, new long[candidates.length], INF);
    }

    /**
     * @param linkCost annual link cost per candidate
     * @param budget   the most uplinks plus the central agencies' links may cost a year; {@link #INF} for no ceiling
     */
    AgencySearch(DemandGrid grid, OfferChooser offers, double quantile, double factor, int[] candidates, long[] delta, long sumL,
                 long[] linkCost, long budget) {
        this.kCost = linkCost;
        this.budget = budget;
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
        this.bsPerRankDown = new double[n];
        this.bsPerRankUp = new double[n];
        this.pkDownD = new double[n];
        this.pkUpD = new double[n];
        for (int k = 0; k < n; k++) {
            bsPerRankDown[k] = bsDown[k] / (double) r;
            bsPerRankUp[k] = bsUp[k] / (double) r;
            pkDownD[k] = pkDown[k];
            pkUpD[k] = pkUp[k];
        }
        Integer[] o = new Integer[n];
        for (int k = 0; k < n; k++) {
            o[k] = k;
        }
        this.addOrder = new int[n + 1][][];
        this.removeOrder = new int[n + 1][][];
        int opts = WINDOW_FACTORS.length;
        this.windows = new int[2][opts][];
        this.windowK = new int[2][opts];
        this.winLow = new double[2][opts][n];
        this.winHigh = new double[2][opts][n];
        int nm = grid.measuredCount();
        int top = nm - r + 1;
        this.winBuf = new long[Math.max(1, nm)];
        if (nm > 0) {
            int[] steps = grid.measuredSteps();
            for (int dir = 0; dir < 2; dir++) {
                long[] full = new long[len];
                for (int k = 0; k < n; k++) {
                    grid.accumulate(full, cand[k], dir == 0, 1);
                }
                int[] busiest = busiestFirst(full, steps);
                for (int op = 0; op < opts; op++) {
                    int m = (int) Math.min(nm, Math.ceil(WINDOW_FACTORS[op] * top));
                    int[] t = Arrays.copyOf(busiest, m);
                    Arrays.sort(t);
                    windows[dir][op] = t;
                    int kk = m - (nm - r);
                    windowK[dir][op] = kk;
                    for (int k = 0; k < n; k++) {
                        long[] s = grid.series(cand[k], dir == 0);
                        for (int j = 0; j < m; j++) {
                            long v = s == null ? 0 : s[t[j]];
                            winBuf[j] = v < 0 ? 0 : v;
                        }
                        winLow[dir][op][k] = smallestSum(winBuf, m, kk) / (double) kk;
                        winHigh[dir][op][k] = largestSum(winBuf, m, kk) / (double) kk;
                    }
                }
            }
        }
        // big savers first: their "join" branch is almost always right, so the incumbent and the
        // bounds firm up early (on synthetic regencies this needs 10x fewer nodes than doubtful-first)
        Arrays.sort(o, (x, y) -> delta[x] != delta[y] ? Long.compare(delta[y], delta[x]) : Integer.compare(x, y));
        this.order = Arrays.stream(o).mapToInt(Integer::intValue).toArray();
    }

    private static int[] busiestFirst(long[] agg, int[] steps) {
        int m = steps.length;
        long[] key = new long[m];
        boolean packable = m < (1 << 20);
        for (int j = 0; j < m && packable; j++) {
            packable = agg[steps[j]] < (1L << 42);
        }
        if (packable) {
            for (int j = 0; j < m; j++) {
                key[j] = (agg[steps[j]] << 20) | j;
            }
            Arrays.sort(key);
            int[] out = new int[m];
            for (int j = 0; j < m; j++) {
                out[j] = steps[(int) (key[m - 1 - j] & ((1 << 20) - 1))];
            }
            return out;
        }
        Integer[] idx = new Integer[m];
        for (int j = 0; j < m; j++) {
            idx[j] = steps[j];
        }
        Arrays.sort(idx, (a, b) -> Long.compare(agg[b], agg[a]));
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    private static long smallestSum(long[] a, int m, int k) {
        id.padu.analysis.NearestRank.select(a, m, k - 1);
        long s = 0;
        for (int j = 0; j < k; j++) {
            s += a[j];
        }
        return s;
    }

    private static long largestSum(long[] a, int m, int k) {
        id.padu.analysis.NearestRank.select(a, m, m - k);
        long s = 0;
        for (int j = m - k; j < m; j++) {
            s += a[j];
        }
        return s;
    }

    /** For each direction and window: (sum of the k smallest of the aggregate on T) / k. */
    private double[][] windowLows(long[] aggDown, long[] aggUp) {
        int opts = WINDOW_FACTORS.length;
        double[][] out = new double[2][opts];
        for (int dir = 0; dir < 2; dir++) {
            long[] agg = dir == 0 ? aggDown : aggUp;
            for (int o = 0; o < opts; o++) {
                int[] t = windows[dir][o];
                if (t == null) {
                    continue;
                }
                for (int j = 0; j < t.length; j++) {
                    winBuf[j] = agg[t[j]];
                }
                out[dir][o] = smallestSum(winBuf, t.length, windowK[dir][o]) / (double) windowK[dir][o];
            }
        }
        return out;
    }

    long required(double q) {
        return (long) Math.ceil(q * factor);
    }

    double factor() {
        return factor;
    }

    /** Runs the search from scratch with an incumbent (a subset of candidates as a mask) and its cost. */
    void run(boolean[] incumbent, long incumbentCost, long nodeLimit, Deadline clock) {
        best = incumbentCost;
        bestIn = incumbent.clone();
        maxNodes = nodeLimit;
        deadline = clock;
        Arrays.fill(aggInDown, 0);
        Arrays.fill(aggInUp, 0);
        Arrays.fill(aggMaxDown, 0);
        Arrays.fill(aggMaxUp, 0);
        long deltaU = 0;
        long kU = 0;
        for (int k = 0; k < n; k++) {
            grid.accumulate(aggMaxDown, cand[k], true, 1);
            grid.accumulate(aggMaxUp, cand[k], false, 1);
            deltaU += delta[k];
            kU += kCost[k];
        }
        long qMaxDown = grid.quantile(aggMaxDown, quantile, scratch, null);
        long qMaxUp = grid.quantile(aggMaxUp, quantile, scratch, null);
        Arrays.fill(in, false);
        dfs(0, 0, 0, 0, 0, 0, 0, qMaxDown, qMaxUp, deltaU, n, windowLows(aggMaxDown, aggMaxUp), 0, kU);
    }

    boolean complete() {
        return minAbandoned >= INF;
    }

    /** Best lower bound proven on the optimum. */
    long lowerBound() {
        return Math.min(best, minAbandoned);
    }

    /**
     * @param kIn link costs of the decided-central agencies, {@code kU} of the undecided ones: with a
     *            ceiling, a plan counts only if its uplinks and links fit in it, and a node whose
     *            decided agencies alone do not fit has no completion that does (costs only grow)
     */
    private void dfs(int d, long qInD, long qInU, long bInD, long bInU, int nIn, long deltaIn,
                     long qMaxD, long qMaxU, long deltaU, int nMax, double[][] maxLows, long kIn, long kU) {
        nodes++;
        long a = offers.cost(required(qInD), required(qInU), nIn == 0);
        if (a + kIn > budget) {
            return;
        }
        consider(sumL - deltaIn + a, d, false);
        long aMax = offers.cost(required(qMaxD), required(qMaxU), nMax == 0);
        if (aMax + kIn + kU <= budget) {
            consider(sumL - deltaIn - deltaU + aMax, d, true);
        }
        if (d == n) {
            return;
        }
        long lb = sumL - deltaIn + lowerM(d, a, bInD, bInU, qMaxD, qMaxU, deltaU, maxLows);
        if (d == 0) {
            rootBound = lb;
        }
        if (lb >= best) {
            return;
        }
        if (nodes > maxNodes || deadline.passed()) {
            minAbandoned = Math.min(minAbandoned, lb);
            return;
        }
        int k = order[d];
        int ag = cand[k];
        // join: first a bound from what is known without new quantiles (Q(Cin) only grows)
        in[k] = true;
        long preJoin = sumL - deltaIn - delta[k] + lowerM(d + 1, a, bInD + bsDown[k], bInU + bsUp[k], qMaxD, qMaxU,
                deltaU - delta[k], maxLows);
        if (preJoin < best && a + kIn + kCost[k] <= budget) {
            grid.accumulate(aggInDown, ag, true, 1);
            grid.accumulate(aggInUp, ag, false, 1);
            long nqD = grid.quantileBracket(aggInDown, quantile, qInD, qInD + pkDown[k], scratch, bottom);
            long nbD = bottom[0];
            long nqU = grid.quantileBracket(aggInUp, quantile, qInU, qInU + pkUp[k], scratch, bottom);
            long nbU = bottom[0];
            dfs(d + 1, nqD, nqU, nbD, nbU, nIn + 1, deltaIn + delta[k], qMaxD, qMaxU, deltaU - delta[k], nMax, maxLows,
                    kIn + kCost[k], kU - kCost[k]);
            grid.accumulate(aggInDown, ag, true, -1);
            grid.accumulate(aggInUp, ag, false, -1);
        } else {
            nodes++;
        }
        in[k] = false;
        // stay local: Q(Cin + U) drops by at most the agency's peak, busy-hour sums by its busiest k
        double[][] preLows = new double[2][];
        for (int dir = 0; dir < 2; dir++) {
            preLows[dir] = maxLows[dir].clone();
            for (int o = 0; o < preLows[dir].length; o++) {
                preLows[dir][o] -= winHigh[dir][o][k];
            }
        }
        long preLocal = sumL - deltaIn + lowerM(d + 1, a, bInD, bInU, Math.max(0, qMaxD - pkDown[k]),
                Math.max(0, qMaxU - pkUp[k]), deltaU - delta[k], preLows);
        if (preLocal < best) {
            grid.accumulate(aggMaxDown, ag, true, -1);
            grid.accumulate(aggMaxUp, ag, false, -1);
            long mqD = grid.quantileBracket(aggMaxDown, quantile, qMaxD - pkDown[k], qMaxD, scratch, null);
            long mqU = grid.quantileBracket(aggMaxUp, quantile, qMaxU - pkUp[k], qMaxU, scratch, null);
            dfs(d + 1, qInD, qInU, bInD, bInU, nIn, deltaIn, mqD, mqU, deltaU - delta[k], nMax - 1,
                    windowLows(aggMaxDown, aggMaxUp), kIn, kU - kCost[k]);
            grid.accumulate(aggMaxDown, ag, true, 1);
            grid.accumulate(aggMaxUp, ag, false, 1);
        } else {
            nodes++;
        }
    }

    private void consider(long cost, int d, boolean withUndecided) {
        boolean better = cost < best;
        boolean nearBest = near != null && near.near(cost);
        if (better || nearBest) {
            boolean[] x = in.clone();
            if (withUndecided) {
                for (int j = d; j < n; j++) {
                    x[order[j]] = true;
                }
            }
            if (nearBest) {
                near.offer(x, cost);
            }
            if (better) {
                best = cost;
                bestIn = x;
            }
        }
    }

    /** Offers an exactly costed feasible plan to the close-call record, if there is one. */
    void offerNear(boolean[] x, long cost) {
        if (near != null) {
            near.offer(x, cost);
        }
    }

    /**
     * Costs, exactly, every plan one decision away from {@code x} (one candidate flipped) and, at
     * exact sizes, every plan one swap away (one central candidate out, one local in: the near-ties
     * of a price step), for the close-call record. Incremental: the aggregate of {@code x} once,
     * changed in place by the one or two agencies that differ and changed back; the quantile only
     * within the bracket the change allows. A swap is costed only if it can be within 1 %: it costs
     * at least what x without the agency that leaves costs, less the saving of the one that joins.
     */
    void exploreNeighbours(boolean[] x, boolean swaps) {
        if (near == null) {
            return;
        }
        int len = grid.length();
        long[] ad = new long[len];
        long[] au = new long[len];
        long dx = 0;
        long kx = 0;
        int cnt = 0;
        for (int k = 0; k < n; k++) {
            if (x[k]) {
                grid.accumulate(ad, cand[k], true, 1);
                grid.accumulate(au, cand[k], false, 1);
                dx += delta[k];
                kx += kCost[k];
                cnt++;
            }
        }
        long qd = grid.quantile(ad, quantile, scratch, null);
        long qu = grid.quantile(au, quantile, scratch, null);
        boolean[] y = x.clone();
        long[] withoutUplinks = new long[n]; // uplink cost of x without a central candidate
        for (int k = 0; k < n; k++) {
            int sign = x[k] ? -1 : 1;
            grid.accumulate(ad, cand[k], true, sign);
            grid.accumulate(au, cand[k], false, sign);
            long nd = sign < 0 ? grid.quantileBracket(ad, quantile, qd - pkDown[k], qd, scratch, null)
                    : grid.quantileBracket(ad, quantile, qd, qd + pkDown[k], scratch, null);
            long nu = sign < 0 ? grid.quantileBracket(au, quantile, qu - pkUp[k], qu, scratch, null)
                    : grid.quantileBracket(au, quantile, qu, qu + pkUp[k], scratch, null);
            grid.accumulate(ad, cand[k], true, -sign);
            grid.accumulate(au, cand[k], false, -sign);
            y[k] = !x[k];
            withoutUplinks[k] = neighbour(y, nd, nu, cnt + sign, dx + sign * delta[k], kx + sign * kCost[k]);
            y[k] = x[k];
        }
        if (!swaps) {
            return;
        }
        for (int out = 0; out < n; out++) {
            if (!x[out] || withoutUplinks[out] >= INF) {
                continue;
            }
            for (int inn = 0; inn < n; inn++) {
                // adding an agency never lowers the requirement: the swap's uplinks cost at least x without "out"'s
                if (x[inn] || !near.couldBeNear(sumL - dx + delta[out] - delta[inn] + withoutUplinks[out])) {
                    continue;
                }
                grid.accumulate(ad, cand[out], true, -1);
                grid.accumulate(au, cand[out], false, -1);
                grid.accumulate(ad, cand[inn], true, 1);
                grid.accumulate(au, cand[inn], false, 1);
                long nd = grid.quantileBracket(ad, quantile, qd - pkDown[out], qd + pkDown[inn], scratch, null);
                long nu = grid.quantileBracket(au, quantile, qu - pkUp[out], qu + pkUp[inn], scratch, null);
                grid.accumulate(ad, cand[inn], true, -1);
                grid.accumulate(au, cand[inn], false, -1);
                grid.accumulate(ad, cand[out], true, 1);
                grid.accumulate(au, cand[out], false, 1);
                y[out] = false;
                y[inn] = true;
                neighbour(y, nd, nu, cnt, dx - delta[out] + delta[inn], kx - kCost[out] + kCost[inn]);
                y[out] = true;
                y[inn] = false;
            }
        }
    }

    /** Offers the neighbour y with the aggregate quantiles given; returns its uplink cost ({@link #INF}: none carries it). */
    private long neighbour(boolean[] y, long qDown, long qUp, int cnt, long dy, long ky) {
        long c = offers.cost(required(qDown), required(qUp), cnt == 0);
        if (c < INF && c + ky <= budget) {
            near.offer(y, sumL - dy + c);
        }
        return c;
    }

    /** Lower bound on min over V of C(R(Cin + V)) - delta(V), V within the undecided order[d..]. */
    long lowerM(int d, long a, long bInD, long bInU, long qMaxD, long qMaxU, long deltaU, double[][] maxLows) {
        long m = a - deltaU;
        if (a >= INF) {
            return INF;
        }
        for (int dir = 0; dir < 2; dir++) {
            boolean down = dir == 0;
            double[] w = down ? bsPerRankDown : bsPerRankUp;
            double[] p = down ? pkDownD : pkUpD;
            m = Math.max(m, addingBound(d, dir * 16, a, (down ? bInD : bInU) / (double) r, w, down));
            m = Math.max(m, removingBound(d, dir * 16, a, down ? qMaxD : qMaxU, p, deltaU, down));
            for (int o = 0; o < WINDOW_FACTORS.length; o++) {
                if (windows[dir][o] == null) {
                    continue;
                }
                double[] low = winLow[dir][o];
                double inLow = 0;
                for (int k = 0; k < n; k++) {
                    if (in[k]) {
                        inLow += low[k];
                    }
                }
                m = Math.max(m, addingBound(d, dir * 16 + 1 + o, a, inLow, low, down));
                m = Math.max(m, removingBound(d, dir * 16 + 1 + o, a, maxLows[dir][o], winHigh[dir][o], deltaU, down));
                if (m >= best) {
                    return m;
                }
            }
        }
        return m;
    }

    private long h(double qLower, boolean down) {
        return offers.oneDirection(required(Math.max(0, qLower * (1 - 1e-12))), down);
    }

    /** Adding family: Q >= base + sum over joined of w_i (all per-unit, in bps). */
    private long addingBound(int d, int key, long a, double base, double[] w, boolean down) {
        int[] list = addList(d, key, w);
        double q = base;
        long p = 0;
        int idx = 0;
        while (idx < list.length && w[list[idx]] <= 0) {
            p += delta[list[idx]];
            idx++;
        }
        long bestM = INF;
        while (true) {
            long left = Math.max(a, h(q, down));
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
            q += w[k];
        }
        return bestM;
    }

    /** Removing family: Q >= qMax - sum over left-out of v_i. */
    private long removingBound(int d, int key, long a, double qMax, double[] v, long deltaU, boolean down) {
        int[] list = removeList(d, key, v);
        double z = 0;
        long pmin = 0;
        long bestM = INF;
        for (int k : list) {
            long right = Math.max(a, h(qMax - (z + v[k]), down));
            bestM = Math.min(bestM, right + pmin - deltaU);
            z += v[k];
            pmin += delta[k];
        }
        long end = Math.max(a, h(qMax - z, down));
        return Math.min(bestM, end + pmin - deltaU);
    }

    private int[] addList(int d, int key, double[] w) {
        if (addOrder[d] == null) {
            addOrder[d] = new int[32][];
        }
        if (addOrder[d][key] == null) {
            Integer[] u = undecided(d);
            Arrays.sort(u, (x, y) -> {
                // zero-weight first, then by delta per unit of weight, descending
                if (w[x] <= 0 || w[y] <= 0) {
                    return Boolean.compare(w[y] <= 0, w[x] <= 0);
                }
                return Double.compare(delta[y] / w[y], delta[x] / w[x]);
            });
            addOrder[d][key] = Arrays.stream(u).mapToInt(Integer::intValue).toArray();
        }
        return addOrder[d][key];
    }

    private int[] removeList(int d, int key, double[] v) {
        if (removeOrder[d] == null) {
            removeOrder[d] = new int[32][];
        }
        if (removeOrder[d][key] == null) {
            Integer[] u = Arrays.stream(undecided(d)).filter(k -> v[k] > 0).toArray(Integer[]::new);
            Arrays.sort(u, (x, y) -> Double.compare(delta[x] / v[x], delta[y] / v[y]));
            removeOrder[d][key] = Arrays.stream(u).mapToInt(Integer::intValue).toArray();
        }
        return removeOrder[d][key];
    }

    private Integer[] undecided(int d) {
        Integer[] u = new Integer[n - d];
        for (int j = d; j < n; j++) {
            u[j - d] = order[j];
        }
        return u;
    }

    // ---------------------------------------------------------------- heuristic for large inputs

    /** Exact cost of a subset (mask over candidates); {@link #INF} when no uplinks carry it or it breaks the ceiling. */
    long cost(boolean[] x) {
        long[] ad = new long[grid.length()];
        long[] au = new long[grid.length()];
        long dl = 0;
        long kx = 0;
        int cnt = 0;
        for (int k = 0; k < n; k++) {
            if (x[k]) {
                grid.accumulate(ad, cand[k], true, 1);
                grid.accumulate(au, cand[k], false, 1);
                dl += delta[k];
                kx += kCost[k];
                cnt++;
            }
        }
        long qd = grid.quantile(ad, quantile, scratch, null);
        long qu = grid.quantile(au, quantile, scratch, null);
        long c = offers.cost(required(qd), required(qu), cnt == 0);
        return c >= INF || c + kx > budget ? INF : sumL - dl + c;
    }

    /** The ceiling on uplinks plus links ({@link #INF}: none). */
    long budget() {
        return budget;
    }

    /** Annual link cost of a candidate. */
    long linkCost(int k) {
        return kCost[k];
    }

    /**
     * Local search from "every candidate joins" (and from "nobody joins"): drops single agencies,
     * then drops the agencies with the least saving per bps of peak in a row (to get below an
     * offer step), and adds back; keeps any strict improvement. Returns the best mask found.
     * It stops after {@code maxEvaluations} evaluations of a candidate set (a count, so that
     * where it stops does not depend on the machine) or when the clock's safety net is up.
     */
    boolean[] localSearch(long maxEvaluations, Deadline clock) {
        localEvaluations = 0;
        java.util.function.BooleanSupplier more = () -> localEvaluations < maxEvaluations && !clock.passed();
        boolean[] x = new boolean[n];
        Arrays.fill(x, true);
        long cur = cost(x);
        boolean[] none = new boolean[n];
        long noneCost = sumL;
        // over a ceiling, "every candidate joins" is still where the chains of drops start: they
        // drop agencies until the plan fits (and fall back to "nobody joins" when they cannot)
        boolean overCeiling = cur >= INF && budget < INF && carriedAtAll(x);
        offerNear(x, cur);
        offerNear(none, noneCost);
        if (noneCost < cur && !overCeiling) {
            cur = noneCost;
            x = none;
        }
        long[] ad = new long[grid.length()];
        long[] au = new long[grid.length()];
        boolean improved = true;
        while (improved && more.getAsBoolean()) {
            improved = false;
            localEvaluations++;
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
            long kx = 0;
            for (int k = 0; k < n; k++) {
                kx += x[k] ? kCost[k] : 0;
            }
            boolean fits = c < INF && c + kx <= budget;
            long dx = deltaOf(x);
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
                long kLeft = kx;
                long cqd = qd;
                long cqu = qu;
                for (int j = 0; j < members.length && j < 64 && more.getAsBoolean(); j++) {
                    int k = members[j];
                    localEvaluations++;
                    grid.accumulate(td, cand[k], true, -1);
                    grid.accumulate(tu, cand[k], false, -1);
                    lost += delta[k];
                    kLeft -= kCost[k];
                    left--;
                    if (fits && lost >= c) {
                        break;
                    }
                    cqd = grid.quantileBracket(td, quantile, cqd - pkDown[k], cqd, scratch, null);
                    cqu = grid.quantileBracket(tu, quantile, cqu - pkUp[k], cqu, scratch, null);
                    long nc = offers.cost(required(cqd), required(cqu), left == 0);
                    if (near != null && nc < INF && nc + kLeft <= budget && near.near(sumL - dx + lost + nc)) {
                        boolean[] y = x.clone();
                        for (int i = 0; i <= j; i++) {
                            y[members[i]] = false;
                        }
                        near.offer(y, sumL - dx + lost + nc);
                    }
                    // a plan over the ceiling takes the first drop that brings it within
                    if (nc < INF && nc + kLeft <= budget && (!fits || nc + lost < c)) {
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
            if (!fits) {
                x = none;
                cur = noneCost;
                improved = true;
                continue;
            }
            // add back single agencies (on a copy of the current aggregates: one pass each)
            long[] td = new long[ad.length];
            long[] tu = new long[au.length];
            for (int k = 0; k < n && !improved && more.getAsBoolean(); k++) {
                if (x[k]) {
                    continue;
                }
                localEvaluations++;
                // joining can only help if its saving exceeds the least possible uplink increase (0)
                System.arraycopy(ad, 0, td, 0, ad.length);
                System.arraycopy(au, 0, tu, 0, au.length);
                grid.accumulate(td, cand[k], true, 1);
                grid.accumulate(tu, cand[k], false, 1);
                long nc = offers.cost(required(grid.quantileBracket(td, quantile, qd, qd + pkDown[k], scratch, null)),
                        required(grid.quantileBracket(tu, quantile, qu, qu + pkUp[k], scratch, null)), false);
                if (near != null && nc < INF && nc + kx + kCost[k] <= budget && near.near(sumL - dx - delta[k] + nc)) {
                    boolean[] y = x.clone();
                    y[k] = true;
                    near.offer(y, sumL - dx - delta[k] + nc);
                }
                if (nc < INF && nc - delta[k] < c && nc + kx + kCost[k] <= budget) {
                    x[k] = true;
                    cur = sumL - deltaOf(x) + nc;
                    improved = true;
                }
            }
        }
        return x;
    }

    /** Whether some choice of offers carries the set, ceiling aside. */
    private boolean carriedAtAll(boolean[] x) {
        long[] ad = new long[grid.length()];
        long[] au = new long[grid.length()];
        int cnt = 0;
        for (int k = 0; k < n; k++) {
            if (x[k]) {
                grid.accumulate(ad, cand[k], true, 1);
                grid.accumulate(au, cand[k], false, 1);
                cnt++;
            }
        }
        return offers.cost(required(grid.quantile(ad, quantile, scratch, null)),
                required(grid.quantile(au, quantile, scratch, null)), cnt == 0) < INF;
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
