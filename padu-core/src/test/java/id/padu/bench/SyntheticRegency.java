package id.padu.bench;

import id.padu.domain.Agency;
import id.padu.domain.AgencyKind;
import id.padu.domain.BitRate;
import id.padu.domain.ConnectionKind;
import id.padu.domain.Dataset;
import id.padu.domain.Link;
import id.padu.domain.LinkType;
import id.padu.domain.Offer;
import id.padu.domain.PlanScope;
import id.padu.domain.Priority;
import id.padu.domain.Redundancy;
import id.padu.domain.Rupiah;
import id.padu.domain.Settings;
import id.padu.domain.Subscription;
import id.padu.domain.UsageSeries;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Synthetic inputs for the planner benchmarks: n agencies with a year of 5-minute usage shaped
 * by WIB office hours (hospitals around the clock), packages bought in fixed steps at public
 * Indonesian prices, links to the hub, and central offers from four providers in capacity steps
 * up to 10 Gbps. Deterministic for a seed.
 */
public final class SyntheticRegency {

    static final int STEP = 300;
    static final int YEAR_STEPS = 365 * 24 * 12;

    private SyntheticRegency() {
    }

    public static Dataset generate(int n, int steps, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long start = LocalDate.of(2025, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.ofHours(7));
        List<Agency> agencies = new ArrayList<>();
        List<Subscription> subs = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        Map<String, UsageSeries> usage = new LinkedHashMap<>();
        long[] packages = {10, 20, 30, 50, 100, 200};
        for (int i = 0; i < n; i++) {
            String code = String.format("OPD-%04d", i);
            boolean hospital = i % 15 == 0;
            Priority prio = hospital ? Priority.CRITICAL : i % 7 == 0 ? Priority.HIGH : i % 5 == 0 ? Priority.LOW : Priority.NORMAL;
            agencies.add(new Agency(code, "Perangkat daerah " + i, hospital ? AgencyKind.RSUD : AgencyKind.DINAS, prio, List.of()));
            double peakMbps = 2 + Math.exp(rnd.nextDouble() * Math.log(60));
            long pkg = packages[packages.length - 1];
            for (long p : packages) {
                if (p >= peakMbps * 1.3) {
                    pkg = p;
                    break;
                }
            }
            long perMbps = 120_000 + rnd.nextInt(280_000);
            LocalDate end = rnd.nextInt(3) == 0 ? null : LocalDate.of(2026, 1 + rnd.nextInt(12), 1).plusYears(rnd.nextInt(2));
            subs.add(new Subscription(code, rnd.nextBoolean() ? "Telkom" : "Iconnet", "Paket " + pkg, ConnectionKind.DEDICATED,
                    BitRate.ofMbps(pkg), BitRate.ofMbps(pkg), Rupiah.of(pkg * perMbps), Rupiah.of(1_500_000),
                    LocalDate.of(2024, 1, 1), end, Rupiah.of(end == null ? 0 : pkg * perMbps * (1 + rnd.nextInt(4)))));
            if (rnd.nextInt(25) != 0) {
                Long cap = rnd.nextInt(6) == 0 ? (long) (peakMbps * (0.8 + rnd.nextDouble())) : null;
                links.add(new Link(code, rnd.nextInt(4) == 0 ? LinkType.RADIO : LinkType.FIBER,
                        Rupiah.of(300_000 + rnd.nextInt(2_500_000)), Rupiah.of(rnd.nextInt(4) * 5_000_000L),
                        cap == null ? null : BitRate.ofMbps(Math.max(1, cap))));
            }
            long[] down = new long[steps];
            long[] up = new long[steps];
            double peak = peakMbps * 1e6;
            for (int t = 0; t < steps; t++) {
                if (rnd.nextInt(200) == 0) {
                    down[t] = UsageSeries.MISSING;
                    up[t] = UsageSeries.MISSING;
                    continue;
                }
                int minuteOfDay = (t % 288) * 5;
                int day = (t / 288 + 3) % 7; // 2025-01-01 is a Wednesday; 0 = Monday
                double level;
                if (hospital) {
                    level = 0.35 + 0.25 * Math.sin(Math.PI * minuteOfDay / 1440.0);
                } else if (day >= 5) {
                    level = 0.04;
                } else if (minuteOfDay >= 450 && minuteOfDay < (day == 4 ? 990 : 960)) {
                    level = day == 4 && minuteOfDay >= 690 && minuteOfDay < 780 ? 0.2 : 0.55;
                } else {
                    level = 0.05;
                }
                double v = peak * level * (0.4 + 0.9 * rnd.nextDouble());
                down[t] = (long) v;
                up[t] = (long) (v * (0.2 + 0.2 * rnd.nextDouble()));
            }
            usage.put(code, new UsageSeries(code, start, STEP, down, up));
        }
        List<Offer> offers = new ArrayList<>();
        String[][] products = {{"Telkom", "Astinet"}, {"Telkom", "Metro-E"}, {"Lintasarta", "DIA"}, {"Icon+", "Iconnet Corporate"},
                {"Biznet", "Metronet"}};
        long[] mbps = {100, 300, 1000, 3000, 10000, 20000};
        for (int p = 0; p < products.length; p++) {
            double perMbps = 20_000 + 9_000 * p;
            for (int k = 0; k < mbps.length; k++) {
                if ((p + k) % 5 == 4) {
                    continue; // not every provider sells every step
                }
                double volume = Math.pow(mbps[k] / 100.0, -0.25);
                long monthly = (long) (mbps[k] * perMbps * volume / 1000) * 1000 + 2_000_000;
                offers.add(new Offer(products[p][0], products[p][1], ConnectionKind.DEDICATED, BitRate.ofMbps(mbps[k]),
                        BitRate.ofMbps(mbps[k]), Rupiah.of(monthly), Rupiah.of(5_000_000L + mbps[k] * 2_000), 12, 99.5));
            }
        }
        Settings d = Settings.DEFAULTS;
        Settings s = new Settings(d.quantile(), d.growth(), d.targetUtilization(), Redundancy.DUAL, d.survivableFraction(),
                d.horizonYears(), d.reserve(), PlanScope.OPTIMIZE, LocalDate.of(2026, 1, 1), null, null, 2, null, List.of(), Map.of());
        return new Dataset(agencies, subs, offers, links, List.of(), usage, s);
    }
}
