package id.padu.plan;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.domain.Agency;
import id.padu.domain.Dataset;
import id.padu.domain.Offer;
import id.padu.domain.PlanScope;
import id.padu.domain.Priority;
import id.padu.domain.Redundancy;
import id.padu.domain.Subscription;
import id.padu.domain.UsageSeries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Close calls: the agencies whose decision flips in a plan within 1 % of the plan's cost. */
class CloseCallsTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    /**
     * One 100 Mbps uplink (Rp 2 juta a month, single provider allowed). X (20 Mbps flat, Rp 30 juta a
     * month) always joins; A and B (30 Mbps each) cannot both join with X (30 + 45 + 45 = 120 Mbps
     * required): A pays Rp 10.000.000 a month, B Rp {@code bMonthly}.
     */
    private static Dataset swap(long bMonthly) {
        List<Agency> agencies = List.of(Fixtures.agency("X", Priority.NORMAL), Fixtures.agency("A", Priority.NORMAL),
                Fixtures.agency("B", Priority.NORMAL));
        long[] rates = {20_000_000, 30_000_000, 30_000_000};
        long[] monthly = {30_000_000, 10_000_000, bMonthly};
        List<Subscription> subs = new ArrayList<>();
        Map<String, UsageSeries> usage = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            String code = agencies.get(i).code();
            subs.add(Fixtures.sub(code, monthly[i], null, 0));
            long[] d = new long[100];
            long[] u = new long[100];
            Arrays.fill(d, rates[i]);
            Arrays.fill(u, rates[i] / 4);
            usage.put(code, Fixtures.series(code, d, u));
        }
        List<Offer> offers = List.of(Fixtures.offer("Telkom", "Astinet 100", 100, 100, 2_000_000, 0));
        return Fixtures.dataset(agencies, subs, offers, null, usage, Fixtures.settings(Redundancy.SINGLE, PlanScope.OPTIMIZE, START));
    }

    @Test
    void twoAgenciesThatSwapWithinOnePercentAreCloseCallsAndTheFirmOneIsNot() throws Exception {
        // plan X + A: 24 juta of uplink + B's own 119.4 juta = 143.4 juta; X + B costs 144 juta (0.42 % more)
        PlanResult r = Planner.plan(swap(9_950_000), START, Locale.ENGLISH);
        assertThat(r.plan().planAnnualIdr()).isEqualTo(143_400_000);
        assertThat(r.plan().centralAgencies()).extracting(AgencyDecision::code).containsExactly("X", "A");
        assertThat(r.closeCalls()).containsExactly(
                new PlanResult.CloseCall("A", Decision.LOCAL, 144_000_000),
                new PlanResult.CloseCall("B", Decision.CENTRAL, 144_000_000));
        // the same input gives the same close calls
        assertThat(Planner.plan(swap(9_950_000), START, Locale.ENGLISH).closeCalls()).isEqualTo(r.closeCalls());
    }

    @Test
    void aSwapThatCostsMoreThanOnePercentIsNoCloseCall() throws Exception {
        // B pays Rp 8 juta a month: X + B costs 24 + 120 = 144 juta against 24 + 96 = 120 juta (20 % more)
        PlanResult r = Planner.plan(swap(8_000_000), START, Locale.ENGLISH);
        assertThat(r.plan().planAnnualIdr()).isEqualTo(120_000_000);
        assertThat(r.closeCalls()).isEmpty();
    }

    /**
     * On random instances every close call is true to its word: exhaustive enumeration finds a plan
     * with the agency decided the other way at that cost or less, within 1 % of the optimum; and a
     * candidate whose decision alone can be flipped within 1 % is never missed.
     */
    @Test
    void everyCloseCallHasItsAlternativeAndNoSingleFlipIsMissed() throws Exception {
        Random rnd = new Random(15_4);
        int withCalls = 0;
        for (int trial = 0; trial < 400; trial++) {
            Dataset ds = PlannerExhaustiveTest.randomInstance(rnd, trial);
            PlanResult r = Planner.plan(ds, START, Locale.ENGLISH, Planner.Limits.DEFAULT.withEffort(5_000_000));
            long opt = r.plan().planAnnualIdr();
            Map<String, Long> bestFlip = bestFlips(ds, r.plan());
            for (PlanResult.CloseCall c : r.closeCalls()) {
                assertThat(c.alternativeCostIdr()).as("trial %d %s", trial, c.code()).isGreaterThanOrEqualTo(opt)
                        .isLessThanOrEqualTo(opt + opt / 100);
                assertThat(bestFlip.get(c.code())).as("trial %d %s", trial, c.code()).isLessThanOrEqualTo(c.alternativeCostIdr());
            }
            int plan = 0;
            for (int i = 0; i < ds.agencies().size(); i++) {
                String code = ds.agencies().get(i).code();
                if (r.plan().centralAgencies().stream().anyMatch(a -> a.code().equals(code))) {
                    plan |= 1 << i;
                }
            }
            for (int i = 0; i < ds.agencies().size(); i++) {
                String code = ds.agencies().get(i).code();
                long own = ds.subscriptionsOf(code).stream().mapToLong(x -> 12 * x.monthlyCost().value()).sum();
                long link = ds.linkOf(code).map(l -> 12 * l.monthlyCost().value() + l.installCost().value() / 3).orElse(0L);
                boolean candidate = PlannerExhaustiveTest.canJoin(ds, code) && own - link > 0;
                long flipped = PlannerExhaustiveTest.costOf(ds, plan ^ (1 << i));
                if (candidate && flipped < Long.MAX_VALUE && flipped * 100 <= opt * 101) {
                    assertThat(r.closeCalls()).as("trial %d: %s flips alone within 1 %%", trial, code)
                            .anyMatch(c -> c.code().equals(code) && c.alternativeCostIdr() <= flipped);
                }
            }
            withCalls += r.closeCalls().isEmpty() ? 0 : 1;
        }
        assertThat(withCalls).as("instances with close calls").isGreaterThanOrEqualTo(5);
    }

    /** Per agency, the cheapest plan (all subsets, all offer choices) that decides it the other way than {@code plan}. */
    private static Map<String, Long> bestFlips(Dataset ds, Plan plan) {
        Map<String, Long> out = new LinkedHashMap<>();
        int n = ds.agencies().size();
        List<String> central = plan.centralAgencies().stream().map(AgencyDecision::code).toList();
        for (int i = 0; i < n; i++) {
            String code = ds.agencies().get(i).code();
            boolean isCentral = central.contains(code);
            long best = Long.MAX_VALUE;
            for (int mask = 0; mask < (1 << n); mask++) {
                if (((mask & (1 << i)) != 0) == isCentral) {
                    continue;
                }
                long c = PlannerExhaustiveTest.costOf(ds, mask);
                best = Math.min(best, c);
            }
            out.put(code, best);
        }
        return out;
    }
}
