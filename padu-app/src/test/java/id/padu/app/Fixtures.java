package id.padu.app;

import id.padu.domain.Agency;
import id.padu.domain.AgencyKind;
import id.padu.domain.BitRate;
import id.padu.domain.ConnectionKind;
import id.padu.domain.Dataset;
import id.padu.domain.IpPrefix;
import id.padu.domain.Link;
import id.padu.domain.LinkType;
import id.padu.domain.Offer;
import id.padu.domain.OnlineService;
import id.padu.domain.PlanScope;
import id.padu.domain.Priority;
import id.padu.domain.Redundancy;
import id.padu.domain.Rupiah;
import id.padu.domain.Settings;
import id.padu.domain.Subscription;
import id.padu.domain.UsageSeries;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small dataset with every kind of row, usage over two UTC days with gaps. */
public final class Fixtures {

    /** 2025-03-03 00:00 WIB. */
    public static final long USAGE_START = OffsetDateTime.parse("2025-03-03T00:00:00+07:00").toEpochSecond();
    public static final int STEP = 300;
    public static final int SAMPLES = 2 * 288;

    private Fixtures() {
    }

    /**
     * A plan for {@link #small()}: 100/50 Mbps of uplinks; DISKOMINFO and RSUD central with 30 and
     * 40 Mbps guaranteed down, KEC-BAAMANG local. What the plan of record and review tests adopt.
     */
    public static id.padu.plan.Plan smallPlan() {
        long m = 1_000_000;
        return new id.padu.plan.Plan(500_000_000L, 300_000_000L, 200_000_000L, 10_000_000L, 0.6, 80 * m, 40 * m, true, 0,
                List.of(new id.padu.plan.Uplink("Telkom", "Astinet 100", 100, 50, 25_000_000L, 0)),
                List.of(new id.padu.plan.AgencyDecision("DISKOMINFO", id.padu.plan.Decision.CENTRAL, 30 * m, 100 * m, 10 * m,
                                50 * m, LocalDate.of(2027, 2, 8), "bergabung"),
                        new id.padu.plan.AgencyDecision("RSUD", id.padu.plan.Decision.CENTRAL, 40 * m, 100 * m, 20 * m, 50 * m,
                                LocalDate.of(2027, 2, 9), "bergabung"),
                        new id.padu.plan.AgencyDecision("KEC-BAAMANG", id.padu.plan.Decision.LOCAL, 0, 0, 0, 0, null,
                                "tetap lokal")));
    }

    public static Dataset small() {
        List<Agency> agencies = List.of(
                new Agency("DISKOMINFO", "Dinas Komunikasi dan Informatika", AgencyKind.DINAS, Priority.HIGH,
                        List.of(IpPrefix.parse("10.20.1.0/24").orElseThrow(), IpPrefix.parse("2001:db8:1::/48").orElseThrow())),
                new Agency("RSUD", "RSUD dr. Murjani", AgencyKind.RSUD, Priority.CRITICAL, List.of()),
                new Agency("KEC-BAAMANG", "Kecamatan Baamang", AgencyKind.KECAMATAN, Priority.NORMAL, List.of()));
        List<Subscription> subs = List.of(
                new Subscription("DISKOMINFO", "Telkom", "Astinet 50", ConnectionKind.DEDICATED, BitRate.ofMbps(50),
                        BitRate.ofMbps(50), Rupiah.of(12_500_000), Rupiah.of(2_000_000), LocalDate.of(2024, 1, 1),
                        LocalDate.of(2026, 12, 31), Rupiah.of(5_000_000)),
                new Subscription("RSUD", "Telkom", "IndiHome 100", ConnectionKind.BROADBAND, BitRate.ofMbps(100),
                        BitRate.ofMbps(20), Rupiah.of(920_000), null, null, null, null),
                new Subscription("RSUD", "Iconnet", "Iconnet 100", ConnectionKind.BROADBAND,
                        BitRate.ofMbps(new java.math.BigDecimal("100.5")), BitRate.ofMbps(100), Rupiah.of(427_000), null,
                        LocalDate.of(2025, 2, 1), null, null));
        List<Offer> offers = List.of(
                new Offer("Telkom", "Metro-E 500", ConnectionKind.DEDICATED, BitRate.ofMbps(500), null,
                        Rupiah.of(45_000_000), Rupiah.of(10_000_000), 24, 99.5),
                new Offer("Lintasarta", "IP Transit 300", ConnectionKind.DEDICATED, BitRate.ofMbps(300), BitRate.ofMbps(300),
                        Rupiah.of(30_000_000), null, 12, null));
        List<Link> links = List.of(
                new Link("DISKOMINFO", LinkType.EXISTING, Rupiah.ZERO, Rupiah.ZERO, null),
                new Link("RSUD", LinkType.FIBER, Rupiah.of(1_500_000), Rupiah.of(25_000_000), BitRate.ofMbps(1000)));
        List<OnlineService> services = List.of(
                new OnlineService("RSUD", "SIMRS", Priority.CRITICAL, "simrs.example.go.id", "203.0.113.10"),
                new OnlineService("DISKOMINFO", "Website", Priority.NORMAL, null, null));
        Settings settings = new Settings(0.9, 0.25, 0.8, Redundancy.SINGLE, 0.6, 3, 0.1, PlanScope.ALL,
                LocalDate.of(2025, 7, 1), null, null, 3, "SAT 07:00-13:00;SUN 07:00-13:00",
                List.of(new Settings.DateRange(LocalDate.of(2025, 12, 15), LocalDate.of(2026, 1, 5))),
                // raw: keys this format version does not know, kept as written
                Map.of("padu.note", "ilustrasi"));
        Map<String, UsageSeries> usage = new LinkedHashMap<>();
        usage.put("DISKOMINFO", series("DISKOMINFO", USAGE_START, SAMPLES, 7));
        usage.put("RSUD", series("RSUD", USAGE_START, SAMPLES, 11));
        return new Dataset(agencies, subs, offers, links, services, usage, settings);
    }

    /** A deterministic series with a few missing steps, including one at a day boundary. */
    public static UsageSeries series(String agency, long start, int n, int seed) {
        long[] down = new long[n];
        long[] up = new long[n];
        for (int i = 0; i < n; i++) {
            down[i] = 1_000_000L * ((i * seed) % 97) + i;
            up[i] = 250_000L * ((i * seed) % 31) + seed;
        }
        for (int i : new int[] {5, 6, 7, 288 - 84, n - 1}) {
            if (i < n) {
                down[i] = UsageSeries.MISSING;
                up[i] = UsageSeries.MISSING;
            }
        }
        return new UsageSeries(agency, start, STEP, down, up);
    }

    /** Same content; usage compared on the stored span (trailing missing steps are not kept). */
    public static void assertSameDataset(Dataset actual, Dataset expected) {
        org.assertj.core.api.Assertions.assertThat(actual.agencies()).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyInAnyOrderElementsOf(expected.agencies());
        org.assertj.core.api.Assertions.assertThat(actual.subscriptions()).containsExactlyInAnyOrderElementsOf(expected.subscriptions());
        org.assertj.core.api.Assertions.assertThat(actual.offers()).containsExactlyInAnyOrderElementsOf(expected.offers());
        org.assertj.core.api.Assertions.assertThat(actual.hasLinksFile()).isEqualTo(expected.hasLinksFile());
        if (expected.hasLinksFile()) {
            org.assertj.core.api.Assertions.assertThat(actual.links()).containsExactlyInAnyOrderElementsOf(expected.links());
        }
        org.assertj.core.api.Assertions.assertThat(actual.services()).containsExactlyInAnyOrderElementsOf(expected.services());
        Settings a = actual.settings();
        Settings e = expected.settings();
        org.assertj.core.api.Assertions.assertThat(a).usingRecursiveComparison().isEqualTo(e);
        org.assertj.core.api.Assertions.assertThat(actual.usage().keySet()).containsExactlyInAnyOrderElementsOf(expected.usage().keySet());
        expected.usage().forEach((code, series) -> {
            UsageSeries got = actual.usage().get(code);
            // Trailing missing steps are not stored: compare on the stored span.
            org.assertj.core.api.Assertions.assertThat(got.startEpochSecond()).isEqualTo(series.startEpochSecond());
            org.assertj.core.api.Assertions.assertThat(got.stepSeconds()).isEqualTo(series.stepSeconds());
            long[] down = Arrays.copyOf(got.downBps(), series.size());
            long[] up = Arrays.copyOf(got.upBps(), series.size());
            for (int i = got.size(); i < series.size(); i++) {
                down[i] = UsageSeries.MISSING;
                up[i] = UsageSeries.MISSING;
            }
            org.assertj.core.api.Assertions.assertThat(down).as("down of " + code).isEqualTo(series.downBps());
            org.assertj.core.api.Assertions.assertThat(up).as("up of " + code).isEqualTo(series.upBps());
        });
    }
}
