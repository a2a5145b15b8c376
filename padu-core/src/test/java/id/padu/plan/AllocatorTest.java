package id.padu.plan;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.domain.MirPolicy;
import id.padu.domain.Priority;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AllocatorTest {

    private static Allocator.Demand d(String code, Priority p, long mbps) {
        return new Allocator.Demand(code, p, mbps * 1_000_000, mbps * 500_000);
    }

    @Test
    void guaranteesStayWithinCapacityLessReserveAndMirBetweenCirAndCapacity() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            List<Allocator.Demand> ds = new ArrayList<>();
            int n = 1 + rnd.nextInt(30);
            for (int i = 0; i < n; i++) {
                ds.add(new Allocator.Demand("A" + i, Priority.values()[rnd.nextInt(4)], rnd.nextInt(50_000_000),
                        rnd.nextInt(20_000_000)));
            }
            long cap = (1 + rnd.nextInt(500)) * 1_000_000L;
            List<Allocator.Share> s = Allocator.allocate(ds, cap, cap / 2, 0.1, 0.2);
            assertThat(s.stream().mapToLong(Allocator.Share::cirDownBps).sum()).isLessThanOrEqualTo((long) Math.floor(cap * 0.9));
            assertThat(s.stream().mapToLong(Allocator.Share::cirUpBps).sum()).isLessThanOrEqualTo((long) Math.floor(cap / 2 * 0.9));
            for (Allocator.Share x : s) {
                assertThat(x.cirDownBps()).isLessThanOrEqualTo(x.mirDownBps());
                assertThat(x.mirDownBps()).isLessThanOrEqualTo(cap);
                assertThat(x.cirUpBps()).isLessThanOrEqualTo(x.mirUpBps());
                assertThat(x.mirUpBps()).isLessThanOrEqualTo(cap / 2);
            }
        }
    }

    @Test
    void criticalAgenciesGetTheirGrownQ95WhenItFitsBeforeAnyoneElse() {
        List<Allocator.Demand> ds = List.of(d("RSUD", Priority.CRITICAL, 50), d("DINAS", Priority.NORMAL, 50),
                d("KEC", Priority.LOW, 50));
        // pool 90 Mbps: RSUD 60 in full, the normal agency the remaining 30, the low one nothing guaranteed
        List<Allocator.Share> s = Allocator.allocate(ds, 100_000_000, 100_000_000, 0.1, 0.2);
        assertThat(s.get(0).cirDownBps()).isEqualTo(60_000_000);
        assertThat(s.get(1).cirDownBps()).isEqualTo(30_000_000);
        assertThat(s.get(2).cirDownBps()).isZero();
        assertThat(s.get(2).mirDownBps()).isEqualTo(100_000_000);
    }

    @Test
    void whenCriticalTargetsDoNotFitThePoolIsSharedInProportion() {
        List<Allocator.Demand> ds = List.of(d("RSUD", Priority.CRITICAL, 100), d("BPBD", Priority.CRITICAL, 50),
                d("DINAS", Priority.HIGH, 10));
        // targets 120 and 60 (sum 180) > pool 90: 2:1 -> 60 and 30; the high one gets nothing
        List<Allocator.Share> s = Allocator.allocate(ds, 100_000_000, 100_000_000, 0.1, 0.2);
        assertThat(s.get(0).cirDownBps()).isEqualTo(60_000_000);
        assertThat(s.get(1).cirDownBps()).isEqualTo(30_000_000);
        assertThat(s.get(2).cirDownBps()).isZero();
    }

    @Test
    void aHigherPriorityNeverGetsALowerCirForTheSameDemand() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 300; trial++) {
            List<Allocator.Demand> ds = new ArrayList<>();
            int n = 2 + rnd.nextInt(12);
            for (int i = 0; i < n; i++) {
                ds.add(d("A" + i, Priority.values()[rnd.nextInt(4)], 1 + rnd.nextInt(5)));
            }
            List<Allocator.Share> s = Allocator.allocate(ds, (1 + rnd.nextInt(40)) * 1_000_000L, 10_000_000, 0.1, 0.2);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (ds.get(i).q95DownBps() == ds.get(j).q95DownBps()
                            && ds.get(i).priority().ordinal() < ds.get(j).priority().ordinal()) {
                        assertThat(s.get(i).cirDownBps()).isGreaterThanOrEqualTo(s.get(j).cirDownBps());
                    }
                }
            }
        }
    }

    @Test
    void mirIsTheUplinkCapacityAndCirTheGrownQ95() {
        List<Allocator.Demand> ds = List.of(new Allocator.Demand("KEC", Priority.NORMAL, 5_000_000, 1_000_000));
        Allocator.Share s = Allocator.allocate(ds, 100_000_000, 40_000_000, 0.1, 0.2).get(0);
        assertThat(s.mirDownBps()).isEqualTo(100_000_000);
        assertThat(s.mirUpBps()).isEqualTo(40_000_000);
        assertThat(s.cirDownBps()).isEqualTo(6_000_000);
        assertThat(s.cirUpBps()).isEqualTo(1_200_000);
    }

    // ---------------------------------------------------------------- floors and MIR policies

    private static final MirPolicy[] POLICIES = {MirPolicy.UPLINK, MirPolicy.LINK, new MirPolicy(MirPolicy.Kind.MULTIPLE, 1),
            new MirPolicy(MirPolicy.Kind.MULTIPLE, 2.5), new MirPolicy(MirPolicy.Kind.MULTIPLE, 3)};

    /** The properties of the allocation hold under every floor and MIR policy, floors fitting or not. */
    @Test
    void thePropertiesHoldUnderEveryFloorAndMirPolicy() {
        Random rnd = new Random(15);
        int floorsShort = 0;
        for (int trial = 0; trial < 2000; trial++) {
            List<Allocator.Demand> ds = new ArrayList<>();
            int n = 1 + rnd.nextInt(30);
            for (int i = 0; i < n; i++) {
                long link = rnd.nextInt(3) == 0 ? 0 : (1 + rnd.nextInt(100)) * 1_000_000L;
                ds.add(new Allocator.Demand("A" + i, Priority.values()[rnd.nextInt(4)], rnd.nextInt(50_000_000),
                        rnd.nextInt(20_000_000), link));
            }
            long capD = (1 + rnd.nextInt(500)) * 1_000_000L;
            long capU = capD / (1 + rnd.nextInt(3));
            // the counted capacity (guarantees) is at most the whole uplink (ceilings)
            long countedD = capD - rnd.nextInt((int) (capD / 2));
            long countedU = capU - rnd.nextInt((int) Math.max(1, capU / 2));
            double reserve = rnd.nextInt(4) * 0.1;
            long floor = rnd.nextInt(5) * 1_000_000L + rnd.nextInt(2) * 500_000L;
            MirPolicy mp = POLICIES[rnd.nextInt(POLICIES.length)];
            Allocator.Allocation a = Allocator.allocate(ds, countedD, countedU, capD, capU, reserve, 0.2,
                    new Allocator.Policy(floor, mp));
            List<Allocator.Share> s = a.shares();
            long poolD = (long) Math.floor(countedD * (1 - reserve));
            long poolU = (long) Math.floor(countedU * (1 - reserve));
            String why = "trial " + trial + " policy " + mp.code() + " floor " + floor;
            assertThat(s.stream().mapToLong(Allocator.Share::cirDownBps).sum()).as(why).isLessThanOrEqualTo(poolD);
            assertThat(s.stream().mapToLong(Allocator.Share::cirUpBps).sum()).as(why).isLessThanOrEqualTo(poolU);
            long needD = 0;
            long needU = 0;
            for (int i = 0; i < n; i++) {
                Allocator.Share x = s.get(i);
                long link = ds.get(i).linkCapacityBps();
                assertThat(x.cirDownBps()).as(why).isLessThanOrEqualTo(x.mirDownBps());
                assertThat(x.mirDownBps()).as(why).isLessThanOrEqualTo(capD).isPositive();
                assertThat(x.cirUpBps()).as(why).isLessThanOrEqualTo(x.mirUpBps());
                assertThat(x.mirUpBps()).as(why).isLessThanOrEqualTo(capU).isPositive();
                switch (mp.kind()) {
                    case UPLINK -> assertThat(x.mirDownBps()).isEqualTo(capD);
                    case LINK -> assertThat(x.mirDownBps()).isEqualTo(link > 0 ? Math.min(capD, link) : capD);
                    case MULTIPLE -> assertThat(x.mirDownBps()).isEqualTo(
                            Math.min(capD, Math.max(Allocator.MIN_TARGET_BPS, (long) Math.floor(x.cirDownBps() * mp.multiple()))));
                }
                long ceilD = mp.kind() == MirPolicy.Kind.LINK && link > 0 ? Math.min(capD, link) : capD;
                long ceilU = mp.kind() == MirPolicy.Kind.LINK && link > 0 ? Math.min(capU, link) : capU;
                needD += Math.min(floor, ceilD);
                needU += Math.min(floor, ceilU);
            }
            assertThat(a.floorsFit()).as(why).isEqualTo(needD <= poolD && needU <= poolU);
            if (a.floorsFit()) {
                // every agency has its floor (or all its ceiling allows) before the classes share the rest
                for (int i = 0; i < n; i++) {
                    long link = ds.get(i).linkCapacityBps();
                    long ceilD = mp.kind() == MirPolicy.Kind.LINK && link > 0 ? Math.min(capD, link) : capD;
                    assertThat(s.get(i).cirDownBps()).as(why).isGreaterThanOrEqualTo(Math.min(floor, ceilD));
                }
            } else {
                floorsShort++;
            }
            // priority order: for the same demand and link, a higher priority never gets a lower CIR
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    Allocator.Demand di = ds.get(i);
                    Allocator.Demand dj = ds.get(j);
                    if (di.q95DownBps() == dj.q95DownBps() && di.linkCapacityBps() == dj.linkCapacityBps()
                            && di.priority().ordinal() < dj.priority().ordinal()) {
                        assertThat(s.get(i).cirDownBps()).as(why).isGreaterThanOrEqualTo(s.get(j).cirDownBps());
                    }
                }
            }
        }
        assertThat(floorsShort).as("trials where the floors do not fit").isGreaterThan(50);
    }

    @Test
    void everyAgencyGetsItsFloorBeforeTheClassesShareTheRest() {
        // pool 90 Mbps; floors 3 x 5 Mbps first, then the critical target (60) in full, the normal one the
        // remaining 15 on top of its floor, the low one its floor only
        List<Allocator.Demand> ds = List.of(d("RSUD", Priority.CRITICAL, 50), d("DINAS", Priority.NORMAL, 50),
                d("KEC", Priority.LOW, 50));
        List<Allocator.Share> s = Allocator.allocate(ds, 100_000_000, 100_000_000, 100_000_000, 100_000_000, 0.1, 0.2,
                new Allocator.Policy(5_000_000, MirPolicy.UPLINK)).shares();
        assertThat(s).extracting(Allocator.Share::cirDownBps).containsExactly(60_000_000L, 25_000_000L, 5_000_000L);
        assertThat(s.get(2).mirDownBps()).isEqualTo(100_000_000);
    }

    @Test
    void theMirPoliciesBoundTheCeiling() {
        // a kecamatan on a 10 Mbps link with a 4 Mbps target, on an 800 Mbps uplink
        List<Allocator.Demand> ds = List.of(new Allocator.Demand("KEC", Priority.NORMAL, 3_333_334, 1_000_000, 10_000_000));
        Allocator.Share uplink = Allocator.allocate(ds, 800_000_000, 800_000_000, 800_000_000, 800_000_000, 0.1, 0.2,
                new Allocator.Policy(1_000_000, MirPolicy.UPLINK)).shares().get(0);
        assertThat(uplink.mirDownBps()).isEqualTo(800_000_000);
        Allocator.Share link = Allocator.allocate(ds, 800_000_000, 800_000_000, 800_000_000, 800_000_000, 0.1, 0.2,
                new Allocator.Policy(1_000_000, MirPolicy.LINK)).shares().get(0);
        assertThat(link.mirDownBps()).isEqualTo(10_000_000);
        assertThat(link.cirDownBps()).isEqualTo(4_000_001);
        Allocator.Share three = Allocator.allocate(ds, 800_000_000, 800_000_000, 800_000_000, 800_000_000, 0.1, 0.2,
                new Allocator.Policy(1_000_000, MirPolicy.parse("3x").orElseThrow())).shares().get(0);
        assertThat(three.cirDownBps()).isEqualTo(4_000_001);
        assertThat(three.mirDownBps()).isEqualTo(12_000_003);
        assertThat(three.cirUpBps()).isEqualTo(1_200_000);
        assertThat(three.mirUpBps()).isEqualTo(3_600_000);
    }

    @Test
    void theMirSettingReadsUplinkLinkOrAMultiple() {
        assertThat(MirPolicy.parse("uplink")).contains(MirPolicy.UPLINK);
        assertThat(MirPolicy.parse(" LINK ")).contains(MirPolicy.LINK);
        assertThat(MirPolicy.parse("3x").orElseThrow().multiple()).isEqualTo(3.0);
        assertThat(MirPolicy.parse("2,5X").orElseThrow().code()).isEqualTo("2.5x");
        for (String bad : List.of("", "x", "0.5x", "1001x", "3", "tiga kali", "-2x")) {
            assertThat(MirPolicy.parse(bad)).as(bad).isEmpty();
        }
    }
}
