package id.padu.plan;

import static org.assertj.core.api.Assertions.assertThat;

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
}
