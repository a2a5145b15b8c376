package id.padu.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.padu.domain.Agency;
import id.padu.domain.AgencyKind;
import id.padu.domain.BitRate;
import id.padu.domain.ConnectionKind;
import id.padu.domain.Dataset;
import id.padu.domain.PlanScope;
import id.padu.domain.Priority;
import id.padu.domain.Redundancy;
import id.padu.domain.Rupiah;
import id.padu.domain.Settings;
import id.padu.domain.Subscription;
import id.padu.domain.UsageSeries;
import id.padu.plan.AgencyDecision;
import id.padu.plan.Decision;
import id.padu.plan.Plan;
import id.padu.plan.Uplink;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulator on three intervals worked out by hand. */
class SimulatorTest {

    private static final long M = 1_000_000;

    private static Dataset dataset(double growth) {
        Settings d = Settings.DEFAULTS;
        Settings s = new Settings(d.quantile(), growth, d.targetUtilization(), Redundancy.DUAL, 0.6, 3, 0.1, PlanScope.OPTIMIZE,
                null, null, null, 2, null, List.of(), Map.of());
        List<Agency> agencies = List.of(new Agency("RSUD", "RSUD dr. Murjani", AgencyKind.RSUD, Priority.CRITICAL, List.of()),
                new Agency("DISDIK", "Dinas Pendidikan", AgencyKind.DINAS, Priority.NORMAL, List.of()),
                new Agency("BAPPEDA", "Bappeda", AgencyKind.BADAN, Priority.NORMAL, List.of()));
        long[][] down = {{10 * M, 100 * M, 0, UsageSeries.MISSING}, {20 * M, 100 * M, 100 * M, 5 * M}, {30 * M, 100 * M, 100 * M, 5 * M}};
        Map<String, UsageSeries> usage = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            String code = agencies.get(i).code();
            usage.put(code, new UsageSeries(code, 1_740_960_000L, 300, down[i], new long[4]));
        }
        Subscription sub = new Subscription("RSUD", "Telkom", "Astinet", ConnectionKind.DEDICATED, BitRate.ofMbps(20),
                BitRate.ofMbps(20), Rupiah.of(1), null, null, null, null);
        return new Dataset(agencies, List.of(sub), List.of(), null, List.of(), usage, s);
    }

    private static Plan plan() {
        List<Uplink> uplinks = List.of(new Uplink("Telkom", "Astinet", 60, 60, 1, 0), new Uplink("Lintasarta", "DIA", 40, 40, 1, 0));
        List<AgencyDecision> a = List.of(
                new AgencyDecision("RSUD", Decision.CENTRAL, 20 * M, 50 * M, 1 * M, 100 * M, null, null),
                new AgencyDecision("DISDIK", Decision.CENTRAL, 10 * M, 100 * M, 1 * M, 100 * M, null, null),
                new AgencyDecision("BAPPEDA", Decision.CENTRAL, 30 * M, 100 * M, 1 * M, 100 * M, null, null));
        return new Plan(0, 0, 0, 0, null, 0, 0, true, 0, uplinks, a);
    }

    @Test
    void prioritiesCirProportionsAndMirCapsAsWorkedByHand() throws Exception {
        Simulator.Result r = Simulator.run(dataset(0), plan(), null);
        assertThat(r.capacityDownBps()).isEqualTo(100 * M);
        Simulator.AgencyResult rsud = r.agencies().get(0);
        Simulator.AgencyResult disdik = r.agencies().get(1);
        Simulator.AgencyResult bappeda = r.agencies().get(2);
        // t0: 60 of 100 wanted -> all served.
        // t1: all want 100. Guarantees 20+10+30 = 60, 40 left: RSUD (critical) first, up to its MIR 50 (+30);
        //     10 left for DISDIK:BAPPEDA in CIR proportion 1:3 -> 12.5 and 37.5.
        // t2: RSUD idle; guarantees 10+30, 60 left split 1:3 -> DISDIK 25, BAPPEDA 75.
        // t3: RSUD missing (no demand), 5+5 served.
        assertThat(rsud.servedFractionDown()).isEqualTo((10 + 50) / 110.0);
        assertThat(rsud.congestedIntervalsDown()).isEqualTo(1);
        assertThat(rsud.worstDownFraction()).isEqualTo(0.5);
        assertThat(rsud.worstDownEpochSecond()).isEqualTo(1_740_960_300L);
        assertThat(disdik.servedFractionDown()).isEqualTo((20 + 12.5 + 25 + 5) / 225.0);
        assertThat(disdik.congestedIntervalsDown()).isEqualTo(2);
        assertThat(disdik.worstDownFraction()).isEqualTo(0.125);
        assertThat(bappeda.servedFractionDown()).isEqualTo((30 + 37.5 + 75 + 5) / 235.0);
        assertThat(bappeda.congestedIntervalsDown()).isEqualTo(2);
        assertThat(bappeda.worstDownEpochSecond()).isEqualTo(1_740_960_300L);
        // nothing was wanted up: fully served, never congested
        assertThat(rsud.servedFractionUp()).isEqualTo(1.0);
        assertThat(rsud.congestedIntervalsUp()).isZero();
        // bytes: served bps x 300 s / 8
        assertThat(rsud.servedBytesDown()).isEqualTo(60 * M * 300 / 8);
    }

    @Test
    void growthScalesTheReplayedDemand() throws Exception {
        // at +50 % t0 wants 15 + 30 + 45 = 90 <= 100: still served; t3 7.5 + 7.5
        Simulator.Result r = Simulator.run(dataset(0.5), plan(), null);
        assertThat(r.agencies().get(0).demandedBytesDown()).isEqualTo((15 + 150) * M * 300 / 8);
    }

    @Test
    void withAProviderFailedOnlyTheOtherUplinksCarry() throws Exception {
        Simulator.Result r = Simulator.run(dataset(0), plan(), "Lintasarta");
        assertThat(r.capacityDownBps()).isEqualTo(60 * M);
        // t0: 60 wanted on 60: served. t1: guarantees 60 fill the link: 20/10/30.
        // t2: guarantees 40, 20 left 1:3 -> DISDIK 15, BAPPEDA 45. t3: 5 + 5.
        assertThat(r.agencies().get(0).servedFractionDown()).isEqualTo((10 + 20) / 110.0);
        assertThat(r.agencies().get(1).servedFractionDown()).isEqualTo((20 + 10 + 15 + 5) / 225.0);
        assertThat(r.agencies().get(2).servedFractionDown()).isEqualTo((30 + 30 + 45 + 5) / 235.0);
    }

    @Test
    void anUnknownProviderOrAgencyNamesTheField() {
        assertThatThrownBy(() -> Simulator.run(dataset(0), plan(), "Biznet"))
                .isInstanceOf(Simulator.PlanMismatchException.class).hasMessageContaining("uplinks[].provider");
        Plan p = plan();
        Plan bad = new Plan(0, 0, 0, 0, null, 0, 0, true, 0, p.uplinks(),
                List.of(new AgencyDecision("DINKES", Decision.CENTRAL, 1, 1, 1, 1, null, null)));
        assertThatThrownBy(() -> Simulator.run(dataset(0), bad, null))
                .isInstanceOf(Simulator.PlanMismatchException.class).hasMessageContaining("agencies[].code");
    }
}
