package id.padu.migration;

import id.padu.domain.Settings;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Benchmark of the exact scheduler (not a test): regencies of 10 to 200 central agencies,
 * contracts ending over two years, a third hosting critical services, Saturday and Sunday
 * windows, two blackouts a year. Run: see docs/BENCHMARKS.md.
 */
public final class SchedulerBench {

    private SchedulerBench() {
    }

    static Fixture instance(int n, long seed) {
        LocalDate start = LocalDate.of(2027, 1, 4);
        Fixture f = new Fixture(start, start.plusDays(14));
        f.windows = "SAT 07:00-13:00;SUN 07:00-13:00";
        f.perWeek = 2;
        f.blackouts = List.of(
                new Settings.DateRange(LocalDate.of(2027, 3, 8), LocalDate.of(2027, 3, 14)),
                new Settings.DateRange(LocalDate.of(2027, 12, 15), LocalDate.of(2028, 1, 2)),
                new Settings.DateRange(LocalDate.of(2028, 2, 24), LocalDate.of(2028, 3, 3)));
        Random rnd = new Random(seed);
        for (int i = 0; i < n; i++) {
            String code = "A" + i;
            LocalDate end = rnd.nextInt(5) == 0 ? null : start.plusDays(rnd.nextInt(730));
            f.agency(code, 500_000L + 100_000L * rnd.nextInt(60), end, 1_000_000L * rnd.nextInt(40));
            if (rnd.nextInt(3) == 0) {
                f.critical(code);
            }
        }
        return f;
    }

    public static void main(String[] args) {
        int[] sizes = args.length > 0 ? java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
                : new int[] {10, 25, 50, 100, 200};
        System.out.println("| agencies | weeks with a cutover | optimal | median CPU ms (of 5) |");
        System.out.println("|---:|---:|---|---:|");
        // CPU time of this thread: the figure holds on a machine shared with other work.
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int n : sizes) {
            Fixture f = instance(n, 42L + n);
            MigrationScheduler s = new MigrationScheduler(f.dataset(), f.plan());
            MigrationSchedule result = s.schedule(); // warm-up
            long[] ms = new long[5];
            for (int r = 0; r < ms.length; r++) {
                long t0 = cpu.getCurrentThreadCpuTime();
                result = s.schedule();
                ms[r] = (cpu.getCurrentThreadCpuTime() - t0) / 1_000_000;
            }
            java.util.Arrays.sort(ms);
            System.out.printf("| %d | %d | %s | %d |%n", n, result.waves().size(), result.optimal(), ms[2]);
        }
    }
}
