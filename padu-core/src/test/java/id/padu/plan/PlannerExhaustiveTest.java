package id.padu.plan;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.domain.Agency;
import id.padu.domain.Dataset;
import id.padu.domain.Link;
import id.padu.domain.Offer;
import id.padu.domain.PlanScope;
import id.padu.domain.Priority;
import id.padu.domain.Redundancy;
import id.padu.domain.Settings;
import id.padu.domain.Subscription;
import id.padu.domain.UsageSeries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The planner against brute force written here from the definitions of dataset format v1:
 * every subset of agencies times every choice of offer rows (at most one per provider and
 * product), on random small instances.
 */
class PlannerExhaustiveTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    @Test
    void optimumEqualsExhaustiveEnumerationOnRandomInstances() throws Exception {
        Random rnd = new Random(20261128);
        int nonTrivial = 0;
        for (int trial = 0; trial < 300; trial++) {
            Dataset ds = randomInstance(rnd, trial);
            long brute = bruteForce(ds);
            // the bare agency search from "nobody joins" (the default starts from the local search)
            PlanResult res = Planner.plan(ds, START, Locale.ENGLISH, new Planner.Limits(5_000_000, 10_000, false));
            Plan plan = res.plan();
            // also when the search starts from the local-search plan
            Plan warm = Planner.plan(ds, START, Locale.ENGLISH, new Planner.Limits(Long.MAX_VALUE, 60_000, true)).plan();
            assertThat(warm.planAnnualIdr()).as("trial %d, search after local search", trial).isEqualTo(brute);
            assertThat(warm.optimal()).isTrue();
            assertThat(plan.optimal()).isTrue();
            assertThat(plan.planAnnualIdr()).as("trial %d", trial).isEqualTo(brute);
            // the plan returned is itself feasible and costs what it says
            assertThat(evaluate(ds, plan)).as("trial %d plan evaluation", trial).isEqualTo(plan.planAnnualIdr());
            long central = plan.agencies().stream().filter(a -> a.decision() == Decision.CENTRAL).count();
            if (central > 0 && central < ds.agencies().size()) {
                nonTrivial++;
            }
        }
        // the instances must exercise real choices, not only all-or-nothing
        assertThat(nonTrivial).isGreaterThan(30);
    }

    @Test
    void theSearchPerPriceLevelAloneFindsAndProvesTheOptimum() throws Exception {
        Random rnd = new Random(4_2026);
        int searched = 0;
        for (int trial = 0; trial < 300; trial++) {
            Dataset ds = randomInstance(rnd, trial);
            long brute = bruteForce(ds);
            // no agency search at all: the price levels start from "nobody joins" and must prove the optimum
            PlanResult res = Planner.plan(ds, START, Locale.ENGLISH, Planner.Limits.DEFAULT.withTimeLimitMillis(60_000)
                    .withAgencyShare(0));
            Plan plan = res.plan();
            assertThat(plan.optimal()).as("trial %d", trial).isTrue();
            assertThat(plan.planAnnualIdr()).as("trial %d", trial).isEqualTo(brute);
            assertThat(evaluate(ds, plan)).as("trial %d plan evaluation", trial).isEqualTo(plan.planAnnualIdr());
            if (res.searchNodes() > 1) {
                searched++;
            }
        }
        assertThat(searched).as("instances where the level search had to branch").isGreaterThan(30);
    }

    @Test
    void theSearchPerPriceLevelProvesTheOptimumAtPriceSteps() throws Exception {
        // ten to twelve agencies with a daily rhythm and noisy 5-minute rates, packages that make joining
        // pay, and offer sizes just below and above what all of them need: which agencies stay out decides
        // the price step, as in the demo
        Random rnd = new Random(7_2026);
        long branched = 0;
        for (int trial = 0; trial < 12; trial++) {
            Dataset ds = priceStepInstance(rnd, 10 + rnd.nextInt(3), 200 + rnd.nextInt(100));
            long brute = bruteForce(ds);
            PlanResult res = Planner.plan(ds, START, Locale.ENGLISH, Planner.Limits.DEFAULT.withTimeLimitMillis(120_000)
                    .withAgencyShare(0));
            assertThat(res.plan().optimal()).as("trial %d", trial).isTrue();
            assertThat(res.plan().planAnnualIdr()).as("trial %d", trial).isEqualTo(brute);
            assertThat(evaluate(ds, res.plan())).isEqualTo(brute);
            branched += res.searchNodes() > 20 ? 1 : 0;
        }
        assertThat(branched).as("instances where the level search had to branch").isGreaterThan(3);
    }

    static Dataset priceStepInstance(Random rnd, int n, int len) {
        List<Agency> agencies = new ArrayList<>();
        List<Subscription> subs = new ArrayList<>();
        Map<String, UsageSeries> usage = new LinkedHashMap<>();
        long[] all = new long[len];
        for (int i = 0; i < n; i++) {
            String code = "A" + i;
            agencies.add(Fixtures.agency(code, Priority.NORMAL));
            long scale = 1_000_000L * (2 + rnd.nextInt(20));
            long[] d = new long[len];
            long[] u = new long[len];
            for (int t = 0; t < len; t++) {
                double shape = 0.2 + Math.max(0, Math.sin(Math.PI * (t % 100) / 100.0));
                d[t] = (long) (scale * shape * (0.5 + rnd.nextDouble()));
                u[t] = d[t] / 3;
                all[t] += d[t];
            }
            usage.put(code, Fixtures.series(code, d, u));
            // a package worth roughly its busy-hour need, at a price per Mbps that varies by agency
            subs.add(Fixtures.sub(code, scale / 1_000_000L * (150_000L + rnd.nextInt(250_000)), null, 0));
        }
        long[] sorted = all.clone();
        Arrays.sort(sorted);
        double q = sorted[(int) Math.ceil(0.95 * len - 1e-9) - 1];
        long needMbps = (long) Math.ceil(q * 1.2 / 0.8 / 1e6);
        List<Offer> offers = new ArrayList<>();
        double[] sizes = {0.45, 0.75, 0.97, 1.3};
        String[] providers = {"Telkom", "Lintasarta"};
        for (String p : providers) {
            for (double f : sizes) {
                long mbps = Math.max(1, Math.round(needMbps * f * (0.9 + 0.2 * rnd.nextDouble())));
                offers.add(Fixtures.offer(p, p + " " + mbps, mbps, mbps, mbps * (60_000L + rnd.nextInt(60_000)), 0));
            }
        }
        Redundancy red = rnd.nextBoolean() ? Redundancy.DUAL : Redundancy.SINGLE;
        return Fixtures.dataset(agencies, subs, offers, null, usage, Fixtures.settings(red, PlanScope.OPTIMIZE, START));
    }

    @Test
    void theSearchPerPriceLevelStoppedEarlyReportsAValidBound() throws Exception {
        Random rnd = new Random(5_2026);
        int open = 0;
        for (int trial = 0; trial < 200; trial++) {
            Dataset ds = randomInstance(rnd, trial);
            long brute = bruteForce(ds);
            PlanResult res = Planner.plan(ds, START, Locale.ENGLISH, new Planner.Limits(2, 60_000, false)
                    .withAgencyShare(0));
            Plan plan = res.plan();
            assertThat(res.lowerBoundIdr()).as("trial %d: bound below the optimum", trial).isLessThanOrEqualTo(brute);
            assertThat(plan.planAnnualIdr()).isGreaterThanOrEqualTo(brute);
            assertThat(evaluate(ds, plan)).isEqualTo(plan.planAnnualIdr());
            if (plan.optimal()) {
                assertThat(plan.planAnnualIdr()).as("trial %d", trial).isEqualTo(brute);
            } else {
                open++;
                assertThat(plan.gap()).isEqualTo((plan.planAnnualIdr() - res.lowerBoundIdr()) / (double) plan.planAnnualIdr());
            }
        }
        assertThat(open).as("instances a two-node budget leaves open").isPositive();
    }

    @Test
    void theHeuristicModeReportsAValidLowerBoundAndAFeasiblePlan() throws Exception {
        Random rnd = new Random(77);
        int closedAtRoot = 0;
        for (int trial = 0; trial < 150; trial++) {
            Dataset ds = randomInstance(rnd, trial);
            long brute = bruteForce(ds);
            // treat every instance as "large": local search, then a search budget of one node (the root bound)
            PlanResult res = Planner.plan(ds, START, Locale.ENGLISH, new Planner.Limits(1, 60_000, true, 0, 1));
            Plan plan = res.plan();
            assertThat(res.lowerBoundIdr()).as("trial %d: bound below the optimum", trial).isLessThanOrEqualTo(brute);
            assertThat(plan.planAnnualIdr()).isGreaterThanOrEqualTo(brute);
            assertThat(evaluate(ds, plan)).isEqualTo(plan.planAnnualIdr());
            if (plan.optimal()) {
                assertThat(plan.planAnnualIdr()).isEqualTo(brute);
                assertThat(plan.gap()).isZero();
                closedAtRoot++;
            } else {
                assertThat(plan.gap()).isEqualTo((plan.planAnnualIdr() - res.lowerBoundIdr()) / (double) plan.planAnnualIdr());
            }
        }
        assertThat(closedAtRoot).isLessThan(150);
    }

    static Dataset randomInstance(Random rnd, int trial) {
        int n = 2 + rnd.nextInt(6);
        int len = 40 + rnd.nextInt(120);
        return randomInstance(rnd, n, len);
    }

    static Dataset randomInstance(Random rnd, int n, int len) {
        List<Agency> agencies = new ArrayList<>();
        List<Subscription> subs = new ArrayList<>();
        Map<String, UsageSeries> usage = new LinkedHashMap<>();
        boolean withLinks = rnd.nextBoolean();
        List<Link> links = withLinks ? new ArrayList<>() : null;
        for (int i = 0; i < n; i++) {
            String code = "A" + i;
            agencies.add(Fixtures.agency(code, Priority.values()[rnd.nextInt(4)]));
            subs.add(Fixtures.sub(code, 500_000L + rnd.nextInt(6_000_000), null, 0));
            if (rnd.nextInt(4) == 0) {
                subs.add(Fixtures.sub(code, 100_000L + rnd.nextInt(1_000_000), null, 0));
            }
            long[] d = new long[len];
            long[] u = new long[len];
            long scale = 1_000_000L * (1 + rnd.nextInt(40));
            for (int t = 0; t < len; t++) {
                if (rnd.nextInt(15) == 0) {
                    d[t] = UsageSeries.MISSING;
                    u[t] = UsageSeries.MISSING;
                    continue;
                }
                d[t] = (long) (scale * rnd.nextDouble());
                u[t] = (long) (scale * 0.4 * rnd.nextDouble());
            }
            if (rnd.nextInt(8) != 0) {
                usage.put(code, Fixtures.series(code, d, u));
            }
            if (withLinks && rnd.nextInt(5) != 0) {
                Long cap = rnd.nextInt(3) == 0 ? (long) (5 + rnd.nextInt(60)) : null;
                links.add(Fixtures.link(code, 100_000L + rnd.nextInt(3_000_000), rnd.nextInt(3) * 1_000_000L, cap));
            }
        }
        List<Offer> offers = new ArrayList<>();
        int rows = 2 + rnd.nextInt(6);
        String[] providers = {"Telkom", "Lintasarta", "Biznet"};
        for (int j = 0; j < rows; j++) {
            String p = providers[rnd.nextInt(3)];
            String product = "P" + rnd.nextInt(3);
            long mbps = 10L * (1 + rnd.nextInt(30));
            long upMbps = rnd.nextBoolean() ? mbps : mbps / 2;
            offers.add(Fixtures.offer(p, product, mbps, upMbps, mbps * (40_000L + rnd.nextInt(300_000)), rnd.nextInt(3) * 2_000_000L));
        }
        Redundancy red = rnd.nextBoolean() ? Redundancy.DUAL : Redundancy.SINGLE;
        Settings s = Fixtures.settings(red, PlanScope.OPTIMIZE, START);
        return Fixtures.dataset(agencies, subs, offers, links, usage, s);
    }

    /** Minimum total annual cost over all subsets and offer choices, from the definitions. */
    static long bruteForce(Dataset ds) {
        Settings s = ds.settings();
        int n = ds.agencies().size();
        int h = s.horizonYears();
        long best = Long.MAX_VALUE;
        List<int[]> choices = offerChoices(ds.offers());
        for (int mask = 0; mask < (1 << n); mask++) {
            boolean ok = true;
            long cost = 0;
            List<String> central = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String code = ds.agencies().get(i).code();
                long own = ds.subscriptionsOf(code).stream().mapToLong(x -> 12 * x.monthlyCost().value()).sum();
                if ((mask & (1 << i)) != 0) {
                    if (!canJoin(ds, code)) {
                        ok = false;
                        break;
                    }
                    central.add(code);
                    cost += ds.linkOf(code).map(l -> 12 * l.monthlyCost().value() + l.installCost().value() / h).orElse(0L);
                } else {
                    cost += own;
                }
            }
            if (!ok) {
                continue;
            }
            if (central.isEmpty()) {
                best = Math.min(best, cost);
                continue;
            }
            long reqD = required(ds, central, true);
            long reqU = required(ds, central, false);
            for (int[] c : choices) {
                if (feasible(ds.offers(), c, reqD, reqU, s)) {
                    long oc = 0;
                    for (int j : c) {
                        Offer o = ds.offers().get(j);
                        oc += 12 * o.monthlyCost().value() + o.installCost().value() / h;
                    }
                    best = Math.min(best, cost + oc);
                }
            }
        }
        return best;
    }

    /** The cheapest total annual cost of one subset (bit i: agency i joins) over all offer choices; MAX_VALUE when none carries it. */
    static long costOf(Dataset ds, int mask) {
        Settings s = ds.settings();
        int h = s.horizonYears();
        long cost = 0;
        List<String> central = new ArrayList<>();
        for (int i = 0; i < ds.agencies().size(); i++) {
            String code = ds.agencies().get(i).code();
            if ((mask & (1 << i)) != 0) {
                if (!canJoin(ds, code)) {
                    return Long.MAX_VALUE;
                }
                central.add(code);
                cost += ds.linkOf(code).map(l -> 12 * l.monthlyCost().value() + l.installCost().value() / h).orElse(0L);
            } else {
                cost += ds.subscriptionsOf(code).stream().mapToLong(x -> 12 * x.monthlyCost().value()).sum();
            }
        }
        if (central.isEmpty()) {
            return cost;
        }
        long reqD = required(ds, central, true);
        long reqU = required(ds, central, false);
        long best = Long.MAX_VALUE;
        for (int[] c : offerChoices(ds.offers())) {
            if (feasible(ds.offers(), c, reqD, reqU, s)) {
                long oc = 0;
                for (int j : c) {
                    Offer o = ds.offers().get(j);
                    oc += 12 * o.monthlyCost().value() + o.installCost().value() / h;
                }
                best = Math.min(best, cost + oc);
            }
        }
        return best;
    }

    static boolean canJoin(Dataset ds, String code) {
        if (!ds.hasLinksFile()) {
            return true;
        }
        Link l = ds.linkOf(code).orElse(null);
        if (l == null) {
            return false;
        }
        if (l.capacity() == null) {
            return true;
        }
        UsageSeries u = ds.usage().get(code);
        for (boolean down : new boolean[] {true, false}) {
            long q = u == null ? 0 : ownQuantile(down ? u.downBps() : u.upBps(), ds.settings().quantile());
            if (l.capacity().bps() < q * (1 + ds.settings().growth())) {
                return false;
            }
        }
        return true;
    }

    static long ownQuantile(long[] v, double q) {
        long[] m = Arrays.stream(v).filter(x -> x != UsageSeries.MISSING).sorted().toArray();
        if (m.length == 0) {
            return 0;
        }
        return m[(int) Math.ceil(q * m.length - 1e-9) - 1];
    }

    /** Q(quantile) of the aggregate over steps where any agency measured, x (1+g) / u, rounded up. */
    static long required(Dataset ds, List<String> central, boolean down) {
        int len = ds.usage().values().stream().mapToInt(UsageSeries::size).max().orElse(0);
        List<Long> sums = new ArrayList<>();
        for (int t = 0; t < len; t++) {
            boolean measured = false;
            long sum = 0;
            for (UsageSeries u : ds.usage().values()) {
                long v = (down ? u.downBps() : u.upBps())[t];
                if (v != UsageSeries.MISSING) {
                    measured = true;
                    if (central.contains(u.agency())) {
                        sum += v;
                    }
                }
            }
            if (measured) {
                sums.add(sum);
            }
        }
        if (sums.isEmpty()) {
            return 0;
        }
        sums.sort(null);
        Settings s = ds.settings();
        long q = sums.get((int) Math.ceil(s.quantile() * sums.size() - 1e-9) - 1);
        return (long) Math.ceil(q * ((1 + s.growth()) / s.targetUtilization()));
    }

    static boolean feasible(List<Offer> offers, int[] rows, long reqD, long reqU, Settings s) {
        if (rows.length == 0) {
            return false;
        }
        long d = 0, u = 0;
        Map<String, long[]> per = new HashMap<>();
        for (int j : rows) {
            Offer o = offers.get(j);
            d += o.down().bps();
            u += o.up().bps();
            long[] pu = per.computeIfAbsent(o.provider(), k -> new long[2]);
            pu[0] += o.down().bps();
            pu[1] += o.up().bps();
        }
        if (d < reqD || u < reqU) {
            return false;
        }
        if (s.redundancy() == Redundancy.DUAL) {
            if (per.size() < 2) {
                return false;
            }
            for (long[] pu : per.values()) {
                if (d - pu[0] < s.survivableFraction() * reqD || u - pu[1] < s.survivableFraction() * reqU) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Every choice of at most one row per (provider, product), including none. */
    static List<int[]> offerChoices(List<Offer> offers) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int j = 0; j < offers.size(); j++) {
            groups.computeIfAbsent(offers.get(j).provider() + "/" + offers.get(j).product(), k -> new ArrayList<>()).add(j);
        }
        List<int[]> out = new ArrayList<>();
        out.add(new int[0]);
        for (List<Integer> g : groups.values()) {
            List<int[]> next = new ArrayList<>();
            for (int[] c : out) {
                next.add(c);
                for (int j : g) {
                    int[] e = Arrays.copyOf(c, c.length + 1);
                    e[c.length] = j;
                    next.add(e);
                }
            }
            out = next;
        }
        return out;
    }

    /** The cost of a plan from the definitions, after checking it is feasible. */
    static long evaluate(Dataset ds, Plan plan) {
        int h = ds.settings().horizonYears();
        long cost = 0;
        List<String> central = new ArrayList<>();
        for (AgencyDecision a : plan.agencies()) {
            if (a.decision() == Decision.CENTRAL) {
                assertThat(canJoin(ds, a.code())).isTrue();
                central.add(a.code());
                cost += ds.linkOf(a.code()).map(l -> 12 * l.monthlyCost().value() + l.installCost().value() / h).orElse(0L);
            } else {
                cost += ds.subscriptionsOf(a.code()).stream().mapToLong(x -> 12 * x.monthlyCost().value()).sum();
            }
        }
        List<Integer> rows = new ArrayList<>();
        for (Uplink up : plan.uplinks()) {
            for (int j = 0; j < ds.offers().size(); j++) {
                Offer o = ds.offers().get(j);
                if (o.provider().equals(up.provider()) && o.product().equals(up.product()) && o.down().bps() == up.downBps()
                        && o.monthlyCost().value() == up.monthlyCostIdr() && !rows.contains(j)) {
                    rows.add(j);
                    cost += 12 * o.monthlyCost().value() + o.installCost().value() / h;
                    break;
                }
            }
        }
        assertThat(rows).hasSize(plan.uplinks().size());
        assertThat(plan.uplinks().stream().map(u -> u.provider() + "/" + u.product()).distinct().count())
                .as("at most one row per provider and product").isEqualTo(plan.uplinks().size());
        if (!central.isEmpty()) {
            long reqD = required(ds, central, true);
            long reqU = required(ds, central, false);
            assertThat(plan.requiredDownBps()).isEqualTo(reqD);
            assertThat(plan.requiredUpBps()).isEqualTo(reqU);
            assertThat(feasible(ds.offers(), rows.stream().mapToInt(Integer::intValue).toArray(), reqD, reqU, ds.settings())).isTrue();
        } else {
            assertThat(plan.uplinks()).isEmpty();
        }
        return cost;
    }
}
