package id.padu.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.padu.domain.Agency;
import id.padu.domain.Dataset;
import id.padu.domain.Link;
import id.padu.domain.Offer;
import id.padu.domain.PlanScope;
import id.padu.domain.Priority;
import id.padu.domain.Redundancy;
import id.padu.domain.Subscription;
import id.padu.domain.UsageSeries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlannerRulesTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    /** n agencies, each 10 Mbps flat down / 4 Mbps up, paying Rp 5 juta a month. */
    private static Dataset flat(int n, List<Offer> offers, List<Link> links, Redundancy red, PlanScope scope,
                                List<Subscription> extraSubs) {
        List<Agency> agencies = new ArrayList<>();
        List<Subscription> subs = new ArrayList<>(extraSubs);
        Map<String, UsageSeries> usage = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String code = "A" + i;
            agencies.add(Fixtures.agency(code, Priority.NORMAL));
            if (extraSubs.stream().noneMatch(s -> s.agency().equals(code))) {
                subs.add(Fixtures.sub(code, 5_000_000, null, 0));
            }
            long[] d = new long[100];
            long[] u = new long[100];
            java.util.Arrays.fill(d, 10_000_000);
            java.util.Arrays.fill(u, 4_000_000);
            usage.put(code, Fixtures.series(code, d, u));
        }
        return Fixtures.dataset(agencies, subs, offers, links, usage, Fixtures.settings(red, scope, START));
    }

    @Test
    void moneyAndRatesAtTheirBoundsPlanWithoutOverflow() throws Exception {
        // Issue 19: every money column at Rp 10^15 (split over three agencies), rates near 1 Tbit/s,
        // an offer at the largest price, cutovers waiting on contracts that end in 50 years.
        long third = id.padu.domain.Rupiah.MAX_IDR / 3;
        List<Subscription> subs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            subs.add(Fixtures.sub("A" + i, third, LocalDate.of(2075, 12, 31), third));
        }
        long mbps = id.padu.domain.BitRate.MAX_BPS / id.padu.domain.BitRate.BPS_PER_MBPS;
        List<Offer> offers = List.of(Fixtures.offer("Telkom", "Maks", mbps, mbps, id.padu.domain.Rupiah.MAX_IDR,
                id.padu.domain.Rupiah.MAX_IDR));
        Dataset d = flat(3, offers, null, Redundancy.SINGLE, PlanScope.ALL, subs);
        List<Agency> agencies = d.agencies();
        Map<String, UsageSeries> usage = new LinkedHashMap<>();
        for (Agency a : agencies) {
            long[] r = new long[100];
            java.util.Arrays.fill(r, id.padu.domain.BitRate.MAX_BPS / 10);
            usage.put(a.code(), Fixtures.series(a.code(), r, r));
        }
        Dataset big = Fixtures.dataset(agencies, d.subscriptions(), offers, null, usage, d.settings());
        PlanResult result = Planner.plan(big, START, Locale.ENGLISH);
        assertThat(result.plan().statusQuoAnnualIdr()).isEqualTo(12 * 3 * third);
        assertThat(result.plan().uplinks()).hasSize(1);
        assertThat(result.years()).allSatisfy(y -> assertThat(y.planIdr()).isPositive());
    }

    @Test
    void dualRedundancyNeedsTwoProvidersAndSurvivesLosingEither() throws Exception {
        // 3 agencies x 10 Mbps -> required 30 x 1.2 / 0.8 = 45 Mbps down
        List<Offer> offers = List.of(
                Fixtures.offer("Telkom", "Astinet", 50, 50, 2_000_000, 0),      // alone would do for single
                Fixtures.offer("Telkom", "Astinet-2", 30, 30, 1_500_000, 0),
                Fixtures.offer("Lintasarta", "DIA", 30, 30, 1_800_000, 0));
        Plan single = Planner.plan(flat(3, offers, null, Redundancy.SINGLE, PlanScope.OPTIMIZE, List.of()), START, Locale.ENGLISH).plan();
        assertThat(single.uplinks()).extracting(Uplink::product).containsExactly("Astinet");
        Plan dual = Planner.plan(flat(3, offers, null, Redundancy.DUAL, PlanScope.OPTIMIZE, List.of()), START, Locale.ENGLISH).plan();
        assertThat(dual.requiredDownBps()).isEqualTo(45_000_000);
        assertThat(dual.uplinks().stream().map(Uplink::provider).distinct()).hasSize(2);
        for (String p : List.of("Telkom", "Lintasarta")) {
            long without = dual.uplinks().stream().filter(u -> !u.provider().equals(p)).mapToLong(Uplink::downBps).sum();
            assertThat(without).as("without %s", p).isGreaterThanOrEqualTo((long) (0.6 * 45_000_000));
        }
        assertThat(dual.capacityDownBps()).isGreaterThanOrEqualTo(45_000_000);
    }

    @Test
    void withOnlyOneProviderDualRedundancyKeepsEveryoneLocalAndScopeAllFails() throws Exception {
        List<Offer> offers = List.of(Fixtures.offer("Telkom", "Astinet", 100, 100, 1_000_000, 0));
        Plan p = Planner.plan(flat(3, offers, null, Redundancy.DUAL, PlanScope.OPTIMIZE, List.of()), START, Locale.ENGLISH).plan();
        assertThat(p.centralAgencies()).isEmpty();
        assertThat(p.uplinks()).isEmpty();
        assertThat(p.planAnnualIdr()).isEqualTo(p.statusQuoAnnualIdr());
        assertThatThrownBy(() -> Planner.plan(flat(3, offers, null, Redundancy.DUAL, PlanScope.ALL, List.of()), START, Locale.ENGLISH))
                .isInstanceOf(PlanningException.class)
                .satisfies(e -> assertThat(((PlanningException) e).message(Locale.ENGLISH)).contains("plan.scope=all").contains("redundancy dual"));
    }

    @Test
    void linksDecideWhoCanJoin() throws Exception {
        List<Offer> offers = List.of(Fixtures.offer("Telkom", "Astinet", 200, 200, 1_000_000, 0),
                Fixtures.offer("Lintasarta", "DIA", 200, 200, 1_000_000, 0));
        List<Link> links = List.of(
                Fixtures.link("A0", 500_000, 0, null),       // joins
                Fixtures.link("A1", 500_000, 0, 10L),        // needs 10 x 1.2 = 12 Mbps > 10: cannot join
                Fixtures.link("A2", 6_000_000, 0, null));    // costs more than its Rp 5 juta package
        // A3 has no row: cannot join
        Plan p = Planner.plan(flat(4, offers, links, Redundancy.DUAL, PlanScope.OPTIMIZE, List.of()), START, Locale.ENGLISH).plan();
        Map<String, AgencyDecision> by = new LinkedHashMap<>();
        p.agencies().forEach(a -> by.put(a.code(), a));
        // A0: package 60 juta/yr against link 6 juta + two uplinks 24 juta: joins, alone
        assertThat(by.get("A0").decision()).isEqualTo(Decision.CENTRAL);
        assertThat(p.centralAgencies()).extracting(AgencyDecision::code).containsExactly("A0");
        assertThat(by.get("A1").reason()).contains("link capacity 10 Mbps is below its own demand 12 Mbps");
        assertThat(by.get("A2").reason()).contains("link costs more");
        assertThat(by.get("A3").reason()).contains("no row in links.csv");
        assertThatThrownBy(() -> Planner.plan(flat(4, offers, links, Redundancy.DUAL, PlanScope.ALL, List.of()), START, LangId.ID))
                .isInstanceOf(PlanningException.class)
                .satisfies(e -> assertThat(((PlanningException) e).message(LangId.ID)).contains("instansi A1 tidak dapat bergabung"));
    }

    @Test
    void centralAgenciesGetAllocationWithinCapacityAndReasons() throws Exception {
        List<Offer> offers = List.of(Fixtures.offer("Telkom", "Astinet", 100, 100, 3_000_000, 6_000_000),
                Fixtures.offer("Lintasarta", "DIA", 100, 100, 3_000_000, 0));
        Plan p = Planner.plan(flat(6, offers, null, Redundancy.DUAL, PlanScope.OPTIMIZE, List.of()), START, Locale.ENGLISH).plan();
        assertThat(p.centralAgencies()).hasSize(6);
        // 6 x 5 juta x 12 = 360 juta status quo; plan = 2 x 36 juta + 6 juta / 3
        assertThat(p.statusQuoAnnualIdr()).isEqualTo(360_000_000);
        assertThat(p.planAnnualIdr()).isEqualTo(72_000_000 + 2_000_000);
        assertThat(p.savingsAnnualIdr()).isEqualTo(360_000_000 - 74_000_000);
        assertThat(p.oneOffCostIdr()).isEqualTo(6_000_000);
        // monthly saving 30 juta - 6 juta = 24 juta: 6 juta repaid in 0.25 months
        assertThat(p.paybackMonths()).isEqualTo(0.3);
        long sumCir = p.centralAgencies().stream().mapToLong(AgencyDecision::cirDownBps).sum();
        assertThat(sumCir).isLessThanOrEqualTo((long) (200_000_000 * 0.9));
        for (AgencyDecision a : p.centralAgencies()) {
            assertThat(a.cirDownBps()).isEqualTo(12_000_000); // Q95 10 Mbps x 1.2
            assertThat(a.mirDownBps()).isBetween(a.cirDownBps(), 200_000_000L);
            assertThat(a.reason()).contains("joins the central network");
        }
    }

    @Test
    void cutoverWaitsForTheContractEndWhenThatIsCheaperThanThePenalty() throws Exception {
        List<Offer> offers = List.of(Fixtures.offer("Telkom", "Astinet", 100, 100, 500_000, 0),
                Fixtures.offer("Lintasarta", "DIA", 100, 100, 500_000, 0));
        LocalDate end = START.plusMonths(3);
        List<Subscription> subs = List.of(
                Fixtures.sub("A0", 5_000_000, end, 50_000_000),   // waiting 15 juta < penalty 50 juta: wait
                Fixtures.sub("A1", 5_000_000, end, 10_000_000),   // penalty 10 juta < waiting 15 juta: switch now
                Fixtures.sub("A2", 5_000_000, null, 0),           // month to month: switch now
                Fixtures.sub("A3", 5_000_000, START.minusDays(1), 99_000_000)); // already ended: now, no penalty
        PlanResult r = Planner.plan(flat(4, offers, null, Redundancy.DUAL, PlanScope.OPTIMIZE, subs), START, Locale.ENGLISH);
        Map<String, AgencyDecision> by = new LinkedHashMap<>();
        r.plan().agencies().forEach(a -> by.put(a.code(), a));
        assertThat(by.get("A0").cutoverDate()).isEqualTo(end);
        assertThat(by.get("A1").cutoverDate()).isEqualTo(START);
        assertThat(by.get("A2").cutoverDate()).isEqualTo(START);
        assertThat(by.get("A3").cutoverDate()).isEqualTo(START);
        assertThat(r.penaltiesIdr()).isEqualTo(10_000_000);
        assertThat(r.plan().oneOffCostIdr()).isEqualTo(10_000_000);
        // year 1 pays A0's old package for three more months
        long recurring = 12 * 1_000_000L;
        assertThat(r.years().get(0).planIdr()).isEqualTo(recurring + 15_000_000 + 10_000_000);
        assertThat(r.years().get(1).planIdr()).isEqualTo(recurring);
        assertThat(r.years()).hasSize(3);
    }

    /** Bahasa Indonesia. */
    static final class LangId {
        static final Locale ID = Locale.forLanguageTag("id");
    }
}
