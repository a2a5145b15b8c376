package id.padu.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.padu.domain.Dataset;
import id.padu.domain.Link;
import id.padu.domain.Offer;
import id.padu.domain.Settings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The central budget ceiling (plan.central_budget_idr): against exhaustive enumeration written
 * here (every subset of agencies times every offer choice whose uplinks plus the central agencies'
 * links cost at most the ceiling), the ceiling met by a smaller plan, and not met with plan.scope=all.
 */
class BudgetCeilingTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    @Test
    void theCheapestPlanWithinTheCeilingEqualsExhaustiveEnumeration() throws Exception {
        Random rnd = new Random(2026_15_3L);
        int binding = 0;
        for (int trial = 0; trial < 300; trial++) {
            Dataset free = PlannerExhaustiveTest.randomInstance(rnd, trial);
            long[] unconstrained = bruteForce(free, Long.MAX_VALUE);
            if (unconstrained[1] == 0) {
                continue; // nobody joins anyway: no ceiling to bind
            }
            // a ceiling between a third of the unconstrained plan's central part and all of it
            long ceiling = Math.max(1, (long) (unconstrained[1] * (0.33 + 0.67 * rnd.nextDouble())));
            Dataset ds = free.withSettings(SettingOverrides.apply(free.settings(),
                    Map.of("plan.central_budget_idr", Long.toString(ceiling))));
            long[] brute = bruteForce(ds, ceiling);
            binding += brute[0] > unconstrained[0] ? 1 : 0;
            List<PlanResult> runs = List.of(
                    Planner.plan(ds, START, Locale.ENGLISH, new Planner.Limits(5_000_000, 60_000, false)),
                    Planner.plan(ds, START, Locale.ENGLISH, Planner.Limits.DEFAULT.withEffort(5_000_000)),
                    Planner.plan(ds, START, Locale.ENGLISH, Planner.Limits.DEFAULT.withEffort(5_000_000).withAgencyShare(0)));
            for (PlanResult r : runs) {
                assertThat(r.plan().optimal()).as("trial %d", trial).isTrue();
                assertThat(r.plan().planAnnualIdr()).as("trial %d, ceiling %d", trial, ceiling).isEqualTo(brute[0]);
                assertThat(PlannerExhaustiveTest.evaluate(ds, r.plan())).isEqualTo(brute[0]);
                assertThat(r.meetsRequirement()).isTrue();
                assertThat(r.carriedShare()).isEqualTo(1.0);
                assertThat(r.centralAnnualIdr()).as("trial %d", trial).isLessThanOrEqualTo(ceiling)
                        .isEqualTo(central(ds, r.plan()));
            }
            // stopped after two nodes the plan still keeps within the ceiling and the bound below the optimum
            PlanResult cut = Planner.plan(ds, START, Locale.ENGLISH, new Planner.Limits(2, 60_000, false).withAgencyShare(0));
            assertThat(cut.centralAnnualIdr()).isLessThanOrEqualTo(ceiling);
            assertThat(cut.lowerBoundIdr()).isLessThanOrEqualTo(brute[0]);
            assertThat(cut.plan().planAnnualIdr()).isGreaterThanOrEqualTo(brute[0]);
        }
        assertThat(binding).as("instances where the ceiling changes the plan").isGreaterThan(50);
    }

    /** Six agencies of 10 Mbps, each paying Rp 5 juta a month; a link costs Rp 1 juta a month. */
    private static Dataset six(Map<String, String> rules) throws PlanningException {
        List<Offer> offers = List.of(Fixtures.offer("Telkom", "Astinet 50", 50, 50, 2_000_000, 0),
                Fixtures.offer("Telkom", "Astinet 100", 100, 100, 3_500_000, 0),
                Fixtures.offer("Lintasarta", "DIA 50", 50, 50, 2_000_000, 0),
                Fixtures.offer("Lintasarta", "DIA 100", 100, 100, 3_500_000, 0));
        Dataset flat = Fixtures.flat(6, offers);
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            links.add(Fixtures.link("A" + i, 1_000_000, 0, null));
        }
        Dataset ds = new Dataset(flat.agencies(), flat.subscriptions(), offers, links, List.of(), flat.usage(), flat.settings());
        return ds.withSettings(SettingOverrides.apply(ds.settings(), rules));
    }

    @Test
    void withoutACeilingTheCentralPartIsReportedAndTheRequirementMet() throws Exception {
        PlanResult r = Planner.plan(six(Map.of()), START, Locale.ENGLISH);
        // all six join: 60 x 1.2 / 0.8 = 90 Mbps, two 100 Mbps lines (survive 60 % each) = 84 juta, links 72 juta
        assertThat(r.plan().centralAgencies()).hasSize(6);
        assertThat(r.centralAnnualIdr()).isEqualTo(84_000_000 + 72_000_000);
        assertThat(r.meetsRequirement()).isTrue();
        assertThat(r.carriedShare()).isEqualTo(1.0);
    }

    @Test
    void aCeilingThatCanBeMetGivesTheCheapestPlanWithinIt() throws Exception {
        // Rp 110 juta: five agencies (75 Mbps: two 50 Mbps lines, each keeping 50 of the 45 Mbps that must
        // survive, 48 juta, links 60 juta = 108 juta); all six need two 100 Mbps lines: 84 + 72 = 156 juta
        PlanResult r = Planner.plan(six(Map.of("plan.central_budget_idr", "110000000")), START, Locale.ENGLISH);
        assertThat(r.plan().centralAgencies()).hasSize(5);
        assertThat(r.centralAnnualIdr()).isEqualTo(108_000_000).isLessThanOrEqualTo(110_000_000);
        assertThat(r.meetsRequirement()).isTrue();
        assertThat(r.carriedShare()).isEqualTo(1.0);
        assertThat(r.plan().optimal()).isTrue();
        // the agencies left out say that the ceiling, not the cost, keeps them local
        AgencyDecision local = r.plan().agencies().stream().filter(a -> a.decision() == Decision.LOCAL).findFirst().orElseThrow();
        // joining saves its package less its link (48 juta) less the dearer uplinks (36 juta)
        assertThat(local.reason()).isEqualTo("stays local: joining would save Rp 12.000.000 a year, but the central part "
                + "would cost Rp 156.000.000 a year, above plan.central_budget_idr Rp 110.000.000");
    }

    @Test
    void aCeilingThatCannotBeMetProposesThePlanCarryingTheLargestShare() throws Exception {
        // plan.scope=all: all six must join, 90 Mbps needed; links 72 juta leave 48 juta of a Rp 120 juta
        // ceiling for uplinks: two 50 Mbps lines (48 juta), which carry 100 Mbps, but with one lost only 50 of
        // the 60 % x 90 = 54 Mbps: they carry 50 / 0.6 = 83.33 Mbps, 92.59 % of the requirement
        Dataset ds = six(Map.of("plan.scope", "all", "plan.central_budget_idr", "120000000"));
        PlanResult r = Planner.plan(ds, START, Locale.ENGLISH);
        assertThat(r.meetsRequirement()).isFalse();
        assertThat(r.plan().centralAgencies()).hasSize(6);
        assertThat(r.plan().uplinks()).extracting(Uplink::product).containsExactlyInAnyOrder("Astinet 50", "DIA 50");
        assertThat(r.centralAnnualIdr()).isEqualTo(120_000_000);
        assertThat(r.carriedShare()).isEqualTo(0.9259);
        assertThat(r.plan().requiredDownBps()).isEqualTo(90_000_000);
        assertThat(r.plan().agencies().get(0).reason()).startsWith(
                "joins because plan.scope=all; within plan.central_budget_idr Rp 120.000.000 the uplinks carry only 92.59 % "
                        + "of the required capacity");
        // no choice within the ceiling carries a larger share (every offer choice, from the definitions)
        double bestShare = 0;
        Settings s = ds.settings();
        for (int[] c : PlannerExhaustiveTest.offerChoices(ds.offers())) {
            long cost = 0;
            for (int j : c) {
                cost += 12 * ds.offers().get(j).monthlyCost().value();
            }
            if (cost + 72_000_000 > 120_000_000) {
                continue;
            }
            for (int t = 10_000; t > 0; t--) {
                if (OfferRulesTest.feasible(ds.offers(), c, (long) Math.ceil(90_000_000L * t / 10_000d),
                        (long) Math.ceil(36_000_000L * t / 10_000d), s)) {
                    bestShare = Math.max(bestShare, t / 10_000d);
                    break;
                }
            }
        }
        assertThat(r.carriedShare()).isEqualTo(bestShare);

        // a ceiling below the links and the least pair of lines is no plan at all
        assertThatThrownBy(() -> Planner.plan(six(Map.of("plan.scope", "all", "plan.central_budget_idr", "100000000")), START,
                Locale.ENGLISH))
                .isInstanceOf(PlanningException.class)
                .satisfies(e -> assertThat(((PlanningException) e).message(Locale.ENGLISH)).isEqualTo(
                        "plan.central_budget_idr Rp 100.000.000 cannot be met: the links of the agencies that join cost "
                                + "Rp 72.000.000 a year and the least uplinks the rules allow Rp 48.000.000"));
    }

    @Test
    void theCeilingIsCheckedLikeEveryOtherSetting() throws Exception {
        for (String bad : List.of("0", "-5", "1.5", "Rp 100", "100.000.000", "10000000000000001")) {
            assertThatThrownBy(() -> SettingOverrides.apply(Settings.DEFAULTS, Map.of("plan.central_budget_idr", bad)))
                    .as(bad)
                    .satisfies(e -> assertThat(((PlanningException) e).message(Locale.ENGLISH)).contains("plan.central_budget_idr")
                            .contains("\"" + bad + "\""));
        }
        Settings s = SettingOverrides.apply(Settings.DEFAULTS, Map.of("plan.central_budget_idr", "1500000000"));
        assertThat(s.centralBudgetIdr()).isEqualTo(1_500_000_000L);
        assertThat(SettingOverrides.apply(s, Map.of("plan.central_budget_idr", "")).centralBudgetIdr()).isNull();
    }

    // ---------------------------------------------------------------- brute force from the definitions

    /** {minimum total annual cost, its central part} over all plans whose central part is within the ceiling. */
    static long[] bruteForce(Dataset ds, long ceiling) {
        Settings s = ds.settings();
        int n = ds.agencies().size();
        int h = s.horizonYears();
        long best = Long.MAX_VALUE;
        long bestCentral = 0;
        List<int[]> choices = PlannerExhaustiveTest.offerChoices(ds.offers());
        for (int mask = 0; mask < (1 << n); mask++) {
            boolean ok = true;
            long cost = 0;
            long links = 0;
            List<String> central = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String code = ds.agencies().get(i).code();
                long own = ds.subscriptionsOf(code).stream().mapToLong(x -> 12 * x.monthlyCost().value()).sum();
                if ((mask & (1 << i)) != 0) {
                    if (!PlannerExhaustiveTest.canJoin(ds, code)) {
                        ok = false;
                        break;
                    }
                    central.add(code);
                    links += ds.linkOf(code).map(l -> 12 * l.monthlyCost().value() + l.installCost().value() / h).orElse(0L);
                } else {
                    cost += own;
                }
            }
            if (!ok) {
                continue;
            }
            if (central.isEmpty()) {
                if (cost < best) {
                    best = cost;
                    bestCentral = 0;
                }
                continue;
            }
            long reqD = PlannerExhaustiveTest.required(ds, central, true);
            long reqU = PlannerExhaustiveTest.required(ds, central, false);
            for (int[] c : choices) {
                if (PlannerExhaustiveTest.feasible(ds.offers(), c, reqD, reqU, s)) {
                    long oc = 0;
                    for (int j : c) {
                        Offer o = ds.offers().get(j);
                        oc += 12 * o.monthlyCost().value() + o.installCost().value() / h;
                    }
                    if (oc + links <= ceiling && cost + links + oc < best) {
                        best = cost + links + oc;
                        bestCentral = oc + links;
                    }
                }
            }
        }
        return new long[] {best, bestCentral};
    }

    /** Uplinks plus the central agencies' links of a plan, per year, from the definitions. */
    static long central(Dataset ds, Plan p) {
        int h = ds.settings().horizonYears();
        long c = 0;
        for (Uplink u : p.uplinks()) {
            c += 12 * u.monthlyCostIdr() + u.installCostIdr() / h;
        }
        for (AgencyDecision a : p.centralAgencies()) {
            c += ds.linkOf(a.code()).map(l -> 12 * l.monthlyCost().value() + l.installCost().value() / h).orElse(0L);
        }
        return c;
    }
}
