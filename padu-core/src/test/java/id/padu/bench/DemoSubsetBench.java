package id.padu.bench;

import id.padu.demo.KotimDemo;
import id.padu.domain.Agency;
import id.padu.domain.BitRate;
import id.padu.domain.ConnectionKind;
import id.padu.domain.Dataset;
import id.padu.domain.Offer;
import id.padu.domain.Rupiah;
import id.padu.domain.UsageSeries;
import id.padu.plan.Plan;
import id.padu.plan.PlanResult;
import id.padu.plan.Planner;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Regency-sized cuts of the Kotawaringin Timur demo for the exactness contract (docs/planning.md):
 * 40 of its agencies (the first by code and random subsets) with its 18 offer rows and with 30
 * rows, and the whole demo. Prints CPU time, optimal or gap, nodes. Not a test: no assertions.
 * Usage: {@code java ... id.padu.bench.DemoSubsetBench [first | subsets | full]} (no argument: subsets
 * and full, as {@code bench/planner.sh demo} runs it). System properties: {@code subsets} (random
 * cuts per offer set, 6), {@code limit} (ms), {@code nodes}, {@code agencyShare} (0.25),
 * {@code localSearch} (true) for experiments with the planner's limits.
 */
public final class DemoSubsetBench {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private DemoSubsetBench() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> what = args.length == 0 ? Set.of("subsets", "full") : Set.of(args);
        int randomSubsets = Integer.getInteger("subsets", 6);
        Dataset demo = KotimDemo.dataset(TODAY);
        if (what.contains("first")) {
            run("first 40 by code, 18 offer rows", subset(demo, firstByCode(demo, 40), demo.offers()));
            return;
        }
        Planner.plan(subset(demo, firstByCode(demo, 40), demo.offers()), TODAY, Locale.ENGLISH); // warm-up
        if (what.contains("subsets")) {
            for (List<Offer> offers : List.of(demo.offers(), thirtyRows(demo.offers()))) {
                String rows = offers.size() + " offer rows";
                run("first 40 by code, " + rows, subset(demo, firstByCode(demo, 40), offers));
                for (long seed = 1; seed <= randomSubsets; seed++) {
                    run("random 40, seed " + seed + ", " + rows, subset(demo, random(demo, 40, seed), offers));
                }
            }
        }
        if (what.contains("full")) {
            run("full demo (51 agencies), 18 offer rows", demo);
            run("full demo (51 agencies), 30 offer rows", subset(demo, demo.agencies().stream().map(Agency::code).toList(),
                    thirtyRows(demo.offers())));
        }
    }

    private static void run(String name, Dataset ds) throws Exception {
        long c0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Planner.Limits limits = new Planner.Limits(Long.getLong("nodes", Planner.Limits.DEFAULT.effort()),
                Long.getLong("limit", Planner.Limits.DEFAULT.timeLimitMillis()),
                Boolean.parseBoolean(System.getProperty("localSearch", "true")))
                .withAgencyShare(Double.parseDouble(System.getProperty("agencyShare", "0.25")));
        PlanResult r = Planner.plan(ds, TODAY, Locale.ENGLISH, limits);
        long cpu = (THREADS.getCurrentThreadCpuTime() - c0) / 1_000_000;
        long wall = (System.nanoTime() - t0) / 1_000_000;
        Plan p = r.plan();
        System.out.printf(Locale.ROOT, "%s: %d ms CPU, %d ms wall, %s, central %d, required %.1f Mbps, plan Rp %,d/yr,"
                        + " bound Rp %,d, nodes %d, stopped by %s%n", name, cpu, wall,
                p.optimal() ? "optimal" : String.format(Locale.ROOT, "gap %.4f %%", p.gap() * 100), p.centralAgencies().size(),
                p.requiredDownBps() / 1e6, p.planAnnualIdr(), r.lowerBoundIdr(), r.searchNodes(), r.stoppedBy().code());
    }

    static List<String> firstByCode(Dataset demo, int count) {
        return demo.agencies().stream().map(Agency::code).sorted().limit(count).toList();
    }

    static List<String> random(Dataset demo, int count, long seed) {
        List<String> codes = new ArrayList<>(demo.agencies().stream().map(Agency::code).toList());
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = codes.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            String t = codes.get(i);
            codes.set(i, codes.get(j));
            codes.set(j, t);
        }
        return codes.subList(0, count).stream().sorted(Comparator.naturalOrder()).toList();
    }

    /** The demo's 18 rows and 12 more of two other providers, priced in the same Rp per Mbps range. */
    static List<Offer> thirtyRows(List<Offer> demoOffers) {
        List<Offer> o = new ArrayList<>(demoOffers);
        long[][] mora = {{150, 29_000_000}, {300, 50_000_000}, {400, 62_000_000}, {600, 84_000_000}, {800, 104_000_000},
                {1500, 160_000_000}};
        long[][] fiberstar = {{100, 20_000_000}, {250, 43_000_000}, {350, 56_000_000}, {700, 93_000_000},
                {900, 112_000_000}, {1200, 135_000_000}};
        for (long[] a : mora) {
            o.add(new Offer("Moratelindo", "Dedicated " + a[0] + " Mbps", ConnectionKind.DEDICATED, BitRate.ofMbps(a[0]),
                    BitRate.ofMbps(a[0]), Rupiah.of(a[1]), Rupiah.of(10_000_000), 12, 99.5));
        }
        for (long[] a : fiberstar) {
            o.add(new Offer("Fiberstar", "DIA " + a[0] + " Mbps", ConnectionKind.DEDICATED, BitRate.ofMbps(a[0]),
                    BitRate.ofMbps(a[0]), Rupiah.of(a[1]), Rupiah.of(8_000_000), 12, 99.0));
        }
        return o;
    }

    static Dataset subset(Dataset demo, List<String> codes, List<Offer> offers) {
        Set<String> keep = Set.copyOf(codes);
        Map<String, UsageSeries> usage = new LinkedHashMap<>();
        List<Agency> agencies = demo.agencies().stream().filter(a -> keep.contains(a.code())).collect(Collectors.toList());
        for (Agency a : agencies) {
            UsageSeries u = demo.usage().get(a.code());
            if (u != null) {
                usage.put(a.code(), u);
            }
        }
        return new Dataset(agencies, demo.subscriptions().stream().filter(s -> keep.contains(s.agency())).toList(), offers,
                demo.links() == null ? null : demo.links().stream().filter(l -> keep.contains(l.agency())).toList(),
                demo.services().stream().filter(s -> keep.contains(s.agency())).toList(), usage, demo.settings());
    }
}
