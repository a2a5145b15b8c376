package id.padu.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The proposal on a regency small enough to compute by hand (the same figures as the app's
 * GrowingRegency and docs/forecast-budget.md): 2027, PUSAT-B cuts over in May, the forecast
 * crosses the 100 Mbps uplink in September.
 */
class BudgetProposalTest {

    static final Locale ID = Locale.forLanguageTag("id");

    static Dataset dataset(Map<String, String> raw) {
        return dataset(raw, null);
    }

    static Dataset dataset(Map<String, String> raw, LocalDate uplinkReady) {
        List<Agency> agencies = List.of(agency("PUSAT-A"), agency("PUSAT-B"), agency("LOKAL-C"));
        List<Subscription> subs = List.of(sub("PUSAT-A", 30, 6_000_000), sub("PUSAT-B", 20, 4_500_000),
                sub("PUSAT-B", 50, 560_000), sub("LOKAL-C", 10, 2_500_000));
        List<Offer> offers = List.of(offer("Telkom Indonesia", "Astinet 100 Mbps", 100, 20_000_000, 2_000_000),
                offer("Telkom Indonesia", "Astinet 200 Mbps", 200, 36_000_000, 2_000_000),
                offer("ICON+", "Internet Dedicated 200 Mbps", 200, 33_000_000, 3_000_000));
        List<Link> links = List.of(
                new Link("PUSAT-A", LinkType.FIBER, Rupiah.of(1_000_000), Rupiah.of(5_000_000), null),
                new Link("PUSAT-B", LinkType.RADIO, Rupiah.of(750_000), Rupiah.of(12_000_000), null));
        Map<String, UsageSeries> usage = new LinkedHashMap<>();
        usage.put("PUSAT-A", growing("PUSAT-A", 18));
        usage.put("PUSAT-B", growing("PUSAT-B", 13));
        usage.put("LOKAL-C", growing("LOKAL-C", 500));
        Settings d = Settings.DEFAULTS;
        Settings s = new Settings(d.quantile(), d.growth(), d.targetUtilization(), Redundancy.SINGLE, d.survivableFraction(),
                d.horizonYears(), d.reserve(), PlanScope.OPTIMIZE, LocalDate.of(2026, 7, 1), null, uplinkReady, d.cutoversPerWeek(),
                d.migrateWindows(), List.of(), raw);
        return new Dataset(agencies, subs, offers, links, List.of(), usage, s);
    }

    static Plan plan(List<Uplink> uplinks) {
        return new Plan(0, 0, 0, 0, null, 0, 0, true, 0, uplinks, List.of(
                new AgencyDecision("PUSAT-A", Decision.CENTRAL, 1, 1, 1, 1, LocalDate.of(2026, 8, 1), null),
                new AgencyDecision("PUSAT-B", Decision.CENTRAL, 1, 1, 1, 1, LocalDate.of(2027, 5, 10), null),
                new AgencyDecision("LOKAL-C", Decision.LOCAL, 0, 0, 0, 0, null, null)));
    }

    static final Uplink ASTINET_100 = new Uplink("Telkom Indonesia", "Astinet 100 Mbps", 100, 100, 20_000_000, 2_000_000);

    @Test
    void aYearWithACutoverInMayAndAnUpgradeFromSeptember() throws BudgetException {
        Budget b = BudgetProposal.propose(dataset(Map.of("budget.account_code.central", "5.1.02.02.01.0063",
                "budget.account_code.link", "5.1.02.02.01.0064")), plan(List.of(ASTINET_100)), 2027, ID);

        assertThat(b.forecast().crossing().month()).isEqualTo(YearMonth.of(2027, 9));
        assertThat(b.centralLines()).extracting(Budget.CentralLine::kind, Budget.CentralLine::item, Budget.CentralLine::provider,
                        Budget.CentralLine::agency, Budget.CentralLine::fromMonth, Budget.CentralLine::months,
                        Budget.CentralLine::monthlyIdr, Budget.CentralLine::oneOffIdr, Budget.CentralLine::annualIdr,
                        Budget.CentralLine::accountCode)
                .containsExactly(
                        // the plan's uplink January to August, bought (and installed) in 2026
                        org.assertj.core.groups.Tuple.tuple(Budget.Kind.UPLINK, "Astinet 100 Mbps", "Telkom Indonesia", null, 1, 8,
                                20_000_000L, 0L, 160_000_000L, "5.1.02.02.01.0063"),
                        // the cheapest choice for September's 102.8 Mbps, September to December with its installation
                        org.assertj.core.groups.Tuple.tuple(Budget.Kind.UPGRADE, "Peningkatan kapasitas: Internet Dedicated 200 Mbps",
                                "ICON+", null, 9, 4, 33_000_000L, 3_000_000L, 135_000_000L, "5.1.02.02.01.0063"),
                        // PUSAT-A cut over in 2026: its link all year
                        org.assertj.core.groups.Tuple.tuple(Budget.Kind.LINK, "Tautan radio ke hub: PUSAT-B".replace("radio", "fiber")
                                .replace("PUSAT-B", "PUSAT-A"), null, "PUSAT-A", 1, 12, 1_000_000L, 0L, 12_000_000L,
                                "5.1.02.02.01.0064"),
                        // PUSAT-B from its cutover month, May, with the link's installation
                        org.assertj.core.groups.Tuple.tuple(Budget.Kind.LINK, "Tautan radio ke hub: PUSAT-B", null, "PUSAT-B", 5, 8,
                                750_000L, 12_000_000L, 18_000_000L, "5.1.02.02.01.0064"));
        assertThat(b.agencies()).extracting(Budget.AgencyLine::code, Budget.AgencyLine::monthsPaid, Budget.AgencyLine::budgetIdr,
                        Budget.AgencyLine::noLongerNeededIdr, Budget.AgencyLine::accountCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("LOKAL-C", 12, 30_000_000L, 0L, ""),
                        org.assertj.core.groups.Tuple.tuple("PUSAT-A", 0, 0L, 72_000_000L, ""),
                        // 5 x 5,060,000 until May, 7 x 5,060,000 the plan ends
                        org.assertj.core.groups.Tuple.tuple("PUSAT-B", 5, 25_300_000L, 35_420_000L, ""));
        assertThat(b.centralTotalIdr()).isEqualTo(325_000_000L);
        assertThat(b.agenciesTotalIdr()).isEqualTo(55_300_000L);
        assertThat(b.totalIdr()).isEqualTo(380_300_000L);
        assertThat(b.statusQuoIdr()).isEqualTo(162_720_000L);

        assertThat(b.narrative()).contains("Pada tahun anggaran 2027 Diskominfo mengusulkan belanja internet terpusat sebesar Rp 325.000.000")
                .contains("Telkom Indonesia Astinet 100 Mbps (Januari–Agustus)")
                .contains("ICON+ Internet Dedicated 200 Mbps (September–Desember)")
                .contains("mulai September 2027 kebutuhan mencapai 102.82 Mbps, melebihi kapasitas 100 Mbps")
                .contains("tumbuh sekitar 79,6 % per tahun (tren log-linear atas 6 bulan terukur)")
                .contains("Pada tahun 2027 pindah ke jaringan terpusat: PUSAT-B (Mei)")
                .contains("1 perangkat daerah tetap berlangganan sendiri (LOKAL-C), sebesar Rp 30.000.000 setahun.")
                .contains("lebih besar Rp 217.580.000")
                .contains("menurunkan pagu belanja internet dalam DPA-nya sebesar Rp 107.420.000");
    }

    @Test
    void theYearAfterTheUpgradeIsPaidInFullAndTheYearBeforeHasNone() throws BudgetException {
        Budget next = BudgetProposal.propose(dataset(Map.of()), plan(List.of(ASTINET_100)), 2028, Locale.ENGLISH);
        assertThat(next.centralLines()).extracting(Budget.CentralLine::item, Budget.CentralLine::months, Budget.CentralLine::annualIdr)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Capacity upgrade: Internet Dedicated 200 Mbps", 12, 399_000_000L),
                        org.assertj.core.groups.Tuple.tuple("Link (fiber) to the hub: PUSAT-A", 12, 12_000_000L),
                        org.assertj.core.groups.Tuple.tuple("Link (radio) to the hub: PUSAT-B", 12, 9_000_000L));
        assertThat(next.agencies().get(2).budgetIdr()).isZero();
        assertThat(next.agencies().get(2).noLongerNeededIdr()).isEqualTo(12 * 5_060_000L);

        Budget before = BudgetProposal.propose(dataset(Map.of()), plan(List.of(ASTINET_100)), 2026, ID);
        assertThat(before.upgradeLines()).isEmpty();
        // the uplink from August 2026 (the first cutover) with its installation; PUSAT-B pays all year
        assertThat(before.centralLines().get(0).fromMonth()).isEqualTo(8);
        assertThat(before.centralLines().get(0).annualIdr()).isEqualTo(5 * 20_000_000L + 2_000_000L);
        assertThat(before.agencies().get(1).monthsPaid()).isEqualTo(8);
        assertThat(before.agencies().get(2).monthsPaid()).isEqualTo(12);
        assertThat(before.narrative()).contains("kapasitas rencana mencukupi sepanjang tahun 2026 (sampai Agustus 2027)");
    }

    /**
     * Uplinks ready on 1 August 2027, a month before the crossing: the plan's Astinet 100 for August
     * alone would cost 20,000,000 + 15,000,000 installation, then ICON+ 200 from September
     * 4 x 33,000,000 + 3,000,000, together 170,000,000; ICON+ 200 from August costs
     * 5 x 33,000,000 + 3,000,000 = 168,000,000, so the proposal buys it from the start.
     */
    @Test
    void anUpgradeSoonAfterTheUplinksStartIsBoughtFromTheStartWhenThatCostsLess() throws BudgetException {
        Uplink dearInstall = new Uplink("Telkom Indonesia", "Astinet 100 Mbps", 100, 100, 20_000_000, 15_000_000);
        Budget b = BudgetProposal.propose(dataset(Map.of(), LocalDate.of(2027, 8, 1)), plan(List.of(dearInstall)), 2027, ID);
        assertThat(b.centralLines()).filteredOn(l -> l.kind() != Budget.Kind.LINK)
                .extracting(Budget.CentralLine::kind, Budget.CentralLine::fromMonth, Budget.CentralLine::months, Budget.CentralLine::annualIdr)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Budget.Kind.UPGRADE, 8, 5, 168_000_000L));
        assertThat(b.narrative()).contains("karena uplink rencana baru dibeli tahun ini").contains("pada bulan Agustus");

        // with the plan's own installation cost (2,000,000) the two steps cost less: 22,000,000 + 135,000,000
        Budget cheap = BudgetProposal.propose(dataset(Map.of(), LocalDate.of(2027, 8, 1)), plan(List.of(ASTINET_100)), 2027, ID);
        assertThat(cheap.centralLines()).filteredOn(l -> l.kind() != Budget.Kind.LINK)
                .extracting(Budget.CentralLine::kind, Budget.CentralLine::fromMonth, Budget.CentralLine::annualIdr)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Budget.Kind.UPLINK, 8, 22_000_000L),
                        org.assertj.core.groups.Tuple.tuple(Budget.Kind.UPGRADE, 9, 135_000_000L));
    }

    @Test
    void everyTotalIsTheSumOfItsLines() throws BudgetException {
        for (int year = 2026; year <= 2029; year++) {
            Budget b = BudgetProposal.propose(dataset(Map.of()), plan(List.of(ASTINET_100)), year, ID);
            assertThat(b.centralTotalIdr()).isEqualTo(b.centralLines().stream().mapToLong(Budget.CentralLine::annualIdr).sum());
            assertThat(b.agenciesTotalIdr()).isEqualTo(b.agencies().stream().mapToLong(Budget.AgencyLine::budgetIdr).sum());
            assertThat(b.totalIdr()).isEqualTo(b.centralTotalIdr() + b.agenciesTotalIdr());
            for (Budget.CentralLine l : b.centralLines()) {
                assertThat(l.annualIdr()).isEqualTo(l.months() * l.monthlyIdr() + l.oneOffIdr());
            }
            for (Budget.AgencyLine a : b.agencies()) {
                assertThat(a.budgetIdr() + a.noLongerNeededIdr()).isEqualTo(12 * a.monthlyIdr());
            }
        }
    }

    @Test
    void withoutAForecastTheProposalSaysWhyAndBuysNoUpgrade() throws BudgetException {
        Dataset full = dataset(Map.of());
        Map<String, UsageSeries> two = new LinkedHashMap<>();
        full.usage().forEach((k, s) -> two.put(k, new UsageSeries(k, s.startEpochSecond(), s.stepSeconds(),
                java.util.Arrays.copyOf(s.downBps(), 59 * 24), java.util.Arrays.copyOf(s.upBps(), 59 * 24))));
        Dataset ds = new Dataset(full.agencies(), full.subscriptions(), full.offers(), full.links(), full.services(), two,
                full.settings());
        Budget b = BudgetProposal.propose(ds, plan(List.of(ASTINET_100)), 2027, ID);
        assertThat(b.forecast()).isNull();
        assertThat(b.upgradeLines()).isEmpty();
        assertThat(b.centralLines().get(0).months()).isEqualTo(12);
        assertThat(b.narrative()).contains("Ramalan kebutuhan belum dapat dibuat (hanya 2 bulan terukur");
    }

    @Test
    void aPlanNamingAnUnknownAgencyIsRefused() {
        Plan p = new Plan(0, 0, 0, 0, null, 0, 0, true, 0, List.of(ASTINET_100),
                List.of(new AgencyDecision("PUSAT-X", Decision.CENTRAL, 1, 1, 1, 1, null, null)));
        assertThatThrownBy(() -> BudgetProposal.propose(dataset(Map.of()), p, 2027, Locale.ENGLISH))
                .isInstanceOfSatisfying(BudgetException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("the plan names agency PUSAT-X, which is not in the dataset"));
    }

    private static Agency agency(String code) {
        return new Agency(code, "Dinas " + code, AgencyKind.DINAS, Priority.NORMAL, List.of());
    }

    private static Subscription sub(String agency, long mbps, long monthly) {
        return new Subscription(agency, "Telkom Indonesia", "Astinet " + mbps + " Mbps", ConnectionKind.DEDICATED,
                BitRate.ofMbps(mbps), BitRate.ofMbps(mbps), Rupiah.of(monthly), Rupiah.ZERO, LocalDate.of(2025, 1, 1), null,
                Rupiah.ZERO);
    }

    private static Offer offer(String provider, String product, long mbps, long monthly, long install) {
        return new Offer(provider, product, ConnectionKind.DEDICATED, BitRate.ofMbps(mbps), BitRate.ofMbps(mbps),
                Rupiah.of(monthly), Rupiah.of(install), 12, 99.5);
    }

    /** Hourly, January to June 2026 (WIB), constant in each month: mbps x 1.05^m, up 30 %. */
    private static UsageSeries growing(String agency, double mbps) {
        YearMonth first = YearMonth.of(2026, 1);
        long start = first.atDay(1).atStartOfDay(Wib.ZONE).toEpochSecond();
        int n = (int) ((first.plusMonths(6).atDay(1).atStartOfDay(Wib.ZONE).toEpochSecond() - start) / 3600);
        long[] down = new long[n];
        long[] up = new long[n];
        for (int i = 0; i < n; i++) {
            YearMonth ym = YearMonth.from(java.time.Instant.ofEpochSecond(start + 3600L * i).atZone(Wib.ZONE));
            double v = mbps * 1e6 * Math.pow(agency.startsWith("LOKAL") ? 1 : 1.05, first.until(ym, java.time.temporal.ChronoUnit.MONTHS));
            down[i] = Math.round(v);
            up[i] = Math.round(0.3 * v);
        }
        return new UsageSeries(agency, start, 3600, down, up);
    }
}
