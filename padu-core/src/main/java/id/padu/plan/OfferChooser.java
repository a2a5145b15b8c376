package id.padu.plan;

import id.padu.domain.ConnectionKind;
import id.padu.domain.Offer;
import id.padu.domain.Redundancy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cheapest set of offer rows (at most one per provider and product) that carries a
 * required capacity, exactly. Only the rows the offer rules admit take part ({@code plan.min_sla_pct}:
 * a row whose {@code sla_pct} is below it or not given is left out; a row that counts for nothing is
 * left out too), and a {@code broadband} row counts {@code plan.broadband_share} of its rates, rounded
 * down to whole bps, toward the requirement and toward what survives a provider failure. The search: a depth-first branch and bound over the (provider, product)
 * groups, pruned by the fractional covering bound (the cheapest cost per bps of the rows still
 * open, each taken at most once, for the deficit of either direction). That relaxation only
 * drops integrality and the one-row-per-group rule, so it never overestimates: the search
 * returns the proven optimum. Results are memoised, because the agency search asks for the
 * same requirements many times.
 */
final class OfferChooser {

    static final long INFEASIBLE = Long.MAX_VALUE / 4;

    /** A chosen set of rows with its annual cost and the most it can carry per direction. */
    record Choice(long cost, int[] rows, long down, long up, long maxReqDown, long maxReqUp) {
    }

    private final List<Offer> offers;
    /** For each row of the search, its index in the dataset's offers. */
    private final int[] source;
    private final int m;
    private final long[] cost;
    private final long[] cap;      // down
    private final long[] capUp;
    private final int[] provider;
    private final int providers;
    private final int[][] groups;  // rows of each (provider, product), in search order
    private final int[] groupOf;
    private final int[] byDownRatio;
    private final int[] byUpRatio;
    private final boolean dual;
    private final double survivable;

    private final Map<Long, Map<Long, Choice>> memo = new HashMap<>();
    private final TreeMap<Long, Choice> downSteps = new TreeMap<>();
    private final TreeMap<Long, Choice> upSteps = new TreeMap<>();
    private long calls;

    // search state
    private long reqDown;
    private long reqUp;
    private long best;
    private int[] bestRows;
    private final int[] chosen;
    private int chosenCount;
    private final long[] provDown;
    private final long[] provUp;
    private final int[] provCount;

    /** Every row counted at its full rates, no SLA rule (as before the offer rules). */
    OfferChooser(List<Offer> offers, int horizonYears, Redundancy redundancy, double survivableFraction) {
        this(offers, horizonYears, redundancy, survivableFraction, 1.0, null);
    }

    OfferChooser(List<Offer> all, int horizonYears, Redundancy redundancy, double survivableFraction, double broadbandShare,
                 Double minSlaPct) {
        List<Offer> admitted = new ArrayList<>();
        List<Integer> from = new ArrayList<>();
        for (int j = 0; j < all.size(); j++) {
            Offer o = all.get(j);
            if (exclusion(o, broadbandShare, minSlaPct) == null) {
                admitted.add(o);
                from.add(j);
            }
        }
        this.offers = List.copyOf(admitted);
        this.source = from.stream().mapToInt(Integer::intValue).toArray();
        this.m = admitted.size();
        this.cost = new long[m];
        this.cap = new long[m];
        this.capUp = new long[m];
        this.provider = new int[m];
        Map<String, Integer> provIds = new LinkedHashMap<>();
        Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
        for (int j = 0; j < m; j++) {
            Offer o = admitted.get(j);
            cost[j] = annualCost(o, horizonYears);
            cap[j] = counted(o, o.down().bps(), broadbandShare);
            capUp[j] = counted(o, o.up().bps(), broadbandShare);
            provider[j] = provIds.computeIfAbsent(o.provider(), k -> provIds.size());
            byGroup.computeIfAbsent(o.provider() + "\u0000" + o.product(), k -> new ArrayList<>()).add(j);
        }
        this.providers = provIds.size();
        this.groups = new int[byGroup.size()][];
        this.groupOf = new int[m];
        int g = 0;
        // groups with the best cost per bps first: good solutions early, tighter pruning
        List<List<Integer>> gl = new ArrayList<>(byGroup.values());
        gl.sort((a, b) -> Double.compare(bestRatio(a), bestRatio(b)));
        for (List<Integer> rows : gl) {
            // within a group, larger rows first: they reach feasibility sooner
            groups[g] = rows.stream().sorted((a, b) -> Long.compare(cap[b] + capUp[b], cap[a] + capUp[a]))
                    .mapToInt(Integer::intValue).toArray();
            for (int j : groups[g]) {
                groupOf[j] = g;
            }
            g++;
        }
        this.byDownRatio = sortedByRatio(cap);
        this.byUpRatio = sortedByRatio(capUp);
        this.dual = redundancy == Redundancy.DUAL;
        this.survivable = survivableFraction;
        this.chosen = new int[groups.length];
        this.provDown = new long[providers];
        this.provUp = new long[providers];
        this.provCount = new int[providers];
    }

    /** Why the offer rules leave a row out of every choice, or null when it may be chosen. */
    enum Exclusion { SLA_BELOW, SLA_MISSING, COUNTS_NOTHING }

    static Exclusion exclusion(Offer o, double broadbandShare, Double minSlaPct) {
        if (minSlaPct != null && o.slaPct() == null) {
            return Exclusion.SLA_MISSING;
        }
        if (minSlaPct != null && o.slaPct() < minSlaPct) {
            return Exclusion.SLA_BELOW;
        }
        if (counted(o, o.down().bps(), broadbandShare) == 0 && counted(o, o.up().bps(), broadbandShare) == 0) {
            return Exclusion.COUNTS_NOTHING;
        }
        return null;
    }

    /** The part of a rate that counts: all of it for a dedicated row, the broadband share (rounded down) otherwise. */
    static long counted(Offer o, long bps, double broadbandShare) {
        return o.kind() == ConnectionKind.BROADBAND ? (long) Math.floor(bps * broadbandShare) : bps;
    }

    /** The index in the dataset's offers of a row of {@link #offers()}. */
    int source(int row) {
        return source[row];
    }

    /** Counted rates of a row of {@link #offers()}. */
    long countedDown(int row) {
        return cap[row];
    }

    long countedUp(int row) {
        return capUp[row];
    }

    long annualCost(int row) {
        return cost[row];
    }

    /** Annual cost of an offer: 12 x monthly + install / horizon years, integer division (floor). */
    static long annualCost(Offer o, int horizonYears) {
        return o.annualCostIdr(horizonYears);
    }

    private double bestRatio(List<Integer> rows) {
        double r = Double.MAX_VALUE;
        for (int j : rows) {
            r = Math.min(r, cost[j] / (double) Math.max(1, cap[j] + capUp[j]));
        }
        return r;
    }

    private int[] sortedByRatio(long[] c) {
        Integer[] idx = new Integer[m];
        for (int j = 0; j < m; j++) {
            idx[j] = j;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(cost[a] / (double) Math.max(1, c[a]), cost[b] / (double) Math.max(1, c[b])));
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    /** The rows the offer rules admit, in the dataset's order. */
    List<Offer> offers() {
        return offers;
    }

    long calls() {
        return calls;
    }

    /**
     * Cheapest choice carrying the requirement for a non-empty central network (at least one
     * row; with dual redundancy rows of two providers and the survivable share without any one
     * provider); null when no choice can.
     */
    Choice cheapest(long requiredDown, long requiredUp) {
        Map<Long, Choice> row = memo.computeIfAbsent(requiredDown, k -> new HashMap<>());
        if (row.containsKey(requiredUp)) {
            return row.get(requiredUp);
        }
        Choice c = solve(requiredDown, requiredUp);
        row.put(requiredUp, c);
        return c;
    }

    /** Annual cost of {@link #cheapest}, {@link #INFEASIBLE} when none; 0 for an empty network. */
    long cost(long requiredDown, long requiredUp, boolean empty) {
        if (empty) {
            return 0;
        }
        Choice c = cheapest(requiredDown, requiredUp);
        return c == null ? INFEASIBLE : c.cost();
    }

    /**
     * A lower bound used by the agency search: the cheapest cost for a requirement in one
     * direction only (the other free). 0 for a requirement of 0 (the network may be empty).
     * A step function, cached as intervals: the optimum for x stays optimal up to the most its
     * choice carries.
     */
    long oneDirection(long required, boolean downDirection) {
        if (required <= 0) {
            return 0;
        }
        TreeMap<Long, Choice> steps = downDirection ? downSteps : upSteps;
        Map.Entry<Long, Choice> e = steps.floorEntry(required);
        if (e != null) {
            Choice c = e.getValue();
            if (c == null) {
                return INFEASIBLE;
            }
            if (required <= (downDirection ? c.maxReqDown() : c.maxReqUp())) {
                return c.cost();
            }
        }
        Choice c = downDirection ? solve(required, 0) : solve(0, required);
        steps.put(required, c);
        return c == null ? INFEASIBLE : c.cost();
    }

    private Choice solve(long requiredDown, long requiredUp) {
        calls++;
        reqDown = requiredDown;
        reqUp = requiredUp;
        best = INFEASIBLE;
        bestRows = null;
        chosenCount = 0;
        Arrays.fill(provDown, 0);
        Arrays.fill(provUp, 0);
        Arrays.fill(provCount, 0);
        search(0, 0, 0, 0);
        if (bestRows == null) {
            return null;
        }
        long d = 0, u = 0;
        for (int j : bestRows) {
            d += cap[j];
            u += capUp[j];
        }
        return new Choice(best, bestRows, d, u, maxRequirement(bestRows, true), maxRequirement(bestRows, false));
    }

    /** The largest requirement in one direction this set of rows satisfies. */
    private long maxRequirement(int[] rows, boolean downDirection) {
        long total = 0;
        long[] per = new long[providers];
        for (int j : rows) {
            long c = downDirection ? cap[j] : capUp[j];
            total += c;
            per[provider[j]] += c;
        }
        long max = total;
        if (dual && survivable > 0) {
            for (int p = 0; p < providers; p++) {
                boolean used = false;
                for (int j : rows) {
                    used |= provider[j] == p;
                }
                if (used) {
                    max = Math.min(max, (long) Math.floor((total - per[p]) / survivable));
                }
            }
        }
        return max;
    }

    private void search(int g, long c, long down, long up) {
        if (c >= best) {
            return;
        }
        if (g == groups.length) {
            if (feasible(down, up)) {
                best = c;
                bestRows = Arrays.copyOf(chosen, chosenCount);
            }
            return;
        }
        long bound = c + Math.max(cover(reqDown - down, g, true), cover(reqUp - up, g, false));
        if (bound >= best) {
            return;
        }
        for (int j : groups[g]) {
            chosen[chosenCount++] = j;
            provDown[provider[j]] += cap[j];
            provUp[provider[j]] += capUp[j];
            provCount[provider[j]]++;
            search(g + 1, c + cost[j], down + cap[j], up + capUp[j]);
            provCount[provider[j]]--;
            provDown[provider[j]] -= cap[j];
            provUp[provider[j]] -= capUp[j];
            chosenCount--;
        }
        search(g + 1, c, down, up);
    }

    private boolean feasible(long down, long up) {
        if (chosenCount == 0 || down < reqDown || up < reqUp) {
            return false;
        }
        if (!dual) {
            return true;
        }
        int used = 0;
        for (int p = 0; p < providers; p++) {
            if (provCount[p] == 0) {
                continue;
            }
            used++;
            if ((double) (down - provDown[p]) < survivable * reqDown || (double) (up - provUp[p]) < survivable * reqUp) {
                return false;
            }
        }
        return used >= 2;
    }

    /** Fractional covering bound for a deficit using rows of groups g and later. */
    private long cover(long deficit, int g, boolean downDirection) {
        if (deficit <= 0) {
            return 0;
        }
        int[] order = downDirection ? byDownRatio : byUpRatio;
        long[] c = downDirection ? cap : capUp;
        double need = deficit;
        double sum = 0;
        for (int j : order) {
            if (groupOf[j] < g || c[j] == 0) {
                continue;
            }
            if (c[j] >= need) {
                sum += cost[j] * (need / c[j]);
                return (long) Math.floor(sum - 1e-6 * Math.max(1, sum));
            }
            sum += cost[j];
            need -= c[j];
        }
        return INFEASIBLE;
    }
}
