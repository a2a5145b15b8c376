package id.padu.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import id.padu.domain.Dataset;
import id.padu.domain.Direction;
import id.padu.domain.Settings;
import id.padu.domain.UsageSeries;
import id.padu.plan.Plan;
import id.padu.plan.Uplink;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The forecast on series whose growth is known by construction. */
class ForecasterTest {

    static final double MBPS = 1e6;

    /**
     * 100 Mbps in January 2025 growing 3 % a month, exactly: the requirement of month m is
     * 100 x 1.03^m / 0.8 Mbps, which first exceeds 200 Mbps at m = 16 (1.03^15 = 1.558, 1.03^16 = 1.605),
     * that is May 2026.
     */
    @Test
    void onANoiselessSeriesTheCrossingMonthIsExact() throws ForecastException {
        YearMonth first = YearMonth.of(2025, 1);
        UsageSeries a = Series.monthly("A", first, 6, m -> 60 * MBPS * Math.pow(1.03, m), i -> 1, 0.3);
        UsageSeries b = Series.monthly("B", first, 6, m -> 40 * MBPS * Math.pow(1.03, m), i -> 1, 0.3);
        // a local agency's demand is not the central aggregate's
        UsageSeries c = Series.monthly("C", first, 6, m -> 900 * MBPS, i -> 1, 0.3);
        Dataset ds = Series.dataset(List.of(a, b, c), List.of(), List.of(Series.offer("Telkom Indonesia", 300, 30_000_000),
                Series.offer("ICON+", 500, 45_000_000)), Series.single());

        Forecast f = Forecaster.forecast(ds, Series.plan(List.of("A", "B"), List.of("C"), 200), 24);

        assertThat(f.growthPerYear()).isCloseTo(Math.pow(1.03, 12) - 1, within(1e-6));
        assertThat(f.up().growthPerYear()).isCloseTo(Math.pow(1.03, 12) - 1, within(1e-6));
        assertThat(f.months()).hasSize(30);
        assertThat(f.measuredMonths()).extracting(Forecast.Month::month)
                .containsExactly(first, first.plusMonths(1), first.plusMonths(2), first.plusMonths(3), first.plusMonths(4),
                        first.plusMonths(5));
        assertThat(f.months().get(0).downBps()).isEqualTo(100_000_000L);
        assertThat(f.months().get(6).month()).isEqualTo(YearMonth.of(2025, 7));
        assertThat(f.months().get(6).measured()).isFalse();
        Forecast.Month may2026 = f.months().get(16);
        assertThat(may2026.month()).isEqualTo(YearMonth.of(2026, 5));
        assertThat((double) may2026.downBps()).isCloseTo(100 * MBPS * Math.pow(1.03, 16), within(10.0));
        // without noise the interval closes on the trend
        assertThat((double) may2026.highDownBps()).isCloseTo(may2026.downBps(), within(10.0));
        assertThat((double) may2026.lowDownBps()).isCloseTo(may2026.downBps(), within(10.0));

        assertThat(f.capacityDownBps()).isEqualTo(200_000_000L);
        assertThat(f.capacityFrom()).isEqualTo(Forecast.CapacityFrom.PLAN);
        assertThat(f.crossing().month()).isEqualTo(YearMonth.of(2026, 5));
        assertThat(f.crossing().direction()).isEqualTo(Direction.DOWN);
        assertThat(f.crossing().measured()).isFalse();
        assertThat(f.crossing().requiredDownBps()).isEqualTo((long) Math.ceil(may2026.downBps() / 0.8));
        // the cheapest single row that carries 200.6 Mbps
        assertThat(f.upgrade().uplinks()).extracting(Uplink::product).containsExactly("Dedicated 300 Mbps");
        assertThat(f.upgrade().annualIdr()).isEqualTo(12 * 30_000_000L + 1_000_000 / 3);
    }

    /**
     * 18 months growing 5 % a month with month-to-month noise (sigma 3 %) and interval noise
     * (each hour 90 to 100 % of the month's level, so Q95 is 99.5 % of it): the expected
     * requirement 0.995 x 80 x 1.05^m / 0.8 Mbps first exceeds 300 Mbps at m = 23 (December 2025),
     * six months after the last measured one; the forecast finds it within one month, for twenty seeds.
     */
    @Test
    void withNoiseTheCrossingIsWithinOneMonth() throws ForecastException {
        YearMonth first = YearMonth.of(2024, 1);
        int expected = 0;
        while (0.995 * 80 * Math.pow(1.05, expected) / 0.8 <= 300) {
            expected++;
        }
        assertThat(expected).isEqualTo(23);
        for (long seed = 1; seed <= 20; seed++) {
            Random r = new Random(seed);
            double[] monthNoise = new double[18];
            for (int m = 0; m < 18; m++) {
                monthNoise[m] = Math.exp(0.03 * r.nextGaussian());
            }
            Random hours = new Random(seed * 31);
            UsageSeries a = Series.monthly("A", first, 18, m -> 80 * MBPS * Math.pow(1.05, m) * monthNoise[m],
                    i -> 0.9 + 0.1 * hours.nextDouble(), 0.35);
            Dataset ds = Series.dataset(List.of(a), List.of(), List.of(), Series.single());

            Forecast f = Forecaster.forecast(ds, Series.plan(List.of("A"), List.of(), 300), 24);

            int found = (int) first.until(f.crossing().month(), java.time.temporal.ChronoUnit.MONTHS);
            assertThat(found).as("seed %d", seed).isBetween(expected - 1, expected + 1);
            assertThat(f.growthPerYear()).as("seed %d", seed).isCloseTo(Math.pow(1.05, 12) - 1, within(0.12));
            // no offers: a crossing without a choice that carries it
            assertThat(f.noChoiceCarries()).isTrue();
            Forecast.Month m = f.months().get(f.months().size() - 1);
            assertThat(m.lowDownBps()).isLessThan(m.downBps());
            assertThat(m.highDownBps()).isGreaterThan(m.downBps());
            Forecast.Month next = f.months().get(18);
            assertThat(m.highDownBps() / (double) m.downBps()).as("the interval widens with the horizon")
                    .isGreaterThan(next.highDownBps() / (double) next.downBps());
        }
    }

    /**
     * 20 January to 16 April 2025: January holds 12 of its 31 days (38 %, left out), April 15 of
     * its 30 days (50 %, counted). A day less and April is out too: two months, no trend.
     */
    @Test
    void partialMonthsCountFromHalfTheirIntervals() throws ForecastException {
        UsageSeries a = Series.between("A", LocalDate.of(2025, 1, 20), LocalDate.of(2025, 4, 16),
                m -> 50 * MBPS * Math.pow(1.1, m), i -> 1, 0.3);
        Forecast f = Forecaster.forecast(Series.dataset(List.of(a), List.of(), List.of(), Series.single()), null, 3);
        assertThat(f.measuredMonths()).extracting(Forecast.Month::month)
                .containsExactly(YearMonth.of(2025, 2), YearMonth.of(2025, 3), YearMonth.of(2025, 4));
        assertThat(f.months()).hasSize(6);

        UsageSeries shorter = Series.between("A", LocalDate.of(2025, 1, 20), LocalDate.of(2025, 4, 15),
                m -> 50 * MBPS, i -> 1, 0.3);
        assertThatThrownBy(() -> Forecaster.forecast(Series.dataset(List.of(shorter), List.of(), List.of(), Series.single()),
                null, 3))
                .isInstanceOfSatisfying(ForecastException.class, e -> {
                    assertThat(e.key()).isEqualTo("error.fewMonths");
                    assertThat(e.message(Locale.ENGLISH)).startsWith("only 2 measured months; a trend needs at least 3")
                            .contains("2025-01 38 %, 2025-02 100 %, 2025-03 100 %, 2025-04 46 %");
                    assertThat(e.message(Locale.forLanguageTag("id"))).startsWith("hanya 2 bulan terukur");
                });
    }

    /** Without a plan every agency is in the aggregate and the capacity is what the subscriptions buy. */
    @Test
    void withoutAPlanTheSubscriptionsGiveTheCapacity() throws ForecastException {
        YearMonth first = YearMonth.of(2025, 1);
        UsageSeries a = Series.monthly("A", first, 4, m -> 10 * MBPS * Math.pow(1.2, m), i -> 1, 0.5);
        UsageSeries b = Series.monthly("B", first, 4, m -> 10 * MBPS * Math.pow(1.2, m), i -> 1, 0.5);
        Dataset ds = Series.dataset(List.of(a, b), List.of(Series.sub("A", 20, 3_000_000), Series.sub("B", 30, 4_000_000)),
                List.of(Series.offer("Telkom Indonesia", 100, 20_000_000)), Series.single());

        Forecast f = Forecaster.forecast(ds, null, 12);

        assertThat(f.capacityFrom()).isEqualTo(Forecast.CapacityFrom.SUBSCRIPTIONS);
        assertThat(f.capacityDownBps()).isEqualTo(50_000_000L);
        assertThat(f.months().get(0).downBps()).isEqualTo(20_000_000L);
        // 20 x 1.2^m / 0.8 > 50 from m = 3 (34.56 / 0.8 = 43.2 at m = 3 ... 41.5 / 0.8 = 51.8 at m = 4)
        assertThat(f.crossing().month()).isEqualTo(YearMonth.of(2025, 5));
        assertThat(f.upgrade().uplinks()).hasSize(1);
    }

    /** A measured month above the capacity is the crossing: the upgrade is already due. */
    @Test
    void aMeasuredMonthCanAlreadyBeTheCrossing() throws ForecastException {
        UsageSeries a = Series.monthly("A", YearMonth.of(2025, 1), 4, m -> 90 * MBPS, i -> 1, 0.5);
        Forecast f = Forecaster.forecast(Series.dataset(List.of(a), List.of(), List.of(), Series.single()),
                Series.plan(List.of("A"), List.of(), 100), 6);
        assertThat(f.growthPerYear()).isCloseTo(0, within(1e-9));
        assertThat(f.crossing().month()).isEqualTo(YearMonth.of(2025, 1));
        assertThat(f.crossing().measured()).isTrue();
    }

    @Test
    void aPlanMustNameTheDatasetsAgenciesAndConnectSomeone() {
        UsageSeries a = Series.monthly("A", YearMonth.of(2025, 1), 4, m -> 90 * MBPS, i -> 1, 0.5);
        Dataset ds = Series.dataset(List.of(a), List.of(), List.of(), Series.single());
        assertThatThrownBy(() -> Forecaster.forecast(ds, Series.plan(List.of("A", "X"), List.of(), 100), 6))
                .isInstanceOfSatisfying(ForecastException.class, e -> assertThat(e.message(Locale.ENGLISH))
                        .isEqualTo("the plan names agency X, which is not in the dataset"));
        assertThatThrownBy(() -> Forecaster.forecast(ds, Series.plan(List.of(), List.of("A"), 100), 6))
                .isInstanceOfSatisfying(ForecastException.class, e -> assertThat(e.key()).isEqualTo("error.noCentral"));
        Dataset empty = Series.dataset(List.of(), List.of(), List.of(), Settings.DEFAULTS);
        assertThatThrownBy(() -> Forecaster.forecast(empty, null, 6))
                .isInstanceOfSatisfying(ForecastException.class, e -> assertThat(e.key()).isEqualTo("error.noUsage"));
    }

    @Test
    void theTPercentileMatchesTheTableAndTheExpansion() {
        assertThat(StudentT.q95(1)).isEqualTo(6.3138);
        assertThat(StudentT.q95(10)).isEqualTo(1.8125);
        assertThat(StudentT.q95(31)).isCloseTo(1.69552, within(1e-4));
        assertThat(StudentT.q95(120)).isCloseTo(1.65765, within(1e-4));
    }
}
