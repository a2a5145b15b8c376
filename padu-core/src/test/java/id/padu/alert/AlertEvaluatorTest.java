package id.padu.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.padu.domain.Agency;
import id.padu.domain.AgencyKind;
import id.padu.domain.BitRate;
import id.padu.domain.ConnectionKind;
import id.padu.domain.Dataset;
import id.padu.domain.Direction;
import id.padu.domain.Priority;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;

/**
 * Each rule on hand-built series: it fires when its condition holds, with the value, threshold
 * and since a reader can check by hand, and stays quiet just on the other side of its threshold.
 */
class AlertEvaluatorTest {

    static final long M = 1_000_000;
    static final long DAY = 86_400;
    /** 2027-03-01 00:00 WIB: 35 days of 5-minute usage end here. */
    static final long END = LocalDate.of(2027, 3, 1).atStartOfDay(Wib.ZONE).toEpochSecond();
    static final int DAYS = 35;
    static final int N = DAYS * 288;
    static final long START = END - DAYS * DAY;

    static Agency agency(String code) {
        return new Agency(code, "Dinas " + code, AgencyKind.DINAS, Priority.NORMAL, List.of());
    }

    static UsageSeries series(String code, IntToLongFunction down, IntToLongFunction up) {
        long[] d = new long[N];
        long[] u = new long[N];
        for (int i = 0; i < N; i++) {
            d[i] = down.applyAsLong(i);
            u[i] = up.applyAsLong(i);
        }
        return new UsageSeries(code, START, 300, d, u);
    }

    static Subscription sub(String agency, LocalDate end, long monthly, long penalty) {
        return new Subscription(agency, "Telkom", "Astinet " + agency, ConnectionKind.DEDICATED, BitRate.ofMbps(20),
                BitRate.ofMbps(20), Rupiah.of(monthly), Rupiah.ZERO, LocalDate.of(2024, 1, 1), end,
                end == null ? null : Rupiah.of(penalty));
    }

    static Dataset data(Map<String, UsageSeries> usage, List<Subscription> subs, String... codes) {
        List<Agency> agencies = Arrays.stream(codes).map(AlertEvaluatorTest::agency).toList();
        return new Dataset(agencies, subs, List.of(), List.of(), List.of(), usage, Settings.DEFAULTS);
    }

    static AgencyDecision central(String code, long cirDown, long mirDown, long cirUp, long mirUp, LocalDate cutover) {
        return new AgencyDecision(code, Decision.CENTRAL, cirDown, mirDown, cirUp, mirUp, cutover, "bergabung");
    }

    static Plan plan(double downMbps, double upMbps, AgencyDecision... agencies) {
        return new Plan(0, 0, 0, 0, null, 0, 0, true, 0, List.of(new Uplink("Telkom", "Astinet", downMbps, upMbps, 0, 0)),
                List.of(agencies));
    }

    static List<Alert> of(List<Alert> all, AlertRule rule) {
        return all.stream().filter(a -> a.rule() == rule).toList();
    }

    @Test
    void uplinkBusyFiresWhenTheCentralQ95PassesTheShareOfCapacity() {
        // Two agencies of 40 and 45 Mbps down on a 100 Mbps uplink: 85 Mbps > 80 % x 100; up 10 + 10 of 50: quiet.
        Map<String, UsageSeries> usage = new LinkedHashMap<>();
        usage.put("A", series("A", i -> 40 * M, i -> 10 * M));
        usage.put("B", series("B", i -> 45 * M, i -> 10 * M));
        Plan p = plan(100, 50, central("A", 30 * M, 100 * M, 10 * M, 50 * M, null),
                central("B", 30 * M, 100 * M, 10 * M, 50 * M, null));
        List<Alert> busy = of(AlertEvaluator.evaluate(data(usage, List.of(), "A", "B"), p, END, AlertSettings.DEFAULTS),
                AlertRule.UPLINK_BUSY);
        assertThat(busy).hasSize(1);
        Alert a = busy.get(0);
        assertThat(a.agency()).isNull();
        assertThat(a.direction()).isEqualTo(Direction.DOWN);
        assertThat(a.value()).isEqualTo(85 * M);
        assertThat(a.threshold()).isEqualTo(80 * M);
        // It held over the whole week looked back: since is a week before the evaluation.
        assertThat(a.sinceEpochSecond()).isEqualTo(END - 7 * DAY);
        assertThat(a.message(Locale.forLanguageTag("id"))).isEqualTo(
                "Uplink pusat sibuk (unduh): Q95 85 Mbps dalam 7 hari terakhir melebihi 80 Mbps (80 % dari kapasitas 100 Mbps).");
        assertThat(a.message(Locale.ENGLISH)).startsWith("Central uplink busy (down): Q95 85 Mbps over the last 7 days");

        // 35 + 45 = 80 Mbps is not above 80 %: quiet.
        usage.put("A", series("A", i -> 35 * M, i -> 10 * M));
        assertThat(of(AlertEvaluator.evaluate(data(usage, List.of(), "A", "B"), p, END, AlertSettings.DEFAULTS),
                AlertRule.UPLINK_BUSY)).isEmpty();
    }

    @Test
    void uplinkBusySinceIsWhenTheBusyHourBegan() {
        // Quiet (20 Mbps) until 2 days before the end, then 95 Mbps: the Q95 of the last 7 days
        // passes 80 Mbps once more than 5 % of the week (8.4 h) is busy.
        long busyFrom = END - 2 * DAY;
        Map<String, UsageSeries> usage = Map.of("A", series("A",
                i -> START + i * 300L >= busyFrom ? 95 * M : 20 * M, i -> M));
        Plan p = plan(100, 50, central("A", 30 * M, 100 * M, 10 * M, 50 * M, null));
        Alert a = of(AlertEvaluator.evaluate(data(usage, List.of(), "A"), p, END, AlertSettings.DEFAULTS),
                AlertRule.UPLINK_BUSY).get(0);
        // At an hourly check t the busy part is t - busyFrom; it must exceed 5 % of 2016 samples (100.8 = 8 h 25 min):
        // the first hourly check with more than 101 busy samples is busyFrom + 9 h.
        assertThat(a.sinceEpochSecond()).isEqualTo(busyFrom + 9 * 3600);
    }

    @Test
    void anAgencyAtItsCeilingInMoreThanTheShareOfItsIntervals() {
        // MIR 20 Mbps: at 19 Mbps (95 %) in every 8th interval = 12.5 % of the week > 5 %.
        Map<String, UsageSeries> usage = new LinkedHashMap<>();
        usage.put("A", series("A", i -> i % 8 == 0 ? 19 * M : 5 * M, i -> M));
        // B is at 18.9 Mbps, just under 95 % of its MIR: quiet.
        usage.put("B", series("B", i -> i % 8 == 0 ? 18_900_000L : 5 * M, i -> M));
        Plan p = plan(1000, 1000, central("A", 5 * M, 20 * M, M, 10 * M, null), central("B", 5 * M, 20 * M, M, 10 * M, null));
        List<Alert> at = of(AlertEvaluator.evaluate(data(usage, List.of(), "A", "B"), p, END, AlertSettings.DEFAULTS),
                AlertRule.AGENCY_AT_CEILING);
        assertThat(at).extracting(Alert::agency).containsExactly("A");
        assertThat(at.get(0).direction()).isEqualTo(Direction.DOWN);
        assertThat(at.get(0).value()).isEqualTo(0.125);
        assertThat(at.get(0).threshold()).isEqualTo(0.05);
        assertThat(at.get(0).message(Locale.forLanguageTag("id"))).contains("12,5 %").contains("MIR 20 Mbps");
    }

    @Test
    void anAgencyFarUnderItsGuarantee() {
        // CIR 40 Mbps down; Q95 of 30 days 9 Mbps < 25 % x 40 = 10 Mbps: fires; 10 Mbps does not.
        Map<String, UsageSeries> usage = new LinkedHashMap<>();
        usage.put("A", series("A", i -> 9 * M, i -> 5 * M));
        usage.put("B", series("B", i -> 10 * M, i -> 5 * M));
        Plan p = plan(1000, 1000, central("A", 40 * M, 100 * M, 10 * M, 50 * M, null),
                central("B", 40 * M, 100 * M, 10 * M, 50 * M, null));
        List<Alert> over = of(AlertEvaluator.evaluate(data(usage, List.of(), "A", "B"), p, END, AlertSettings.DEFAULTS),
                AlertRule.AGENCY_OVER_ALLOCATED);
        assertThat(over).extracting(Alert::agency).containsExactly("A");
        assertThat(over.get(0).value()).isEqualTo(9 * M);
        assertThat(over.get(0).threshold()).isEqualTo(10 * M);
        // Held at every daily check of the 30 looked back (the data reaches 35 days back).
        assertThat(over.get(0).sinceEpochSecond()).isEqualTo(END - 30 * DAY);
    }

    @Test
    void noDataAfterTheHoursWithoutAMeasuredInterval() {
        // A stops 25 hours before the end, B 23 hours before: only A is silent for more than 24 h.
        long[] cut = {25 * 12, 23 * 12};
        Map<String, UsageSeries> usage = new LinkedHashMap<>();
        usage.put("A", series("A", i -> i < N - cut[0] ? 5 * M : UsageSeries.MISSING,
                i -> i < N - cut[0] ? M : UsageSeries.MISSING));
        usage.put("B", series("B", i -> i < N - cut[1] ? 5 * M : UsageSeries.MISSING,
                i -> i < N - cut[1] ? M : UsageSeries.MISSING));
        List<Alert> all = AlertEvaluator.evaluate(data(usage, List.of(), "A", "B", "C"), null, END, AlertSettings.DEFAULTS);
        List<Alert> silent = of(all, AlertRule.NO_DATA);
        assertThat(silent).extracting(Alert::agency).containsExactly("A", "C");
        assertThat(silent.get(0).sinceEpochSecond()).isEqualTo(END - 25 * 3600);
        assertThat(silent.get(0).value()).isEqualTo(25.0);
        assertThat(silent.get(1).sinceEpochSecond()).as("C was never measured").isNull();
        // Without a plan, the rules that compare with an allocation do not run.
        assertThat(all).allMatch(a -> a.rule() == AlertRule.NO_DATA);
    }

    @Test
    void aContractEndingWithinTheDaysAndOnlyThen() {
        LocalDate today = LocalDate.of(2027, 3, 1);
        List<Subscription> subs = List.of(sub("A", today.plusDays(60), 1_000_000, 5_000_000),
                sub("B", today.plusDays(61), 1_000_000, 0), sub("C", null, 1_000_000, 0),
                sub("D", today.minusDays(1), 1_000_000, 0));
        List<Alert> ending = of(AlertEvaluator.evaluate(data(Map.of(), subs, "A", "B", "C", "D"), null, END,
                AlertSettings.DEFAULTS), AlertRule.CONTRACT_ENDING);
        assertThat(ending).extracting(Alert::agency).containsExactly("A");
        assertThat(ending.get(0).value()).isEqualTo(60);
        assertThat(ending.get(0).subject()).isEqualTo("Telkom Astinet A");
        assertThat(ending.get(0).sinceEpochSecond()).isEqualTo(END);
        assertThat(ending.get(0).message(Locale.forLanguageTag("id"))).contains("2027-04-30").contains("Rp 5.000.000");
        assertThat(ending.get(0).message(Locale.ENGLISH)).contains("Rp 5,000,000");
    }

    @Test
    void payingTwiceMoreThanThirtyDaysAfterTheCutover() {
        LocalDate today = LocalDate.of(2027, 3, 1);
        // A cut over 31 days ago and its line runs on (no end): fires. B cut over 30 days ago: not yet.
        // C cut over long ago but its line ended: quiet. D's line ends after today: fires.
        List<Subscription> subs = List.of(sub("A", null, 2_500_000, 0), sub("B", null, 1_000_000, 0),
                sub("C", today.minusDays(3), 1_000_000, 0), sub("D", today.plusDays(90), 3_000_000, 0));
        Plan p = plan(100, 100, central("A", M, 10 * M, M, 10 * M, today.minusDays(31)),
                central("B", M, 10 * M, M, 10 * M, today.minusDays(30)),
                central("C", M, 10 * M, M, 10 * M, today.minusDays(100)),
                central("D", M, 10 * M, M, 10 * M, today.minusDays(100)));
        List<Alert> twice = of(AlertEvaluator.evaluate(data(Map.of(), subs, "A", "B", "C", "D"), p, END,
                AlertSettings.DEFAULTS), AlertRule.PAYING_TWICE);
        assertThat(twice).extracting(Alert::agency).containsExactly("A", "D");
        assertThat(twice.get(0).value()).isEqualTo(2_500_000);
        assertThat(twice.get(0).sinceEpochSecond()).isEqualTo(today.atStartOfDay(Wib.ZONE).toEpochSecond());
    }

    @Test
    void theSameInputGivesTheSameAlertsInTheSameOrder() {
        Map<String, UsageSeries> usage = new LinkedHashMap<>();
        List<String> codes = new ArrayList<>();
        List<AgencyDecision> decisions = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            String c = "AG" + k;
            int kk = k;
            codes.add(c);
            usage.put(c, series(c, i -> (long) ((kk + 1) * M * (1 + Math.sin(i / 50.0))), i -> (kk + 1) * M / 4));
            decisions.add(central(c, (kk + 1) * 4 * M, (kk + 1) * 2 * M, M, 5 * M, null));
        }
        Dataset d = data(usage, List.of(), codes.toArray(String[]::new));
        Plan p = plan(60, 20, decisions.toArray(AgencyDecision[]::new));
        assertThat(AlertEvaluator.evaluate(d, p, END, AlertSettings.DEFAULTS))
                .isEqualTo(AlertEvaluator.evaluate(d, p, END, AlertSettings.DEFAULTS)).isNotEmpty();
    }

    @Test
    void settingsAreReadFromSettingsCsvWithTheirRanges() {
        AlertSettings s = AlertSettings.of(Map.of("alert.uplink_busy", "0,9", "alert.window_days", "14", "plan.growth", "0.2"));
        assertThat(s.uplinkBusy()).isEqualTo(0.9);
        assertThat(s.windowDays()).isEqualTo(14);
        assertThat(s.ceilingShare()).isEqualTo(0.05);
        assertThatThrownBy(() -> AlertSettings.of(Map.of("alert.uplink_busy", "80")))
                .isInstanceOfSatisfying(AlertSettings.BadSetting.class, e -> {
                    assertThat(e.key()).isEqualTo("alert.uplink_busy");
                    assertThat(e.message(Locale.forLanguageTag("id"))).isEqualTo(
                            "Setelan alert.uplink_busy: \"80\" bukan pecahan, bukan persen (maksudnya 0.8?).");
                });
        assertThatThrownBy(() -> AlertSettings.of(Map.of("alert.window_days", "0")))
                .hasMessage("Setting alert.window_days: \"0\" is not a whole number from 1 to 90.");
        assertThatThrownBy(() -> AlertSettings.of(Map.of("alert.uplink_bussy", "0.8")))
                .hasMessageContaining("alert.uplink_bussy");
    }
}
