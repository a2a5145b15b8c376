package id.padu.plan;

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
import java.util.List;
import java.util.Map;

/** Small datasets built in code for planner, allocation and simulation tests. */
final class Fixtures {

    static final long START = LocalDate.of(2025, 3, 3).atStartOfDay().toEpochSecond(java.time.ZoneOffset.ofHours(7));

    private Fixtures() {
    }

    static Agency agency(String code, Priority p) {
        return new Agency(code, "Dinas " + code, AgencyKind.DINAS, p, List.of());
    }

    static Subscription sub(String agency, long monthly, LocalDate end, long penalty) {
        return new Subscription(agency, "Telkom", "Astinet", ConnectionKind.DEDICATED, BitRate.ofMbps(20), BitRate.ofMbps(20),
                Rupiah.of(monthly), Rupiah.ZERO, LocalDate.of(2024, 1, 1), end, Rupiah.of(penalty));
    }

    static Offer offer(String provider, String product, long downMbps, long upMbps, long monthly, long install) {
        return new Offer(provider, product, ConnectionKind.DEDICATED, BitRate.ofMbps(downMbps), BitRate.ofMbps(upMbps),
                Rupiah.of(monthly), Rupiah.of(install), 12, null);
    }

    static Link link(String agency, long monthly, long install, Long capMbps) {
        return new Link(agency, LinkType.FIBER, Rupiah.of(monthly), Rupiah.of(install), capMbps == null ? null : BitRate.ofMbps(capMbps));
    }

    static UsageSeries series(String agency, long[] down, long[] up) {
        return new UsageSeries(agency, START, 300, down, up);
    }

    static Settings settings(Redundancy r, PlanScope scope, LocalDate start) {
        Settings d = Settings.DEFAULTS;
        return new Settings(d.quantile(), d.growth(), d.targetUtilization(), r, d.survivableFraction(), d.horizonYears(),
                d.reserve(), scope, start, null, null, d.cutoversPerWeek(), d.migrateWindows(), List.of(), Map.of());
    }

    /**
     * n agencies A0.. of normal priority, each 10 Mbps flat down / 4 Mbps up for 100 steps, paying
     * Rp 5 juta a month, no links file, dual redundancy, scope optimize, starting 2026-01-01.
     */
    static Dataset flat(int n, List<Offer> offers) {
        List<Agency> agencies = new java.util.ArrayList<>();
        List<Subscription> subs = new java.util.ArrayList<>();
        Map<String, UsageSeries> usage = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String code = "A" + i;
            agencies.add(agency(code, Priority.NORMAL));
            subs.add(sub(code, 5_000_000, null, 0));
            long[] d = new long[100];
            long[] u = new long[100];
            java.util.Arrays.fill(d, 10_000_000);
            java.util.Arrays.fill(u, 4_000_000);
            usage.put(code, series(code, d, u));
        }
        return dataset(agencies, subs, offers, null, usage, settings(Redundancy.DUAL, PlanScope.OPTIMIZE, LocalDate.of(2026, 1, 1)));
    }

    static Dataset dataset(List<Agency> agencies, List<Subscription> subs, List<Offer> offers, List<Link> links,
                           Map<String, UsageSeries> usage, Settings settings) {
        return new Dataset(agencies, subs, offers, links, List.of(), usage, settings);
    }
}
