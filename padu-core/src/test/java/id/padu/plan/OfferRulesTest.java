package id.padu.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.padu.domain.BitRate;
import id.padu.domain.ConnectionKind;
import id.padu.domain.Dataset;
import id.padu.domain.Offer;
import id.padu.domain.PlanScope;
import id.padu.domain.Redundancy;
import id.padu.domain.Rupiah;
import id.padu.domain.Settings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Offer quality (plan.broadband_share, plan.min_sla_pct) against exhaustive enumeration written here
 * from the definitions: a broadband row counts the share of its rates (rounded down to whole bps) toward
 * the requirement and toward what survives a provider failure, and a row whose sla_pct is below the
 * minimum, or not given, is never chosen.
 */
class OfferRulesTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final double[] SHARES = {0, 0.25, 0.5, 1};
    private static final Double[] MIN_SLA = {null, 99.0, 99.5};
    private static final Double[] SLA = {null, 98.0, 99.0, 99.5, 99.9};

    @Test
    void theCheapestPlanUnderTheOfferRulesEqualsExhaustiveEnumeration() throws Exception {
        Random rnd = new Random(15_2026);
        int broadbandTaken = 0;
        int broadbandLeft = 0;
        for (int trial = 0; trial < 300; trial++) {
            Dataset ds = withRules(rnd, PlannerExhaustiveTest.randomInstance(rnd, trial));
            long brute = bruteForce(ds);
            Settings s = ds.settings();
            PlanResult bare = Planner.plan(ds, START, Locale.ENGLISH, new Planner.Limits(5_000_000, 60_000, false));
            PlanResult warm = Planner.plan(ds, START, Locale.ENGLISH, Planner.Limits.DEFAULT.withEffort(5_000_000));
            for (PlanResult r : List.of(bare, warm)) {
                assertThat(r.plan().optimal()).as("trial %d", trial).isTrue();
                assertThat(r.plan().planAnnualIdr()).as("trial %d (share %s, min sla %s)", trial, s.broadbandShare(),
                        s.minSlaPct()).isEqualTo(brute);
                assertThat(evaluate(ds, r.plan())).as("trial %d plan evaluation", trial).isEqualTo(brute);
            }
            // every row of offers.csv is accounted for, the chosen ones are the plan's uplinks
            assertThat(warm.offers()).hasSize(ds.offers().size());
            assertThat(warm.offers().stream().filter(PlanResult.OfferNote::chosen).count()).isEqualTo(warm.plan().uplinks().size());
            for (int j = 0; j < ds.offers().size(); j++) {
                Offer o = ds.offers().get(j);
                PlanResult.OfferNote note = warm.offers().get(j);
                assertThat(note.reason()).isNotBlank();
                if (!admitted(o, s)) {
                    assertThat(note.chosen()).isFalse();
                    assertThat(note.reason()).startsWith("never chosen");
                }
                if (o.kind() == ConnectionKind.BROADBAND) {
                    assertThat(note.countedDownBps()).isEqualTo((long) Math.floor(o.down().bps() * s.broadbandShare()));
                    if (note.chosen()) {
                        broadbandTaken++;
                    } else if (admitted(o, s)) {
                        broadbandLeft++;
                    }
                }
            }
        }
        // the instances exercise both outcomes for admitted broadband rows
        assertThat(broadbandTaken).isGreaterThan(20);
        assertThat(broadbandLeft).isGreaterThan(20);
    }

    @Test
    void aCheapBroadbandLineCountsOnlyItsShareAndTheReasonSaysSo() throws Exception {
        // 4 agencies x 10 Mbps: required 40 x 1.2 / 0.8 = 60 Mbps down. IndiHome 100 Mbps at Rp 1 juta a month
        // would carry it alone at full rates; at 25 % it counts 25 Mbps, so dedicated capacity is bought instead
        List<Offer> offers = List.of(
                new Offer("Telkom", "IndiHome 100", ConnectionKind.BROADBAND, BitRate.ofMbps(100), BitRate.ofMbps(100),
                        Rupiah.of(1_000_000), Rupiah.ZERO, 12, null),
                Fixtures.offer("Lintasarta", "DIA 60", 60, 60, 6_000_000, 0));
        Dataset base = Fixtures.flat(4, offers);
        Settings full = SettingOverrides.apply(base.settings(), Map.of("plan.redundancy", "single", "plan.broadband_share", "1"));
        PlanResult cheap = Planner.plan(base.withSettings(full), START, Locale.ENGLISH);
        assertThat(cheap.plan().uplinks()).extracting(Uplink::product).containsExactly("IndiHome 100");

        Settings quarter = SettingOverrides.apply(base.settings(), Map.of("plan.redundancy", "single"));
        assertThat(quarter.broadbandShare()).isEqualTo(0.25);
        PlanResult r = Planner.plan(base.withSettings(quarter), START, Locale.ENGLISH);
        assertThat(r.plan().uplinks()).extracting(Uplink::product).containsExactly("DIA 60");
        PlanResult.OfferNote indihome = r.offers().get(0);
        assertThat(indihome.chosen()).isFalse();
        assertThat(indihome.countedDownBps()).isEqualTo(25_000_000);
        // Rp 12 juta a year for 25 counted Mbps: Rp 480.000 per counted Mbps, against Rp 1.200.000 for DIA 60,
        // cheaper per Mbps and still not taken: it cannot carry 60 Mbps alone and one row per product
        assertThat(indihome.reason()).isEqualTo("not taken although cheaper per counted Mbps down (Rp 480.000, the chosen "
                + "uplinks Rp 1.200.000): every combination with it that carries 60 Mbps down / 24 Mbps up costs more"
                + " (broadband: only 25 % of its rates count, 25 Mbps of 100 Mbps down)");
        assertThat(r.offers().get(1).reason()).startsWith("taken: Rp 72.000.000/year");
    }

    @Test
    void anOfferBelowTheMinimumSlaOrWithoutOneIsNeverChosen() throws Exception {
        List<Offer> offers = List.of(
                new Offer("Telkom", "Astinet", ConnectionKind.DEDICATED, BitRate.ofMbps(100), BitRate.ofMbps(100),
                        Rupiah.of(2_000_000), Rupiah.ZERO, 12, 99.0),
                new Offer("Biznet", "Metronet", ConnectionKind.DEDICATED, BitRate.ofMbps(100), BitRate.ofMbps(100),
                        Rupiah.of(1_000_000), Rupiah.ZERO, 12, null),
                new Offer("Lintasarta", "DIA", ConnectionKind.DEDICATED, BitRate.ofMbps(100), BitRate.ofMbps(100),
                        Rupiah.of(3_000_000), Rupiah.ZERO, 12, 99.5));
        Dataset base = Fixtures.flat(4, offers);
        Settings single = SettingOverrides.apply(base.settings(), Map.of("plan.redundancy", "single"));
        assertThat(Planner.plan(base.withSettings(single), START, Locale.ENGLISH).plan().uplinks())
                .extracting(Uplink::product).containsExactly("Metronet");
        Settings strict = SettingOverrides.apply(single, Map.of("plan.min_sla_pct", "99.5"));
        PlanResult r = Planner.plan(base.withSettings(strict), START, Locale.ENGLISH);
        assertThat(r.plan().uplinks()).extracting(Uplink::product).containsExactly("DIA");
        assertThat(r.offers().get(0).reason()).isEqualTo("never chosen: sla_pct 99 is below plan.min_sla_pct 99.5");
        assertThat(r.offers().get(1).reason()).isEqualTo("never chosen: no sla_pct given, and plan.min_sla_pct is 99.5");
        // an empty value clears the rule again
        assertThat(SettingOverrides.apply(strict, Map.of("plan.min_sla_pct", "")).minSlaPct()).isNull();

        // nobody can join when no offer passes the rule; plan.scope=all says why it cannot be met
        Settings none = SettingOverrides.apply(single, Map.of("plan.min_sla_pct", "99.9"));
        PlanResult local = Planner.plan(base.withSettings(none), START, Locale.ENGLISH);
        assertThat(local.plan().centralAgencies()).isEmpty();
        assertThat(local.plan().agencies().get(0).reason()).contains("no row of offers.csv meets the offer rules")
                .contains("plan.min_sla_pct 99.9");
        Settings all = SettingOverrides.apply(none, Map.of("plan.scope", "all"));
        assertThatThrownBy(() -> Planner.plan(base.withSettings(all), START, Locale.ENGLISH))
                .isInstanceOf(PlanningException.class)
                .satisfies(e -> assertThat(((PlanningException) e).message(Locale.ENGLISH)).contains("plan.scope=all")
                        .contains("plan.min_sla_pct 99.9"));
    }

    @Test
    void theNewSettingsAreCheckedLikeEveryOther() {
        for (String[] bad : new String[][] {{"plan.broadband_share", "-0.1"}, {"plan.broadband_share", "abc"},
                {"plan.min_sla_pct", "101"}, {"plan.min_sla_pct", "-1"}, {"plan.min_sla_pct", "tinggi"}}) {
            assertThatThrownBy(() -> SettingOverrides.apply(Settings.DEFAULTS, Map.of(bad[0], bad[1])))
                    .as("%s=%s", bad[0], bad[1])
                    .satisfies(e -> assertThat(((PlanningException) e).message(Locale.ENGLISH)).contains(bad[0])
                            .contains("\"" + bad[1] + "\""));
        }
        // a share typed as a percentage gets the fraction it meant
        assertThatThrownBy(() -> SettingOverrides.apply(Settings.DEFAULTS, Map.of("plan.broadband_share", "25")))
                .satisfies(e -> assertThat(((PlanningException) e).message(Locale.ENGLISH)).contains("did you mean 0.25?"));
    }

    // ---------------------------------------------------------------- brute force from the definitions

    /** Random kinds, SLAs and offer rules on an instance of the exhaustive test. */
    private static Dataset withRules(Random rnd, Dataset ds) throws PlanningException {
        List<Offer> offers = new ArrayList<>();
        for (Offer o : ds.offers()) {
            ConnectionKind kind = rnd.nextInt(3) == 0 ? ConnectionKind.BROADBAND : ConnectionKind.DEDICATED;
            // broadband is cheap per nominal Mbps, as in the field
            Rupiah monthly = kind == ConnectionKind.BROADBAND ? Rupiah.of(o.monthlyCost().value() / (2 + rnd.nextInt(6)))
                    : o.monthlyCost();
            offers.add(new Offer(o.provider(), o.product(), kind, o.down(), o.up(), monthly, o.installCost(),
                    o.minTermMonths(), SLA[rnd.nextInt(SLA.length)]));
        }
        Map<String, String> rules = new HashMap<>();
        rules.put("plan.broadband_share", Double.toString(SHARES[rnd.nextInt(SHARES.length)]));
        Double min = MIN_SLA[rnd.nextInt(MIN_SLA.length)];
        if (min != null && rnd.nextInt(3) == 0) {
            rules.put("plan.min_sla_pct", min.toString());
        }
        Settings s = SettingOverrides.apply(ds.settings(), rules);
        return new Dataset(ds.agencies(), ds.subscriptions(), offers, ds.hasLinksFile() ? ds.links() : null, ds.services(),
                ds.usage(), s);
    }

    static boolean admitted(Offer o, Settings s) {
        if (s.minSlaPct() != null && (o.slaPct() == null || o.slaPct() < s.minSlaPct())) {
            return false;
        }
        return counted(o, true, s) > 0 || counted(o, false, s) > 0;
    }

    static long counted(Offer o, boolean down, Settings s) {
        long bps = down ? o.down().bps() : o.up().bps();
        return o.kind() == ConnectionKind.BROADBAND ? (long) Math.floor(bps * s.broadbandShare()) : bps;
    }

    static boolean feasible(List<Offer> offers, int[] rows, long reqD, long reqU, Settings s) {
        if (rows.length == 0) {
            return false;
        }
        long d = 0, u = 0;
        Map<String, long[]> per = new HashMap<>();
        for (int j : rows) {
            Offer o = offers.get(j);
            if (!admitted(o, s)) {
                return false;
            }
            d += counted(o, true, s);
            u += counted(o, false, s);
            long[] pu = per.computeIfAbsent(o.provider(), k -> new long[2]);
            pu[0] += counted(o, true, s);
            pu[1] += counted(o, false, s);
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

    static long bruteForce(Dataset ds) {
        Settings s = ds.settings();
        int n = ds.agencies().size();
        int h = s.horizonYears();
        long best = Long.MAX_VALUE;
        List<int[]> choices = PlannerExhaustiveTest.offerChoices(ds.offers());
        for (int mask = 0; mask < (1 << n); mask++) {
            boolean ok = true;
            long cost = 0;
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
            long reqD = PlannerExhaustiveTest.required(ds, central, true);
            long reqU = PlannerExhaustiveTest.required(ds, central, false);
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

    /** The plan's cost from the definitions, after checking that its uplinks carry its requirement under the rules. */
    static long evaluate(Dataset ds, Plan plan) {
        int h = ds.settings().horizonYears();
        long cost = 0;
        List<String> central = new ArrayList<>();
        for (AgencyDecision a : plan.agencies()) {
            if (a.decision() == Decision.CENTRAL) {
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
        if (!central.isEmpty()) {
            long reqD = PlannerExhaustiveTest.required(ds, central, true);
            long reqU = PlannerExhaustiveTest.required(ds, central, false);
            assertThat(feasible(ds.offers(), rows.stream().mapToInt(Integer::intValue).toArray(), reqD, reqU, ds.settings()))
                    .as("the uplinks carry the requirement with counted rates").isTrue();
        }
        return cost;
    }
}
