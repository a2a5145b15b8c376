package id.padu.analysis;

import id.padu.domain.Agency;
import id.padu.domain.AgencyKind;
import id.padu.domain.BitRate;
import id.padu.domain.ConnectionKind;
import id.padu.domain.Dataset;
import id.padu.domain.Priority;
import id.padu.domain.Rupiah;
import id.padu.domain.Subscription;
import id.padu.domain.UsageSeries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Benchmark (not a test): {@link SpendAnalysis} over N agencies x one year of 5-minute samples.
 * Run with {@code bench/analysis.sh}; arguments: agencies (1000), rounds (7).
 */
public final class SpendAnalysisBench {

    public static void main(String[] args) {
        int agencies = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int n = 365 * 288;
        long start = 1_735_664_400L; // 2025-01-01T00:00+07:00
        SplittableRandom rnd = new SplittableRandom(2025);
        List<Agency> list = new ArrayList<>(agencies);
        List<Subscription> subs = new ArrayList<>(agencies);
        Map<String, UsageSeries> usage = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        for (int a = 0; a < agencies; a++) {
            String code = "AG" + a;
            list.add(new Agency(code, "Agency " + a, AgencyKind.DINAS, Priority.NORMAL, List.of()));
            long bought = (10 + rnd.nextInt(10) * 10L) * 1_000_000L;
            subs.add(new Subscription(code, "Telkom", "Astinet", ConnectionKind.DEDICATED, BitRate.ofBps(bought),
                    BitRate.ofBps(bought), Rupiah.of(bought / 1_000_000L * 250_000L), null, null, null, null));
            long[] d = new long[n];
            long[] u = new long[n];
            long level = bought / 2;
            for (int i = 0; i < n; i++) {
                int slot = i % 288;
                boolean office = slot >= 90 && slot < 192 && (i / 288 + 2) % 7 < 5;
                long base = office ? level : level / 20;
                if (rnd.nextInt(500) == 0) {
                    d[i] = UsageSeries.MISSING;
                    u[i] = UsageSeries.MISSING;
                } else {
                    d[i] = base / 2 + rnd.nextLong(base + 1);
                    u[i] = d[i] / 4;
                }
            }
            usage.put(code, new UsageSeries(code, start, 300, d, u));
        }
        Dataset ds = new Dataset(list, subs, null, null, null, usage, null);
        System.out.printf("generated %d agencies x %d samples x 2 directions (%,d samples) in %d ms%n",
                agencies, n, 2L * agencies * n, (System.nanoTime() - t0) / 1_000_000);
        long[] ms = new long[rounds];
        long[] cpu = new long[rounds];
        // CPU time of the whole process too: on a machine shared with other jobs the wall time
        // says more about the neighbours than about the code
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        SpendReport r = null;
        for (int k = 0; k < rounds; k++) {
            long c = os.getProcessCpuTime();
            long t = System.nanoTime();
            r = SpendAnalysis.analyze(ds, 0.95, LocalDate.of(2026, 1, 1));
            ms[k] = (System.nanoTime() - t) / 1_000_000;
            cpu[k] = (os.getProcessCpuTime() - c) / 1_000_000;
            System.out.printf("round %d: %d ms wall, %d ms CPU (all threads)%n", k + 1, ms[k], cpu[k]);
        }
        long[] cpuSorted = cpu.clone();
        Arrays.sort(cpuSorted);
        System.out.printf("CPU time per analysis: best %d ms, median %d ms over %d cores available%n",
                cpuSorted[0], cpuSorted[rounds / 2], Runtime.getRuntime().availableProcessors());
        long[] sorted = ms.clone();
        Arrays.sort(sorted);
        Runtime rt = Runtime.getRuntime();
        System.out.printf("analysis of %d agencies: first %d ms, best %d ms, median %d ms; gain down %.2f; heap max %d MB, used %d MB%n",
                agencies, ms[0], sorted[0], sorted[rounds / 2], r.aggregate().multiplexingGainDown(),
                rt.maxMemory() >> 20, (rt.totalMemory() - rt.freeMemory()) >> 20);
    }
}
