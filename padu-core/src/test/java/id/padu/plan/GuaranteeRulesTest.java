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
import id.padu.domain.Settings;
import id.padu.domain.Subscription;
import id.padu.domain.UsageSeries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A guarantee for every agency (plan.min_cir_mbps) and the ceiling policies (plan.mir), through the planner. */
class GuaranteeRulesTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    /**
     * Two critical agencies that take the whole pool at their targets and a quiet low-priority
     * kecamatan on a 10 Mbps link: without a floor it would get no guarantee at all.
     */
    private static Dataset regency(Map<String, String> rules) throws PlanningException {
        List<Agency> agencies = List.of(Fixtures.agency("RSUD", Priority.CRITICAL), Fixtures.agency("BPBD", Priority.CRITICAL),
                Fixtures.agency("KEC", Priority.LOW));
        long[][] rates = {{40_000_000, 10_000_000}, {35_000_000, 10_000_000}, {2_000_000, 500_000}};
        List<Subscription> subs = new ArrayList<>();
        Map<String, UsageSeries> usage = new LinkedHashMap<>();
        for (int i = 0; i < agencies.size(); i++) {
            String code = agencies.get(i).code();
            subs.add(Fixtures.sub(code, 20_000_000, null, 0));
            long[] d = new long[100];
            long[] u = new long[100];
            Arrays.fill(d, rates[i][0]);
            Arrays.fill(u, rates[i][1]);
            usage.put(code, Fixtures.series(code, d, u));
        }
        List<Link> links = List.of(Fixtures.link("RSUD", 500_000, 0, null), Fixtures.link("BPBD", 500_000, 0, null),
                Fixtures.link("KEC", 500_000, 0, 10L));
        // required 77 x 1.2 / 0.8 = 115.5 Mbps: two 100 Mbps lines of two providers; pool 180 Mbps; the critical
        // targets 48 + 42 = 90 leave enough for the kecamatan's 2.4
        List<Offer> offers = List.of(Fixtures.offer("Telkom", "Astinet 100", 100, 100, 3_000_000, 0),
                Fixtures.offer("Lintasarta", "DIA 100", 100, 100, 3_000_000, 0));
        Dataset ds = Fixtures.dataset(agencies, subs, offers, links, usage,
                Fixtures.settings(Redundancy.DUAL, PlanScope.ALL, START));
        return ds.withSettings(SettingOverrides.apply(ds.settings(), rules));
    }

    private static Map<String, AgencyDecision> byCode(Plan p) {
        Map<String, AgencyDecision> by = new LinkedHashMap<>();
        p.agencies().forEach(a -> by.put(a.code(), a));
        return by;
    }

    @Test
    void everyCentralAgencyGetsTheFloorBeforeThePriorityClassesShareTheRest() throws Exception {
        // a tight pool: 60 % reserve leaves 80 Mbps, the critical targets want 90
        Plan p = Planner.plan(regency(Map.of("plan.reserve", "0.6")), START, Locale.ENGLISH).plan();
        Map<String, AgencyDecision> by = byCode(p);
        assertThat(Settings.DEFAULTS.minCirMbps()).isEqualTo(1.0);
        assertThat(by.get("KEC").cirDownBps()).isEqualTo(1_000_000);
        assertThat(by.get("KEC").cirUpBps()).isEqualTo(1_000_000);
        // the critical agencies share the 77 Mbps above the three floors in proportion to what they want above
        // them (47 : 41)
        assertThat(by.get("RSUD").cirDownBps()).isEqualTo(1_000_000 + 41_125_000);
        assertThat(by.get("BPBD").cirDownBps()).isEqualTo(1_000_000 + 35_875_000);
        long sum = p.centralAgencies().stream().mapToLong(AgencyDecision::cirDownBps).sum();
        assertThat(sum).isLessThanOrEqualTo(80_000_000);

        // without a floor the kecamatan is promised nothing
        Plan none = Planner.plan(regency(Map.of("plan.reserve", "0.6", "plan.min_cir_mbps", "0")), START, Locale.ENGLISH).plan();
        assertThat(byCode(none).get("KEC").cirDownBps()).isZero();
    }

    @Test
    void floorsThatDoNotFitTheUplinksAreRefusedWithASentence() {
        // 3 x 61 Mbps of floors against a pool of 180 Mbps
        assertThatThrownBy(() -> Planner.plan(regency(Map.of("plan.min_cir_mbps", "61")), START, Locale.ENGLISH))
                .isInstanceOf(PlanningException.class)
                .satisfies(e -> assertThat(((PlanningException) e).message(Locale.ENGLISH)).isEqualTo(
                        "the guarantee floors do not fit: plan.min_cir_mbps 61 Mbps for 3 central agencies needs 183 Mbps "
                                + "guaranteed down, but the plan's uplinks (200 Mbps counted, plan.reserve 10 %) can guarantee "
                                + "180 Mbps; lower plan.min_cir_mbps (at most 60 Mbps fits) or plan.reserve"))
                .satisfies(e -> assertThat(((PlanningException) e).message(Locale.forLanguageTag("id")))
                        .contains("plan.min_cir_mbps 61 Mbps").contains("paling banyak 60 Mbps"));
    }

    @Test
    void theMirPolicyBoundsTheCeilingOfEveryCentralAgency() throws Exception {
        Map<String, AgencyDecision> uplink = byCode(Planner.plan(regency(Map.of()), START, Locale.ENGLISH).plan());
        assertThat(uplink.get("KEC").mirDownBps()).isEqualTo(200_000_000);
        // link: the kecamatan's MIR is its 10 Mbps link; the others have no capacity_mbps and keep the uplink
        Map<String, AgencyDecision> link = byCode(Planner.plan(regency(Map.of("plan.mir", "link")), START, Locale.ENGLISH).plan());
        assertThat(link.get("KEC").mirDownBps()).isEqualTo(10_000_000);
        assertThat(link.get("KEC").mirUpBps()).isEqualTo(10_000_000);
        assertThat(link.get("RSUD").mirDownBps()).isEqualTo(200_000_000);
        // 3x: three times the guarantee, at most the uplink
        Map<String, AgencyDecision> three = byCode(Planner.plan(regency(Map.of("plan.mir", "3x")), START, Locale.ENGLISH).plan());
        for (AgencyDecision a : three.values()) {
            assertThat(a.mirDownBps()).as(a.code()).isEqualTo(Math.min(200_000_000, 3 * a.cirDownBps()));
            assertThat(a.cirDownBps()).isLessThanOrEqualTo(a.mirDownBps());
        }
        assertThat(three.get("KEC").cirDownBps()).isEqualTo(2_400_000);
        assertThat(three.get("KEC").mirDownBps()).isEqualTo(7_200_000);
    }

    @Test
    void theGuaranteeSettingsAreCheckedLikeEveryOther() {
        for (String[] bad : new String[][] {{"plan.min_cir_mbps", "-1"}, {"plan.min_cir_mbps", "satu"},
                {"plan.min_cir_mbps", "10001"}, {"plan.mir", "ceiling"}, {"plan.mir", "0.5x"}, {"plan.mir", "3"}}) {
            assertThatThrownBy(() -> SettingOverrides.apply(Settings.DEFAULTS, Map.of(bad[0], bad[1])))
                    .as("%s=%s", bad[0], bad[1])
                    .satisfies(e -> assertThat(((PlanningException) e).message(Locale.ENGLISH)).contains(bad[0])
                            .contains("\"" + bad[1] + "\""));
        }
    }
}
