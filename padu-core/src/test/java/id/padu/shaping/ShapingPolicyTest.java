package id.padu.shaping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.padu.domain.Agency;
import id.padu.domain.AgencyKind;
import id.padu.domain.Direction;
import id.padu.domain.Priority;
import id.padu.plan.AgencyDecision;
import id.padu.plan.Decision;
import id.padu.plan.Plan;
import id.padu.plan.Uplink;
import id.padu.shaping.ShapingPolicy.DirectionPolicy;
import id.padu.shaping.ShapingPolicy.ShapedClass;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShapingPolicyTest {

    private static final ShapingOptions OPTIONS = ShapingOptions.defaults();

    private static Plan plan(double capacityMbps, long[] cirMbps, long[] mirMbps) {
        List<AgencyDecision> d = new ArrayList<>();
        for (int i = 0; i < cirMbps.length; i++) {
            d.add(new AgencyDecision("A" + i, Decision.CENTRAL, cirMbps[i] * 1_000_000, mirMbps[i] * 1_000_000,
                    cirMbps[i] * 1_000_000, mirMbps[i] * 1_000_000, null, null));
        }
        return new Plan(0, 0, 0, 0, null, 0, 0, true, 0, List.of(new Uplink("P", "X", capacityMbps, capacityMbps, 0, 0)), d);
    }

    private static List<Agency> agencies(int n) {
        List<Agency> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Agency("A" + i, "Agency " + i, AgencyKind.DINAS, Priority.NORMAL, ShapingFixtures.prefixes("10.0." + i + ".0/24")));
        }
        return out;
    }

    @Test
    void quantumIsProportionalToCirWithTheSmallestSeveralFramesAndAllWithinKernelBounds() throws Exception {
        ShapingPolicy p = ShapingPolicy.of(agencies(3), plan(100, new long[] {5, 10, 30}, new long[] {100, 100, 100}), OPTIONS);
        List<ShapedClass> c = p.down().classes();
        assertThat(c.get(0).quantumBytes()).isEqualTo(4 * 1514);
        assertThat(c.get(1).quantumBytes()).isEqualTo(2 * c.get(0).quantumBytes());
        assertThat(c.get(2).quantumBytes()).isEqualTo(6 * c.get(0).quantumBytes());
        assertThat(p.warnings()).isEmpty();
    }

    @Test
    void largeCirRatiosScaleDownToTheKernelMaximumAndOnlyExtremeOnesAreClamped() throws Exception {
        // ratio 100: scaled so the largest is 200000, the smallest 2000 >= one frame, still proportional
        ShapingPolicy p = ShapingPolicy.of(agencies(2), plan(2000, new long[] {10, 1000}, new long[] {2000, 2000}), OPTIONS);
        List<ShapedClass> c = p.down().classes();
        assertThat(c.get(1).quantumBytes()).isEqualTo(ShapingPolicy.KERNEL_MAX_QUANTUM);
        assertThat(c.get(0).quantumBytes()).isEqualTo(2000);
        assertThat(p.warnings()).isEmpty();
        // ratio 1000: the smallest would be 200 bytes; raised to one frame and the operator is told
        ShapingPolicy q = ShapingPolicy.of(agencies(2), plan(2000, new long[] {1, 1000}, new long[] {2000, 2000}), OPTIONS);
        assertThat(q.down().classes().get(0).quantumBytes()).isEqualTo(1514);
        assertThat(q.warnings()).extracting(ShapingWarning::key).contains("shape.warn.quantumClamped");
        for (ShapingPolicy each : List.of(p, q)) {
            for (ShapedClass sc : each.down().classes()) {
                assertThat(sc.quantumBytes()).isBetween(ShapingPolicy.KERNEL_MIN_QUANTUM, ShapingPolicy.KERNEL_MAX_QUANTUM);
            }
        }
    }

    @Test
    void theUnclassifiedClassGetsOnePercentWithinWhatTheGuaranteesLeave() throws Exception {
        ShapingPolicy p = ShapingPolicy.of(agencies(2), plan(100, new long[] {40, 40}, new long[] {100, 100}), OPTIONS);
        DirectionPolicy d = p.down();
        assertThat(d.defaultRateBps()).isEqualTo(1_000_000);
        assertThat(d.sumCirBps() + d.defaultRateBps()).isLessThanOrEqualTo(d.capacityBps());
        // guarantees use 99.5 %: the default class gets the 0.5 % left, the parent is not over-committed
        ShapingPolicy tight = ShapingPolicy.of(agencies(2), plan(200, new long[] {100, 99}, new long[] {200, 200}), OPTIONS);
        assertThat(tight.down().defaultRateBps()).isEqualTo(1_000_000);
        assertThat(tight.warnings()).isEmpty();
        // guarantees fill the link: the default class keeps a token rate and the operator is warned
        ShapingPolicy full = ShapingPolicy.of(agencies(2), plan(100, new long[] {50, 50}, new long[] {100, 100}), OPTIONS);
        assertThat(full.down().defaultRateBps()).isEqualTo(ShapingPolicy.MIN_DEFAULT_RATE_BPS);
        assertThat(full.warnings()).extracting(ShapingWarning::key).contains("shape.warn.overcommitted");
    }

    @Test
    void ceilingIsNeverBelowTheGuaranteeNorAboveTheUplink() throws Exception {
        ShapingPolicy p = ShapingPolicy.of(agencies(2), plan(100, new long[] {20, 10}, new long[] {5, 500}), OPTIONS);
        List<ShapedClass> c = p.direction(Direction.UP).classes();
        assertThat(c.get(0).ceilBps()).isEqualTo(20_000_000);
        assertThat(c.get(1).ceilBps()).isEqualTo(100_000_000);
        assertThat(p.warnings()).extracting(ShapingWarning::key).contains("shape.warn.mirAboveCapacity");
    }

    @Test
    void aPlanNamingAnUnknownAgencyIsRejected() {
        assertThatThrownBy(() -> ShapingPolicy.of(agencies(1), plan(100, new long[] {10, 10}, new long[] {50, 50}), OPTIONS))
                .isInstanceOf(ShapingException.class)
                .satisfies(e -> assertThat(((ShapingException) e).args()).containsExactly("A1"));
    }

    @Test
    void localAgenciesGetNoClassAndClassIdsFollowTheCodes() throws Exception {
        ShapingPolicy p = ShapingPolicy.of(ShapingFixtures.agencies(), ShapingFixtures.plan(), OPTIONS);
        assertThat(p.agencies()).extracting(ShapingPolicy.ShapedAgency::code)
                .containsExactly("DISKOMINFO", "KEC-BAAMANG", "RSUD", "SMPN1");
        assertThat(p.agencies()).extracting(ShapingPolicy.ShapedAgency::classIdHex).containsExactly("100", "101", "102", "103");
    }

    @Test
    void agenciesWithNestedPrefixesAreClassifiedBeforeTheAgencyWhosePrefixContainsThem() throws Exception {
        ShapingPolicy p = ShapingPolicy.of(ShapingFixtures.agencies(), ShapingFixtures.plan(), OPTIONS);
        List<String> order = p.classificationOrder().stream().map(ShapingPolicy.ShapedAgency::code).toList();
        // KEC-BAAMANG holds 10.20.0.0/16, which contains DISKOMINFO's and RSUD's /24s
        assertThat(order.indexOf("DISKOMINFO")).isLessThan(order.indexOf("KEC-BAAMANG"));
        assertThat(order.indexOf("RSUD")).isLessThan(order.indexOf("KEC-BAAMANG"));
    }

    @Test
    void linuxFiltersPutLongerPrefixesFirst() throws Exception {
        String script = LinuxTcRenderer.render(ShapingPolicy.of(ShapingFixtures.agencies(), ShapingFixtures.plan(), OPTIONS), OPTIONS);
        int rsud = script.indexOf("match ip dst 10.20.2.0/24");
        int wide = script.indexOf("match ip dst 10.20.0.0/16");
        assertThat(rsud).isPositive();
        assertThat(wide).isGreaterThan(rsud);
        assertThat(LinuxTcRenderer.filterPrio(ShapingFixtures.prefixes("10.20.2.0/24").get(0)))
                .isLessThan(LinuxTcRenderer.filterPrio(ShapingFixtures.prefixes("10.20.0.0/16").get(0)));
    }
}
