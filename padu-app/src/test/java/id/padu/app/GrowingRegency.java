package id.padu.app;

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
import id.padu.domain.Wib;
import id.padu.plan.AgencyDecision;
import id.padu.plan.Decision;
import id.padu.plan.Plan;
import id.padu.plan.Uplink;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small regency whose figures a person can work out by hand (docs/forecast-budget.md uses them):
 * PUSAT-A and PUSAT-B go central, LOKAL-C stays local. Usage is hourly from January to June 2026;
 * the central aggregate is 31 Mbps in January and grows exactly 5 % a month (up 30 % of down), so
 * its requirement 31 x 1.05^m / 0.8 Mbps first exceeds the plan's 100 Mbps uplink at m = 20,
 * September 2027 (97.9 Mbps at m = 19, 102.8 Mbps at m = 20). LOKAL-C uses 500 Mbps, which the
 * central aggregate must not count. PUSAT-A cut over on 2026-08-01, PUSAT-B cuts over on
 * 2027-05-10 (month 5 of 2027).
 */
public final class GrowingRegency {

    public static final double GROWTH_PER_MONTH = 1.05;
    public static final YearMonth FIRST = YearMonth.of(2026, 1);
    public static final int MONTHS = 6;
    public static final int STEP = 3600;

    private GrowingRegency() {
    }

    public static Dataset dataset() {
        List<Agency> agencies = List.of(
                new Agency("PUSAT-A", "Dinas Pusat A", AgencyKind.DINAS, Priority.HIGH, List.of()),
                new Agency("PUSAT-B", "Badan Pusat B", AgencyKind.BADAN, Priority.NORMAL, List.of()),
                new Agency("LOKAL-C", "Kecamatan Lokal C", AgencyKind.KECAMATAN, Priority.NORMAL, List.of()));
        List<Subscription> subs = List.of(
                sub("PUSAT-A", "Telkom Indonesia", "Astinet 30 Mbps", ConnectionKind.DEDICATED, 30, 6_000_000),
                sub("PUSAT-B", "Telkom Indonesia", "Astinet 20 Mbps", ConnectionKind.DEDICATED, 20, 4_500_000),
                sub("PUSAT-B", "Telkom Indonesia", "IndiHome 50 Mbps", ConnectionKind.BROADBAND, 50, 560_000),
                sub("LOKAL-C", "Lintasarta", "Fiber Dedicated Internet 10 Mbps", ConnectionKind.DEDICATED, 10, 2_500_000));
        List<Offer> offers = List.of(
                offer("Telkom Indonesia", "Astinet 100 Mbps", 100, 20_000_000, 2_000_000),
                offer("Telkom Indonesia", "Astinet 200 Mbps", 200, 36_000_000, 2_000_000),
                offer("ICON+", "Internet Dedicated 200 Mbps", 200, 33_000_000, 3_000_000));
        List<Link> links = List.of(
                new Link("PUSAT-A", LinkType.FIBER, Rupiah.of(1_000_000), Rupiah.of(5_000_000), BitRate.ofMbps(1000)),
                new Link("PUSAT-B", LinkType.RADIO, Rupiah.of(750_000), Rupiah.of(12_000_000), BitRate.ofMbps(300)));
        Map<String, UsageSeries> usage = new LinkedHashMap<>();
        usage.put("PUSAT-A", growing("PUSAT-A", 18));
        usage.put("PUSAT-B", growing("PUSAT-B", 13));
        usage.put("LOKAL-C", constant("LOKAL-C", 500));
        Settings d = Settings.DEFAULTS;
        Settings settings = new Settings(d.quantile(), d.growth(), d.targetUtilization(), Redundancy.SINGLE,
                d.survivableFraction(), d.horizonYears(), d.reserve(), PlanScope.OPTIMIZE, LocalDate.of(2026, 7, 1), null,
                null, d.cutoversPerWeek(), d.migrateWindows(), List.of(),
                Map.of("budget.account_code.central", "5.1.02.02.01.0063", "budget.account_code.link", "5.1.02.02.01.0064",
                        "budget.account_code.agency", "5.1.02.02.01.0063"));
        return new Dataset(agencies, subs, offers, links, List.of(), usage, settings);
    }

    /** The plan: one 100/100 Mbps Telkom uplink, PUSAT-A and PUSAT-B central, LOKAL-C local. */
    public static Plan plan() {
        long m = 1_000_000;
        return new Plan(162_720_000L, 0, 0, 0, null, 0, 0, true, 0,
                List.of(new Uplink("Telkom Indonesia", "Astinet 100 Mbps", 100, 100, 20_000_000L, 2_000_000L)),
                List.of(new AgencyDecision("PUSAT-A", Decision.CENTRAL, 40 * m, 100 * m, 12 * m, 100 * m,
                                LocalDate.of(2026, 8, 1), "bergabung"),
                        new AgencyDecision("PUSAT-B", Decision.CENTRAL, 30 * m, 100 * m, 9 * m, 100 * m,
                                LocalDate.of(2027, 5, 10), "bergabung"),
                        new AgencyDecision("LOKAL-C", Decision.LOCAL, 0, 0, 0, 0, null, "tetap lokal")));
    }

    private static Subscription sub(String agency, String provider, String product, ConnectionKind kind, long mbps,
                                    long monthly) {
        return new Subscription(agency, provider, product, kind, BitRate.ofMbps(mbps), BitRate.ofMbps(mbps),
                Rupiah.of(monthly), Rupiah.ZERO, LocalDate.of(2025, 1, 1), null, Rupiah.ZERO);
    }

    private static Offer offer(String provider, String product, long mbps, long monthly, long install) {
        return new Offer(provider, product, ConnectionKind.DEDICATED, BitRate.ofMbps(mbps), BitRate.ofMbps(mbps),
                Rupiah.of(monthly), Rupiah.of(install), 12, 99.5);
    }

    private static long start() {
        return FIRST.atDay(1).atStartOfDay(Wib.ZONE).toEpochSecond();
    }

    private static int length() {
        return (int) ((FIRST.plusMonths(MONTHS).atDay(1).atStartOfDay(Wib.ZONE).toEpochSecond() - start()) / STEP);
    }

    /** Constant within each month, {@code mbps} x 1.05^m in month m. */
    private static UsageSeries growing(String agency, double mbps) {
        int n = length();
        long[] down = new long[n];
        long[] up = new long[n];
        for (int i = 0; i < n; i++) {
            long t = start() + (long) i * STEP;
            YearMonth ym = YearMonth.from(java.time.Instant.ofEpochSecond(t).atZone(Wib.ZONE));
            long month = FIRST.until(ym, java.time.temporal.ChronoUnit.MONTHS);
            double v = mbps * 1e6 * Math.pow(GROWTH_PER_MONTH, month);
            down[i] = Math.round(v);
            up[i] = Math.round(0.3 * v);
        }
        return new UsageSeries(agency, start(), STEP, down, up);
    }

    private static UsageSeries constant(String agency, long mbps) {
        int n = length();
        long[] down = new long[n];
        long[] up = new long[n];
        java.util.Arrays.fill(down, mbps * 1_000_000);
        java.util.Arrays.fill(up, mbps * 300_000);
        return new UsageSeries(agency, start(), STEP, down, up);
    }
}
