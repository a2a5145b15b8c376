package id.padu.demo;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.analysis.AgencyAnalysis;
import id.padu.analysis.SpendAnalysis;
import id.padu.analysis.SpendReport;
import id.padu.domain.Agency;
import id.padu.domain.AgencyKind;
import id.padu.domain.ConnectionKind;
import id.padu.domain.Dataset;
import id.padu.domain.Offer;
import id.padu.domain.Priority;
import id.padu.domain.Subscription;
import id.padu.domain.UsageSeries;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The facts the demo must show a planner, checked on the generated data. */
class KotimDemoTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final ZoneOffset WIB = ZoneOffset.ofHours(7);
    private static Dataset demo;
    private static SpendReport report;

    @BeforeAll
    static void generate() {
        demo = KotimDemo.dataset(TODAY);
        report = SpendAnalysis.analyze(demo, TODAY);
    }

    @Test
    void hasTheRegencysAgencies() {
        Map<AgencyKind, Long> kinds = demo.agencies().stream().collect(Collectors.groupingBy(Agency::kind, Collectors.counting()));
        assertThat(kinds.get(AgencyKind.KECAMATAN)).isEqualTo(17);
        assertThat(kinds.get(AgencyKind.RSUD)).isEqualTo(3);
        long opd = demo.agencies().stream().filter(a -> a.kind() != AgencyKind.KECAMATAN)
                .filter(a -> !a.name().startsWith("RS Pratama")).count();
        assertThat(opd).isBetween(30L, 34L);
        assertThat(demo.agencies()).extracting(Agency::name)
                .contains("RSUD dr. Murjani Sampit", "Dinas Pendidikan", "Dinas Lingkungan Hidup",
                        "Badan Keuangan dan Aset Daerah", "Kecamatan Mentawa Baru Ketapang", "Kecamatan Tualan Hulu");
        assertThat(demo.agencies()).allSatisfy(a -> {
            assertThat(a.code()).matches(Agency.CODE_PATTERN);
            assertThat(a.prefixes()).isNotEmpty();
        });
        assertThat(demo.agencies().stream().filter(a -> a.prefixes().stream().anyMatch(p -> p.isIpv6()))).isNotEmpty();
        assertThat(demo.agency("RSUD-MURJANI").orElseThrow().priority()).isEqualTo(Priority.CRITICAL);
        assertThat(demo.agency("DISDUKCAPIL").orElseThrow().priority()).isEqualTo(Priority.CRITICAL);
        assertThat(demo.agency("BPBD").orElseThrow().priority()).isEqualTo(Priority.CRITICAL);
    }

    @Test
    void everyAgencySpendsBetweenThirtyAndFourHundredJutaAYearOnAMixOfLines() {
        assertThat(report.agencies()).allSatisfy(a -> assertThat(a.annualSpendIdr()).isBetween(30_000_000L, 400_000_000L));
        // several IndiHome lines at the public prices next to dedicated ones
        assertThat(demo.subscriptions()).filteredOn(s -> s.kind() == ConnectionKind.BROADBAND).hasSizeGreaterThan(20)
                .allSatisfy(s -> assertThat(s.monthlyCost().value()).isIn(330_000L, 560_000L, 920_000L));
        assertThat(demo.subscriptions()).filteredOn(s -> s.kind() == ConnectionKind.DEDICATED).allSatisfy(s -> {
            long perMbps = s.monthlyCost().value() / (s.down().bps() / 1_000_000L);
            assertThat(perMbps).isBetween(45_000L, 450_000L);
        });
        // the Rp 1.92 miliar scale of the regency's central purchase, or somewhat above it
        assertThat(report.aggregate().totalAnnualSpendIdr()).isBetween(1_900_000_000L, 4_500_000_000L);
    }

    @Test
    void typicalAgencyBuysTwentyAndUsesAboutTen() {
        // offices with exactly one dedicated 20 Mbps line: their Q95 is around 10 Mbps
        var twenty = report.agencies().stream().filter(a -> a.busyHourDown() != null && KotimDemo.SPECS.stream()
                .anyMatch(s -> s.code().equals(a.code()) && s.rhythm() == KotimDemo.Rhythm.OFFICE)).filter(a -> {
            var ded = demo.subscriptionsOf(a.code()).stream().filter(s -> s.kind() == ConnectionKind.DEDICATED).toList();
            return ded.size() == 1 && ded.get(0).down().bps() == 20_000_000L;
        }).toList();
        assertThat(twenty).hasSizeGreaterThan(8).allSatisfy(a -> assertThat(a.down().q()).isBetween(7_000_000L, 13_000_000L));
        double[] utilisation = report.agencies().stream().mapToDouble(AgencyAnalysis::utilizationDown).sorted().toArray();
        assertThat(utilisation[utilisation.length / 2]).isLessThan(0.5);
        assertThat(report.aggregate().totalIdleAnnualIdr()).isGreaterThan(report.aggregate().totalAnnualSpendIdr() / 3);
        // together they need less than the sum of their own Q95
        assertThat(report.aggregate().multiplexingGainDown()).isGreaterThan(1.1);
        assertThat(report.aggregate().multiplexingGainUp()).isGreaterThan(1.1);
        assertThat(report.aggregate().down().q()).isLessThan(report.aggregate().purchasedDownBps() / 2);
    }

    @Test
    void oneYearOfFiveMinuteUsageEndingYesterdayWithGaps() {
        long start = TODAY.minusDays(365).atStartOfDay(WIB).toEpochSecond();
        long end = TODAY.atStartOfDay(WIB).toEpochSecond();
        assertThat(demo.usage()).hasSize(demo.agencies().size());
        assertThat(demo.usage().values()).allSatisfy(u -> {
            assertThat(u.stepSeconds()).isEqualTo(300);
            assertThat(u.startEpochSecond()).isEqualTo(start);
            assertThat(u.end().getEpochSecond()).isEqualTo(end);
            assertThat(u.measuredCount()).isLessThan(u.size()).isGreaterThan(u.size() - 1000);
        });
        // download bigger than upload, never above what the agency bought
        for (AgencyAnalysis a : report.agencies()) {
            assertThat(a.down().q()).isGreaterThan(a.up().q());
            assertThat(a.down().max()).isLessThanOrEqualTo(a.purchasedDownBps());
        }
    }

    @Test
    void officesWorkWibOfficeHoursWithTheFridayPrayerBreakWhileHospitalsRunAroundTheClock() {
        AgencyAnalysis dlh = agency("DLH");
        assertThat(dlh.busyHourDown()).isBetween(8, 11);
        long[] weekday = dlh.hourly().weekdayDownBps();
        long[] weekend = dlh.hourly().weekendDownBps();
        assertThat(weekday[10]).isGreaterThan(5 * weekday[2]);
        assertThat(weekend[10]).isLessThan(weekday[10] / 4);
        // Friday 12:00-13:00 against Monday-Thursday at the same hour
        UsageSeries u = demo.usageOf("DLH").orElseThrow();
        assertThat(meanAt(u, DayOfWeek.FRIDAY, 12)).isLessThan(meanAt(u, DayOfWeek.TUESDAY, 12) * 0.6);
        AgencyAnalysis rsud = agency("RSUD-MURJANI");
        assertThat(rsud.hourly().weekdayDownBps()[2]).isGreaterThan(rsud.hourly().weekdayDownBps()[10] / 4);
        assertThat(rsud.hourly().weekendDownBps()[10]).isGreaterThan(rsud.hourly().weekdayDownBps()[10] / 3);
    }

    @Test
    void idulFitriWeekIsQuiet() {
        // Idul Fitri 2026 is 20 March: the Monday after (23 March) is a holiday, 13 April is not
        UsageSeries u = demo.usageOf("DISDIK").orElseThrow();
        assertThat(dayMean(u, LocalDate.of(2026, 3, 23))).isLessThan(dayMean(u, LocalDate.of(2026, 4, 13)) / 3);
    }

    @Test
    void contractsEndOverTheNextTwoYearsSomeWithPenalties() {
        var ends = demo.subscriptions().stream().map(Subscription::endDate).filter(d -> d != null).toList();
        assertThat(ends).allSatisfy(d -> assertThat(d).isAfter(TODAY).isBeforeOrEqualTo(TODAY.plusYears(2)));
        assertThat(demo.subscriptions()).allSatisfy(s -> assertThat(s.startDate()).isBefore(TODAY));
        assertThat(ends.stream().filter(d -> d.isAfter(TODAY.plusYears(1)))).isNotEmpty();
        assertThat(report.contractsEnding()).isNotEmpty();
        assertThat(demo.subscriptions().stream().filter(s -> s.exitPenalty().value() > 0)).hasSizeGreaterThan(5);
        assertThat(demo.subscriptions().stream().filter(s -> s.endDate() == null)).isNotEmpty();
    }

    @Test
    void catalogLinksServicesAndSettingsAreThere() {
        assertThat(demo.offers().stream().map(Offer::provider).distinct()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(demo.offers()).filteredOn(o -> o.kind() == ConnectionKind.DEDICATED).allSatisfy(o -> {
            long perMbps = o.monthlyCost().value() / (o.down().bps() / 1_000_000L);
            assertThat(perMbps).isBetween(45_000L, 450_000L);
        }).extracting(o -> o.down().bps()).contains(100_000_000L, 2_000_000_000L);
        assertThat(demo.hasLinksFile()).isTrue();
        assertThat(demo.linkOf("KEC-BUKIT-SANTUAI")).isEmpty();
        assertThat(demo.links()).anySatisfy(l -> assertThat(l.capacity()).isNotNull());
        assertThat(demo.services()).anySatisfy(s -> assertThat(s.hostname()).isEqualTo("simpeg.kotimkab.go.id"));
        assertThat(demo.settings().planStartDate()).isEqualTo(TODAY);
    }

    @Test
    void sameDateGivesTheSameDataset() {
        Dataset again = KotimDemo.dataset(TODAY);
        assertThat(again.subscriptions()).isEqualTo(demo.subscriptions());
        assertThat(again.links()).isEqualTo(demo.links());
        for (Agency a : demo.agencies()) {
            UsageSeries x = demo.usageOf(a.code()).orElseThrow();
            UsageSeries y = again.usageOf(a.code()).orElseThrow();
            assertThat(y.downBps()).isEqualTo(x.downBps());
            assertThat(y.upBps()).isEqualTo(x.upBps());
        }
    }

    private static AgencyAnalysis agency(String code) {
        return report.agencies().stream().filter(a -> a.code().equals(code)).findFirst().orElseThrow();
    }

    private static double meanAt(UsageSeries u, DayOfWeek day, int hour) {
        long sum = 0;
        int n = 0;
        for (int i = 0; i < u.size(); i++) {
            LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochSecond(u.timeOf(i)), WIB);
            if (t.getDayOfWeek() == day && t.getHour() == hour && u.downBps()[i] >= 0) {
                sum += u.downBps()[i];
                n++;
            }
        }
        return sum / (double) n;
    }

    private static double dayMean(UsageSeries u, LocalDate day) {
        long from = day.atStartOfDay(WIB).toEpochSecond();
        int first = (int) ((from - u.startEpochSecond()) / u.stepSeconds());
        long sum = 0;
        int n = 0;
        for (int i = first; i < first + 288; i++) {
            if (u.downBps()[i] >= 0) {
                sum += u.downBps()[i];
                n++;
            }
        }
        return sum / (double) n;
    }
}
