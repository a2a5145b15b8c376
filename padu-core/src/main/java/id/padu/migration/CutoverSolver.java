package id.padu.migration;

import java.util.Arrays;

/**
 * The exact search behind {@link MigrationScheduler}: assigns every agency to one slot (one
 * window on one day) at least cost, subject to a per-week capacity, at most a given number of
 * critical agencies per slot, and the pilot rule.
 *
 * <p>For a fixed pilot week {@code P} the problem is a min-cost flow: source -> agency (1) ->
 * week (a low-risk agency's cheapest allowed slot in that week) or -> slot -> week (a critical
 * agency, through a slot node of capacity 1) -> sink (the week's capacity). Flow polytopes are
 * integral, so successive shortest paths give an exact integer optimum. "Week P is not empty"
 * is enforced by a bonus of {@code -M} on its first unit, {@code M} larger than any schedule's
 * cost. The pilot week is enumerated in order; the bound {@code LB(P)} = sum of each agency's
 * cheapest allowed slot can only grow with {@code P} (the allowed sets shrink), so the
 * enumeration stops as soon as {@code LB(P)} reaches the best schedule found: the result is
 * then proven optimal. With a case budget the search may stop early and reports the gap
 * against the bound instead.
 */
final class CutoverSolver {

    static final long FORBIDDEN = Long.MAX_VALUE;

    /** No pilot rule (e.g. all agencies alike, or a pilot already done). */
    static final int PILOT_NONE = -1;

    record Result(int[] slotOf, long cost, long bound, boolean optimal, int pilotWeek, int cases) {
    }

    private final int weeks;
    private final int[] weekCap;
    private final int[] slotWeek;
    private final int[] slotCritCap;
    private final boolean[] critical;
    private final long[][] cost;
    private final int n;
    private final int slots;

    /**
     * @param cost per agency and slot, {@link #FORBIDDEN} where the agency may not go (before its
     *             earliest day); non-negative otherwise
     */
    CutoverSolver(int weeks, int[] weekCap, int[] slotWeek, int[] slotCritCap, boolean[] critical, long[][] cost) {
        this.weeks = weeks;
        this.weekCap = weekCap;
        this.slotWeek = slotWeek;
        this.slotCritCap = slotCritCap;
        this.critical = critical;
        this.cost = cost;
        this.n = critical.length;
        this.slots = slotWeek.length;
    }

    /**
     * @param enumeratePilot whether the pilot rule applies: the first week with a cutover holds
     *                       only low-risk agencies, critical agencies come in later weeks
     * @param criticalAfter  critical agencies only in weeks after this one (a pilot already
     *                       under way), or {@link #PILOT_NONE}
     * @param maxCases       most flow problems to solve once a schedule is known
     */
    Result solve(boolean enumeratePilot, int criticalAfter, int maxCases) {
        if (n == 0) {
            return new Result(new int[0], 0, 0, true, PILOT_NONE, 0);
        }
        if (!enumeratePilot) {
            int[] sol = flow(PILOT_NONE, criticalAfter);
            if (sol == null) {
                return null;
            }
            return new Result(sol, total(sol), total(sol), true, PILOT_NONE, 1);
        }
        int[] best = null;
        long bestCost = Long.MAX_VALUE;
        int bestPilot = PILOT_NONE;
        int cases = 0;
        long bound = Long.MAX_VALUE;
        boolean complete = true;
        for (int p = 0; p < weeks; p++) {
            if (weekCap[p] <= 0) {
                continue;
            }
            long lb = lowerBound(p);
            if (lb == FORBIDDEN || lb >= bestCost) {
                // LB only grows with p: nothing later can beat the best.
                bound = Math.min(bound, lb);
                break;
            }
            if (best != null && cases >= maxCases) {
                bound = Math.min(bound, lb);
                complete = false;
                break;
            }
            cases++;
            int[] sol = flow(p, p);
            if (sol != null) {
                long c = total(sol);
                if (c < bestCost) {
                    bestCost = c;
                    best = sol;
                    bestPilot = p;
                }
            }
        }
        if (best == null) {
            return null;
        }
        return new Result(best, bestCost, complete ? bestCost : Math.min(bound, bestCost), complete, bestPilot, cases);
    }

    long total(int[] slotOf) {
        long t = 0;
        for (int a = 0; a < n; a++) {
            t += cost[a][slotOf[a]];
        }
        return t;
    }

    private boolean allowed(int a, int s, int pilotWeek, int criticalAfter) {
        if (cost[a][s] == FORBIDDEN) {
            return false;
        }
        int w = slotWeek[s];
        if (pilotWeek != PILOT_NONE && w < pilotWeek) {
            return false;
        }
        return !critical[a] || criticalAfter == PILOT_NONE || w > criticalAfter;
    }

    private long lowerBound(int p) {
        long lb = 0;
        for (int a = 0; a < n; a++) {
            long m = FORBIDDEN;
            for (int s = 0; s < slots; s++) {
                if (allowed(a, s, p, p) && cost[a][s] < m) {
                    m = cost[a][s];
                }
            }
            if (m == FORBIDDEN) {
                return FORBIDDEN;
            }
            lb += m;
        }
        return lb;
    }

    // ---- min-cost flow by successive shortest paths (Dijkstra with potentials) ----

    private int[] head;
    private int[] next;
    private int[] to;
    private int[] cap;
    private long[] ecost;
    private int edges;

    private int addEdge(int u, int v, int c, long w) {
        ensure(edges + 2);
        to[edges] = v; cap[edges] = c; ecost[edges] = w; next[edges] = head[u]; head[u] = edges++;
        to[edges] = u; cap[edges] = 0; ecost[edges] = -w; next[edges] = head[v]; head[v] = edges++;
        return edges - 2;
    }

    private void ensure(int size) {
        if (size > to.length) {
            int len = Math.max(size, to.length * 2);
            next = Arrays.copyOf(next, len);
            to = Arrays.copyOf(to, len);
            cap = Arrays.copyOf(cap, len);
            ecost = Arrays.copyOf(ecost, len);
        }
    }

    /** Solves one case; null when no assignment of every agency exists. */
    private int[] flow(int pilotWeek, int criticalAfter) {
        int source = 0;
        int agency0 = 1;
        int week0 = agency0 + n;
        int slot0 = week0 + weeks;
        int sink = slot0 + slots;
        int nodes = sink + 1;
        head = new int[nodes];
        Arrays.fill(head, -1);
        int guess = 4 * (n * (weeks + 8) + slots + weeks + n);
        next = new int[guess];
        to = new int[guess];
        cap = new int[guess];
        ecost = new long[guess];
        edges = 0;

        long maxTotal = 0;
        int[][] lowSlotOfWeek = new int[n][];
        boolean[] slotUsed = new boolean[slots];
        for (int a = 0; a < n; a++) {
            addEdge(source, agency0 + a, 1, 0);
            long maxA = 0;
            if (critical[a]) {
                for (int s = 0; s < slots; s++) {
                    if (allowed(a, s, pilotWeek, criticalAfter) && slotCritCap[s] > 0) {
                        addEdge(agency0 + a, slot0 + s, 1, cost[a][s]);
                        slotUsed[s] = true;
                        maxA = Math.max(maxA, cost[a][s]);
                    }
                }
            } else {
                int[] bestSlot = new int[weeks];
                Arrays.fill(bestSlot, -1);
                for (int s = 0; s < slots; s++) {
                    if (allowed(a, s, pilotWeek, criticalAfter)) {
                        int w = slotWeek[s];
                        if (bestSlot[w] < 0 || cost[a][s] < cost[a][bestSlot[w]]) {
                            bestSlot[w] = s;
                        }
                    }
                }
                for (int w = 0; w < weeks; w++) {
                    if (bestSlot[w] >= 0 && weekCap[w] > 0) {
                        addEdge(agency0 + a, week0 + w, 1, cost[a][bestSlot[w]]);
                        maxA = Math.max(maxA, cost[a][bestSlot[w]]);
                    }
                }
                lowSlotOfWeek[a] = bestSlot;
            }
            maxTotal += maxA;
        }
        for (int s = 0; s < slots; s++) {
            if (slotUsed[s]) {
                addEdge(slot0 + s, week0 + slotWeek[s], slotCritCap[s], 0);
            }
        }
        long bonus = maxTotal + 1;
        int forced = -1;
        for (int w = 0; w < weeks; w++) {
            if (weekCap[w] <= 0) {
                continue;
            }
            if (w == pilotWeek) {
                forced = addEdge(week0 + w, sink, 1, -bonus);
                if (weekCap[w] > 1) {
                    addEdge(week0 + w, sink, weekCap[w] - 1, 0);
                }
            } else {
                addEdge(week0 + w, sink, weekCap[w], 0);
            }
        }
        if (!minCostFlow(nodes, source, sink, n)) {
            return null;
        }
        if (forced >= 0 && cap[forced] != 0) {
            return null; // week P could not be the first week
        }
        int[] slotOf = new int[n];
        for (int a = 0; a < n; a++) {
            slotOf[a] = -1;
            for (int e = head[agency0 + a]; e >= 0; e = next[e]) {
                if ((e & 1) == 0 && cap[e] == 0 && to[e] != source) {
                    int v = to[e];
                    slotOf[a] = critical[a] ? v - slot0 : lowSlotOfWeek[a][v - week0];
                }
            }
            if (slotOf[a] < 0) {
                return null;
            }
        }
        return slotOf;
    }

    // A binary heap of (distance, node) in two primitive arrays, with lazy deletion: no boxing on
    // the hot path (one Dijkstra per agency per case).
    private long[] heapKey = new long[64];
    private int[] heapNode = new int[64];
    private int heapSize;

    private void push(long key, int node) {
        if (heapSize == heapKey.length) {
            heapKey = Arrays.copyOf(heapKey, heapSize * 2);
            heapNode = Arrays.copyOf(heapNode, heapSize * 2);
        }
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heapKey[parent] <= key) {
                break;
            }
            heapKey[i] = heapKey[parent];
            heapNode[i] = heapNode[parent];
            i = parent;
        }
        heapKey[i] = key;
        heapNode[i] = node;
    }

    private void pop() {
        long key = heapKey[--heapSize];
        int node = heapNode[heapSize];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= heapSize) {
                break;
            }
            if (child + 1 < heapSize && heapKey[child + 1] < heapKey[child]) {
                child++;
            }
            if (heapKey[child] >= key) {
                break;
            }
            heapKey[i] = heapKey[child];
            heapNode[i] = heapNode[child];
            i = child;
        }
        heapKey[i] = key;
        heapNode[i] = node;
    }

    private boolean minCostFlow(int nodes, int source, int sink, int need) {
        long[] pot = new long[nodes];
        // Bellman-Ford once for potentials: the only negative edge is the pilot bonus.
        long inf = Long.MAX_VALUE / 4;
        Arrays.fill(pot, inf);
        pot[source] = 0;
        for (int round = 0; round < nodes; round++) {
            boolean changed = false;
            for (int u = 0; u < nodes; u++) {
                if (pot[u] == inf) {
                    continue;
                }
                for (int e = head[u]; e >= 0; e = next[e]) {
                    if (cap[e] > 0 && pot[u] + ecost[e] < pot[to[e]]) {
                        pot[to[e]] = pot[u] + ecost[e];
                        changed = true;
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        for (int u = 0; u < nodes; u++) {
            if (pot[u] == inf) {
                pot[u] = 0;
            }
        }
        long[] dist = new long[nodes];
        int[] prevEdge = new int[nodes];
        int flow = 0;
        while (flow < need) {
            Arrays.fill(dist, inf);
            Arrays.fill(prevEdge, -1);
            dist[source] = 0;
            heapSize = 0;
            push(0, source);
            while (heapSize > 0) {
                long d = heapKey[0];
                int u = heapNode[0];
                pop();
                if (d > dist[u]) {
                    continue;
                }
                for (int e = head[u]; e >= 0; e = next[e]) {
                    if (cap[e] <= 0) {
                        continue;
                    }
                    int v = to[e];
                    long nd = d + ecost[e] + pot[u] - pot[v];
                    if (nd < dist[v]) {
                        dist[v] = nd;
                        prevEdge[v] = e;
                        push(nd, v);
                    }
                }
            }
            if (dist[sink] == inf) {
                return false;
            }
            for (int u = 0; u < nodes; u++) {
                if (dist[u] < inf) {
                    pot[u] += dist[u];
                }
            }
            for (int v = sink; v != source; v = to[prevEdge[v] ^ 1]) {
                cap[prevEdge[v]] -= 1;
                cap[prevEdge[v] ^ 1] += 1;
            }
            flow++;
        }
        return true;
    }
}
