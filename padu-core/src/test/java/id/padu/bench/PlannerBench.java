package id.padu.bench;

import id.padu.domain.Dataset;
import id.padu.plan.Plan;
import id.padu.plan.PlanResult;
import id.padu.plan.Planner;
import id.padu.plan.DemandGrid;
import id.padu.simulation.Simulator;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Planner and simulator benchmarks on synthetic regencies (bench/planner.sh runs it).
 * Prints one line per case: wall time of the plan (after one warm-up run on the same input for
 * the small case), optimality or gap, and the simulation time. Not a test: no assertions.
 */
public final class PlannerBench {

    private PlannerBench() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "all";
        System.out.printf("%d processors, load average %.2f, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().maxMemory() >> 20);
        if (which.equals("all") || which.equals("35")) {
            Dataset ds = SyntheticRegency.generate(35, SyntheticRegency.YEAR_STEPS, 35);
            Planner.plan(ds, LocalDate.of(2026, 1, 1), Locale.ENGLISH); // warm-up
            for (int run = 0; run < 3; run++) {
                cpuStart = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                PlanResult r = Planner.plan(ds, LocalDate.of(2026, 1, 1), Locale.ENGLISH);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                report("35 agencies x 1 year", r, ms);
            }
            for (long seed = 1; seed <= 5; seed++) {
                Dataset other = SyntheticRegency.generate(40, SyntheticRegency.YEAR_STEPS, seed);
                cpuStart = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                PlanResult r = Planner.plan(other, LocalDate.of(2026, 1, 1), Locale.ENGLISH);
                report("40 agencies x 1 year, seed " + seed, r, (System.nanoTime() - t0) / 1_000_000);
            }
            for (long seed = 30; seed <= 37; seed++) {
                Dataset other = SyntheticRegency.generate(60, SyntheticRegency.YEAR_STEPS, seed);
                cpuStart = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                PlanResult r = Planner.plan(other, LocalDate.of(2026, 1, 1), Locale.ENGLISH);
                report("60 agencies x 1 year, seed " + seed, r, (System.nanoTime() - t0) / 1_000_000);
            }
        }
        if (which.equals("all") || which.equals("1000")) {
            long g0 = System.nanoTime();
            Dataset ds = SyntheticRegency.generate(1000, SyntheticRegency.YEAR_STEPS, 1000);
            System.out.printf("generated 1000 agencies x 1 year in %d ms%n", (System.nanoTime() - g0) / 1_000_000);
            cpuStart = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            PlanResult r = Planner.plan(ds, LocalDate.of(2026, 1, 1), Locale.ENGLISH);
            report("1000 agencies x 1 year", r, (System.nanoTime() - t0) / 1_000_000);
            // the simulation benchmark puts every one of the 1000 agencies on the planned uplinks
            DemandGrid grid = DemandGrid.of(ds);
            Plan plan = allCentral(ds, grid, r.plan());
            Simulator.run(ds, grid, plan, null); // warm-up
            for (int run = 0; run < 3; run++) {
                long c0 = processCpu();
                long s0 = System.nanoTime();
                Simulator.Result sim = Simulator.run(ds, grid, plan, null);
                long ms = (System.nanoTime() - s0) / 1_000_000;
                long cpu = (processCpu() - c0) / 1_000_000;
                double worst = sim.agencies().stream().mapToDouble(a -> Math.min(a.servedFractionDown(), a.servedFractionUp())).min().orElse(1);
                System.out.printf("simulate %d central agencies x %d intervals, both directions: %d ms wall, %d ms CPU (2 threads)"
                        + " (lowest served fraction %.5f)%n", sim.agencies().size(), sim.intervals(), ms, cpu, worst);
            }
            String provider = plan.uplinks().get(0).provider();
            for (int run = 0; run < 2; run++) {
                long c0 = processCpu();
                long s0 = System.nanoTime();
                Simulator.Result sim = Simulator.run(ds, grid, plan, provider);
                long congested = sim.agencies().stream().mapToLong(a -> a.congestedIntervalsDown() + a.congestedIntervalsUp()).sum();
                System.out.printf("simulate with %s failed: %d ms wall, %d ms CPU, %d congested agency-intervals%n", provider,
                        (System.nanoTime() - s0) / 1_000_000, (processCpu() - c0) / 1_000_000, congested);
            }
        }
    }

    private static Plan allCentral(Dataset ds, DemandGrid grid, Plan planned) {
        java.util.List<id.padu.plan.Allocator.Demand> demands = new java.util.ArrayList<>();
        for (int i = 0; i < ds.agencies().size(); i++) {
            var a = ds.agencies().get(i);
            demands.add(new id.padu.plan.Allocator.Demand(a.code(), a.priority(), grid.ownQuantile(i, true, 0.95),
                    grid.ownQuantile(i, false, 0.95)));
        }
        var shares = id.padu.plan.Allocator.allocate(demands, planned.capacityDownBps(), planned.capacityUpBps(),
                ds.settings().reserve(), ds.settings().growth());
        java.util.List<id.padu.plan.AgencyDecision> decisions = new java.util.ArrayList<>();
        for (var s : shares) {
            decisions.add(new id.padu.plan.AgencyDecision(s.code(), id.padu.plan.Decision.CENTRAL, s.cirDownBps(), s.mirDownBps(),
                    s.cirUpBps(), s.mirUpBps(), null, null));
        }
        return new Plan(0, 0, 0, 0, null, 0, 0, false, 0, planned.uplinks(), decisions);
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private static long cpuStart;

    /** CPU time of the whole process (the simulator uses two threads), in ns. */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void report(String name, PlanResult r, long ms) {
        Plan p = r.plan();
        long cpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        System.out.printf("%s: plan %d ms wall, %d ms CPU, %s, central %d, uplinks %d, plan Rp %,d/yr, lower bound Rp %,d, nodes %d, stopped by %s%n", name, ms, cpu,
                p.optimal() ? "optimal" : String.format(Locale.ROOT, "gap %.4f %%", p.gap() * 100), p.centralAgencies().size(),
                p.uplinks().size(), p.planAnnualIdr(), r.lowerBoundIdr(), r.searchNodes(), r.stoppedBy().code());
        cpuStart = THREADS.getCurrentThreadCpuTime();
    }
}
