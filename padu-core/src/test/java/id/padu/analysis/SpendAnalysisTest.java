package id.padu.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every expected figure below is worked out by hand in the comment next to it. */
class SpendAnalysisTest {

    private static final LocalDate REF = LocalDate.of(2025, 1, 1);
    /** Monday 3 March 2025, 00:00 WIB = Sunday 2 March 17:00 UTC. */
    private static final long MONDAY_MIDNIGHT_WIB = OffsetDateTime.parse("2025-03-03T00:00:00+07:00").toEpochSecond();
    private static final long MBPS = 1_000_000L;

    private static Agency agency(String code) {
        return new Agency(code, "Dinas " + code, AgencyKind.DINAS, Priority.NORMAL, List.of());
    }

    private static Subscription sub(String agency, String product, ConnectionKind kind, long downMbps, long upMbps,
                                    long monthly, LocalDate end, long penalty) {
        return new Subscription(agency, "Telkom", product, kind, BitRate.ofMbps(downMbps), BitRate.ofMbps(upMbps),
                Rupiah.of(monthly), null, null, end, Rupiah.of(penalty));
    }

    private static UsageSeries series(String agency, long start, int step, long[] down, long[] up) {
        return new UsageSeries(agency, start, step, down, up);
    }

    private static long[] mbps(long... values) {
        return Arrays.stream(values).map(v -> v < 0 ? UsageSeries.MISSING : v * MBPS).toArray();
    }

    private static Dataset dataset(List<Agency> agencies, List<Subscription> subs, UsageSeries... usage) {
        Map<String, UsageSeries> map = new LinkedHashMap<>();
        for (UsageSeries s : usage) {
            map.put(s.agency(), s);
        }
        return new Dataset(agencies, subs, null, null, null, map, null);
    }

    @Test
    void oneSampleIsEveryPercentile() {
        Dataset ds = dataset(List.of(agency("A")), List.of(),
                series("A", MONDAY_MIDNIGHT_WIB, 300, mbps(7), mbps(2)));
        DemandProfile p = SpendAnalysis.analyze(ds, 0.95, REF).agencies().get(0).down();
        assertThat(p).isEqualTo(new DemandProfile(7 * MBPS, 7 * MBPS, 7 * MBPS, 7 * MBPS, 1));
    }

    @Test
    void integralRankTakesThatSampleNotTheNext() {
        // 20 samples 1..20 Mbps, shuffled. q*n = 0.95*20 = 19 exactly -> rank 19 -> 19 Mbps
        // (not 20); Q50 rank 10 -> 10; Q99 rank ceil(19.8) = 20 -> 20
        long[] v = {13, 2, 20, 7, 1, 19, 8, 11, 3, 16, 5, 18, 9, 14, 4, 17, 6, 12, 10, 15};
        Dataset ds = dataset(List.of(agency("A")), List.of(), series("A", MONDAY_MIDNIGHT_WIB, 300, mbps(v), mbps(v)));
        DemandProfile p = SpendAnalysis.analyze(ds, 0.95, REF).agencies().get(0).down();
        assertThat(p.q()).isEqualTo(19 * MBPS);
        assertThat(p.q50()).isEqualTo(10 * MBPS);
        assertThat(p.q99()).isEqualTo(20 * MBPS);
        assertThat(p.max()).isEqualTo(20 * MBPS);
        // q = 0.9: 18 exactly -> 18 Mbps
        assertThat(SpendAnalysis.analyze(ds, 0.9, REF).agencies().get(0).down().q()).isEqualTo(18 * MBPS);
    }

    @Test
    void tiesAreCountedOneRankEach() {
        // sorted 5,5,5,7: Q50 rank 2 -> 5; Q(0.75) rank 3 -> 5; Q95 rank ceil(3.8) = 4 -> 7
        Dataset ds = dataset(List.of(agency("A")), List.of(),
                series("A", MONDAY_MIDNIGHT_WIB, 300, mbps(5, 7, 5, 5), mbps(1, 1, 1, 1)));
        assertThat(SpendAnalysis.analyze(ds, 0.75, REF).agencies().get(0).down().q()).isEqualTo(5 * MBPS);
        DemandProfile p = SpendAnalysis.analyze(ds, 0.95, REF).agencies().get(0).down();
        assertThat(p.q50()).isEqualTo(5 * MBPS);
        assertThat(p.q()).isEqualTo(7 * MBPS);
        assertThat(SpendAnalysis.analyze(ds, 0.95, REF).agencies().get(0).up())
                .isEqualTo(new DemandProfile(MBPS, MBPS, MBPS, MBPS, 4));
    }

    @Test
    void missingSamplesAreLeftOutOfTheOwnProfileButCountAsZeroInTheAggregate() {
        // A: 10, missing, 30, 20 -> own samples 10,20,30: Q95 rank ceil(2.85) = 3 -> 30; Q50 rank 2 -> 20
        // (counting the missing step as 0 would give Q50 = rank 2 of 0,10,20,30 = 10)
        // B: 1,2,3,4 -> Q95 rank 4 -> 4
        // aggregate: 11, 2, 33, 24 -> Q95 rank 4 -> 33; sum of Q95 = 30 + 4 = 34; gain 34/33
        Dataset ds = dataset(List.of(agency("A"), agency("B")), List.of(),
                series("A", MONDAY_MIDNIGHT_WIB, 300, mbps(10, -1, 30, 20), mbps(1, -1, 3, 2)),
                series("B", MONDAY_MIDNIGHT_WIB, 300, mbps(1, 2, 3, 4), mbps(1, 1, 1, 1)));
        SpendReport r = SpendAnalysis.analyze(ds, 0.95, REF);
        DemandProfile a = r.agencies().get(0).down();
        assertThat(a.samples()).isEqualTo(3);
        assertThat(a.q()).isEqualTo(30 * MBPS);
        assertThat(a.q50()).isEqualTo(20 * MBPS);
        assertThat(r.aggregate().down().q()).isEqualTo(33 * MBPS);
        assertThat(r.aggregate().down().q50()).isEqualTo(11 * MBPS); // 2,11,24,33 rank 2
        assertThat(r.aggregate().sumOfQDownBps()).isEqualTo(34 * MBPS);
        assertThat(r.aggregate().multiplexingGainDown()).isCloseTo(34.0 / 33.0, within(1e-12));
        assertThat(r.aggregate().series().downBps()).containsExactly(mbps(11, 2, 33, 24));
        // up: A 1,3,2 -> Q95 3; B 1 -> 1; aggregate 2,1,4,3 -> 4; gain (3 + 1) / 4 = 1
        assertThat(r.aggregate().multiplexingGainUp()).isEqualTo(1.0);
    }

    @Test
    void severalSubscriptionsAddUpAndIdleCostFollowsFromTheirSum() {
        // Dedicated 20/20 Mbps Rp 5.000.000 + IndiHome 20/10 Mbps Rp 330.000 a month:
        // annual 12 x 5.330.000 = 63.960.000; purchased 40 down, 30 up.
        // Usage: 10 Mbps in all 20 samples -> Q95 down 10 Mbps; utilisation 10/40 = 0.25;
        // idle 63.960.000 x (1 - 0.25) = 47.970.000;
        // per purchased Mbps a month 5.330.000 / 40 = 133.250; per used Mbps 5.330.000 / 10 = 533.000
        long[] down = new long[20];
        long[] up = new long[20];
        Arrays.fill(down, 10 * MBPS);
        Arrays.fill(up, 3 * MBPS);
        Dataset ds = dataset(List.of(agency("DISKOMINFO")), List.of(
                        sub("DISKOMINFO", "Astinet 20", ConnectionKind.DEDICATED, 20, 20, 5_000_000, null, 0),
                        sub("DISKOMINFO", "IndiHome 20", ConnectionKind.BROADBAND, 20, 10, 330_000, null, 0)),
                series("DISKOMINFO", MONDAY_MIDNIGHT_WIB, 300, down, up));
        SpendReport r = SpendAnalysis.analyze(ds, 0.95, REF);
        AgencyAnalysis a = r.agencies().get(0);
        assertThat(a.subscriptionCount()).isEqualTo(2);
        assertThat(a.annualSpendIdr()).isEqualTo(63_960_000L);
        assertThat(a.purchasedDownBps()).isEqualTo(40 * MBPS);
        assertThat(a.purchasedUpBps()).isEqualTo(30 * MBPS);
        assertThat(a.utilizationDown()).isEqualTo(0.25);
        assertThat(a.utilizationUp()).isEqualTo(0.1); // 3 of 30
        assertThat(a.idleAnnualIdr()).isEqualTo(47_970_000L);
        assertThat(a.costPerPurchasedMbpsMonthIdr()).isEqualTo(133_250L);
        assertThat(a.costPerUsedMbpsMonthIdr()).isEqualTo(533_000L);
        assertThat(r.aggregate().totalAnnualSpendIdr()).isEqualTo(63_960_000L);
        assertThat(r.aggregate().totalIdleAnnualIdr()).isEqualTo(47_970_000L);
    }

    @Test
    void idleCostIsRoundedHalfUpToWholeRupiahAndNeverNegative() {
        // 10.000.000 x (1 - 10/30) = 6.666.666,67 -> 6.666.667
        assertThat(SpendAnalysis.idleAnnualIdr(10_000_000L, 10 * MBPS, 30 * MBPS)).isEqualTo(6_666_667L);
        // 10.000.000 x (1 - 20/30) = 3.333.333,33 -> 3.333.333
        assertThat(SpendAnalysis.idleAnnualIdr(10_000_000L, 20 * MBPS, 30 * MBPS)).isEqualTo(3_333_333L);
        // 3 x (1 - 1/2) = 1,5 -> 2 (half up)
        assertThat(SpendAnalysis.idleAnnualIdr(3, 1, 2)).isEqualTo(2L);
        // used above what was bought: nothing idle
        assertThat(SpendAnalysis.idleAnnualIdr(10_000_000L, 45 * MBPS, 30 * MBPS)).isZero();
        // large figures stay exact (no overflow of annual x bps)
        assertThat(SpendAnalysis.idleAnnualIdr(400_000_000_000L, 1, 2_000_000_000L)).isEqualTo(399_999_999_800L);
        // issue 19: the largest amount for the smallest line is a price no long holds: shown as none
        assertThat(SpendAnalysis.perMbps(Rupiah.MAX_IDR, 1)).isNull();
        assertThat(SpendAnalysis.perMbps(Rupiah.MAX_IDR, BitRate.MAX_BPS)).isEqualTo(1_000_000_000L);
        assertThat(SpendAnalysis.idleAnnualIdr(12 * Rupiah.MAX_IDR, 1, BitRate.MAX_BPS)).isEqualTo(11_999_999_999_988_000L);
    }

    @Test
    void agencyWithoutUsageHasSpendButNoDemandFigures() {
        Dataset ds = dataset(List.of(agency("A"), agency("B")), List.of(
                        sub("A", "Astinet 20", ConnectionKind.DEDICATED, 20, 20, 5_000_000, null, 0),
                        sub("B", "Astinet 10", ConnectionKind.DEDICATED, 10, 10, 3_000_000, null, 0)),
                series("B", MONDAY_MIDNIGHT_WIB, 300, mbps(4, 6), mbps(1, 1)));
        SpendReport r = SpendAnalysis.analyze(ds, 0.95, REF);
        AgencyAnalysis a = r.agencies().get(0);
        assertThat(a.hasUsage()).isFalse();
        assertThat(a.idleAnnualIdr()).isNull();
        assertThat(a.utilizationDown()).isNull();
        // only B counts in the idle total: 36.000.000 x (1 - 6/10) = 14.400.000
        assertThat(r.aggregate().totalIdleAnnualIdr()).isEqualTo(14_400_000L);
        assertThat(r.aggregate().totalAnnualSpendIdr()).isEqualTo(96_000_000L);
        assertThat(r.aggregate().agenciesWithUsage()).isEqualTo(1);
    }

    @Test
    void multiplexingGainOfAgenciesPeakingAtDifferentTimes() {
        // With q = 1 (the maximum): A peaks at step 0, B at step 2, C at step 1.
        // A 10,0,0,0  B 0,0,10,0  C 0,10,0,2 -> own max 10 each, sum 30;
        // aggregate 10,10,10,2 -> max 10; gain 30 / 10 = 3
        Dataset ds = dataset(List.of(agency("A"), agency("B"), agency("C")), List.of(),
                series("A", MONDAY_MIDNIGHT_WIB, 300, mbps(10, 0, 0, 0), mbps(0, 0, 0, 0)),
                series("B", MONDAY_MIDNIGHT_WIB, 300, mbps(0, 0, 10, 0), mbps(0, 0, 0, 0)),
                series("C", MONDAY_MIDNIGHT_WIB, 300, mbps(0, 10, 0, 2), mbps(0, 0, 0, 0)));
        SpendReport r = SpendAnalysis.analyze(ds, 1.0, REF);
        assertThat(r.aggregate().sumOfQDownBps()).isEqualTo(30 * MBPS);
        assertThat(r.aggregate().down().q()).isEqualTo(10 * MBPS);
        assertThat(r.aggregate().multiplexingGainDown()).isEqualTo(3.0);
        // nothing uploaded at all: the gain is undefined, not infinite
        assertThat(r.aggregate().multiplexingGainUp()).isNull();
    }

    @Test
    void aggregateRunsOverTheUnionOfTheAgenciesGrids() {
        // A: steps 0,1 (300 s); B starts one step later: steps 1,2. Union = 3 steps:
        // 5, 5+1, 1 ... and C samples every 600 s from step 0: its one sample of 2 Mbps
        // is the mean rate of steps 0 and 1, so it counts in both.
        Dataset ds = dataset(List.of(agency("A"), agency("B"), agency("C")), List.of(),
                series("A", MONDAY_MIDNIGHT_WIB, 300, mbps(5, 5), mbps(1, 1)),
                series("B", MONDAY_MIDNIGHT_WIB + 300, 300, mbps(1, 1), mbps(1, 1)),
                series("C", MONDAY_MIDNIGHT_WIB, 600, mbps(2), mbps(0)));
        AggregateSeries s = SpendAnalysis.analyze(ds, 0.95, REF).aggregate().series();
        assertThat(s.startEpochSecond()).isEqualTo(MONDAY_MIDNIGHT_WIB);
        assertThat(s.stepSeconds()).isEqualTo(300);
        assertThat(s.downBps()).containsExactly(mbps(7, 8, 1));
        assertThat(s.upBps()).containsExactly(mbps(1, 2, 1));
    }

    @Test
    void busyHourIsTheHourOfDayInWibWithTheHighestMean() {
        // Hourly samples over Monday 3 March 2025 (WIB) and Saturday 8 March: on the Monday
        // 09:00 WIB (02:00 UTC) carries 50 Mbps, every other hour 10; on the Saturday 20:00 WIB
        // carries 30 and every other hour 1. Mean per hour over both days: 09 -> (50+1)/2 = 25.5,
        // 20 -> (10+30)/2 = 20, others about 5.5: busy hour 9.
        int hours = 6 * 24;
        long[] down = new long[hours];
        long[] up = new long[hours];
        Arrays.fill(down, UsageSeries.MISSING);
        Arrays.fill(up, UsageSeries.MISSING);
        for (int h = 0; h < 24; h++) {
            down[h] = (h == 9 ? 50 : 10) * MBPS;
            up[h] = (h == 9 ? 5 : 1) * MBPS;
            down[5 * 24 + h] = (h == 20 ? 30 : 1) * MBPS;
            up[5 * 24 + h] = (h == 20 ? 30 : 1) * MBPS;
        }
        Dataset ds = dataset(List.of(agency("A")), List.of(), series("A", MONDAY_MIDNIGHT_WIB, 3600, down, up));
        AgencyAnalysis a = SpendAnalysis.analyze(ds, 0.95, REF).agencies().get(0);
        assertThat(a.busyHourDown()).isEqualTo(9);
        assertThat(a.busyHourUp()).isEqualTo(20); // (1+30)/2 = 15.5 beats (5+1)/2 = 3
        HourlyProfile p = a.hourly();
        assertThat(p.weekdayDownBps()[9]).isEqualTo(50 * MBPS);
        assertThat(p.weekdayDownBps()[2]).isEqualTo(10 * MBPS);
        assertThat(p.weekendDownBps()[20]).isEqualTo(30 * MBPS);
        assertThat(p.weekendDownBps()[9]).isEqualTo(MBPS);
    }

    @Test
    void hourlyMeansAverageTheSamplesOfThatHour() {
        // 5-minute samples 07:00-07:55 WIB on a Monday: 0,1,...,11 Mbps -> mean 5.5 Mbps
        long[] down = new long[12];
        for (int i = 0; i < 12; i++) {
            down[i] = i * MBPS;
        }
        Dataset ds = dataset(List.of(agency("A")), List.of(),
                series("A", MONDAY_MIDNIGHT_WIB + 7 * 3600, 300, down, down.clone()));
        HourlyProfile p = SpendAnalysis.analyze(ds, 0.95, REF).agencies().get(0).hourly();
        assertThat(p.weekdayDownBps()[7]).isEqualTo(5_500_000L);
        assertThat(p.weekdayDownBps()[8]).isEqualTo(UsageSeries.MISSING);
        assertThat(p.weekendDownBps()[7]).isEqualTo(UsageSeries.MISSING);
    }

    @Test
    void contractsEndingWithinTwelveMonthsAreListedSoonestFirstWithPenalties() {
        Dataset ds = dataset(List.of(agency("A"), agency("B")), List.of(
                sub("A", "past", ConnectionKind.DEDICATED, 10, 10, 1_000_000, LocalDate.of(2024, 12, 31), 5),
                sub("A", "last day", ConnectionKind.DEDICATED, 10, 10, 1_000_000, LocalDate.of(2026, 1, 1), 7_000_000),
                sub("B", "first day", ConnectionKind.DEDICATED, 10, 10, 2_000_000, LocalDate.of(2025, 1, 1), 0),
                sub("B", "too late", ConnectionKind.DEDICATED, 10, 10, 1_000_000, LocalDate.of(2026, 1, 2), 5),
                sub("B", "month to month", ConnectionKind.BROADBAND, 20, 10, 330_000, null, 0)));
        List<ContractEnding> c = SpendAnalysis.analyze(ds, 0.95, REF).contractsEnding();
        assertThat(c).extracting(ContractEnding::product).containsExactly("first day", "last day");
        assertThat(c.get(1).exitPenaltyIdr()).isEqualTo(7_000_000L);
        assertThat(c.get(0).monthlyCostIdr()).isEqualTo(2_000_000L);
    }

    @Test
    void parallelPathAgreesWithSortingEveryAgencyAndTheAggregate() {
        // enough samples (24 x 105,120) to be spread over the cores; reference by full sorts
        Random rnd = new Random(7);
        int agencies = 24, n = 105_120;
        List<Agency> list = new ArrayList<>();
        List<UsageSeries> usage = new ArrayList<>();
        long[] aggregate = new long[n + 10];
        for (int a = 0; a < agencies; a++) {
            String code = "A" + a;
            list.add(agency(code));
            int offset = a % 3 == 0 ? 10 : 0; // some start later: the union grid is longer
            long[] d = new long[n];
            long[] u = new long[n];
            for (int i = 0; i < n; i++) {
                boolean missing = rnd.nextInt(50) == 0;
                d[i] = missing ? UsageSeries.MISSING : rnd.nextInt(1000) * 10_000L;
                u[i] = missing ? UsageSeries.MISSING : rnd.nextInt(300) * 10_000L;
                aggregate[offset + i] += Math.max(0, d[i]);
            }
            usage.add(series(code, MONDAY_MIDNIGHT_WIB + offset * 300L, 300, d, u));
        }
        SpendReport r = SpendAnalysis.analyze(dataset(list, List.of(), usage.toArray(UsageSeries[]::new)), 0.95, REF);
        long sumOfQ = 0;
        for (int a = 0; a < agencies; a++) {
            long[] measured = Arrays.stream(usage.get(a).downBps()).filter(v -> v >= 0).sorted().toArray();
            DemandProfile p = r.agencies().get(a).down();
            assertThat(p.q()).isEqualTo(measured[(int) Math.ceil(0.95 * measured.length) - 1]);
            assertThat(p.q50()).isEqualTo(measured[(int) Math.ceil(0.5 * measured.length) - 1]);
            assertThat(p.q99()).isEqualTo(measured[(int) Math.ceil(0.99 * measured.length) - 1]);
            assertThat(p.max()).isEqualTo(measured[measured.length - 1]);
            sumOfQ += p.q();
        }
        assertThat(r.aggregate().series().downBps()).containsExactly(aggregate);
        long[] sorted = aggregate.clone();
        Arrays.sort(sorted);
        assertThat(r.aggregate().down().q()).isEqualTo(sorted[(int) Math.ceil(0.95 * sorted.length) - 1]);
        assertThat(r.aggregate().sumOfQDownBps()).isEqualTo(sumOfQ);
    }

    @Test
    void downsamplingKeepsThePeaks() {
        AggregateSeries s = new AggregateSeries(0, 300, new long[] {1, 9, 2, 3, 8, 4, 5}, new long[] {0, 0, 0, 0, 0, 0, 7});
        AggregateSeries d = s.downsampleMax(3);
        assertThat(d.stepSeconds()).isEqualTo(900);
        assertThat(d.downBps()).containsExactly(9, 8, 5);
        assertThat(d.upBps()).containsExactly(0, 0, 7);
    }
}
