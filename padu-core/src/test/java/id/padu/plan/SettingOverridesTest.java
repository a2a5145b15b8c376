package id.padu.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.padu.domain.PlanScope;
import id.padu.domain.Redundancy;
import id.padu.domain.Settings;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingOverridesTest {

    @Test
    void overridesReplaceOnlyTheKeysGiven() throws Exception {
        Settings s = SettingOverrides.apply(Settings.DEFAULTS, Map.of("plan.growth", "0.35", "PLAN.REDUNDANCY", "single",
                "plan.scope", "all", "plan.start_date", "2026-02-01", "migrate.blackouts", "2026-03-28..2026-04-05;2026-12-20..2026-12-31"));
        assertThat(s.growth()).isEqualTo(0.35);
        assertThat(s.redundancy()).isEqualTo(Redundancy.SINGLE);
        assertThat(s.scope()).isEqualTo(PlanScope.ALL);
        assertThat(s.planStartDate()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(s.migrateBlackouts()).hasSize(2);
        assertThat(s.quantile()).isEqualTo(0.95);
        assertThat(s.reserve()).isEqualTo(0.10);
    }

    @Test
    void valuesOutOfRangeOrUnknownKeysAreRejectedNamingKeyAndValue() {
        for (String[] bad : new String[][] {{"plan.quantile", "0"}, {"plan.quantile", "1.5"}, {"plan.target_utilization", "abc"},
                {"plan.reserve", "1"}, {"plan.survivable_fraction", "-0.1"}, {"plan.horizon_years", "0"}, {"plan.redundancy", "triple"},
                {"plan.scope", "some"}, {"plan.start_date", "01/02/2026"}, {"migrate.cutovers_per_week", "x"},
                {"migrate.windows", "Saturday morning"}, {"migrate.windows", "SAT 13:00-07:00"}, {"migrate.blackouts", "2026-04-05..2026-03-28"}}) {
            assertThatThrownBy(() -> SettingOverrides.apply(Settings.DEFAULTS, Map.of(bad[0], bad[1])))
                    .as("%s=%s", bad[0], bad[1])
                    .isInstanceOf(PlanningException.class)
                    .satisfies(e -> assertThat(((PlanningException) e).message(Locale.ENGLISH)).contains(bad[0]).contains(bad[1]));
        }
        assertThatThrownBy(() -> SettingOverrides.apply(Settings.DEFAULTS, Map.of("plan.colour", "blue")))
                .satisfies(e -> assertThat(((PlanningException) e).message(Locale.forLanguageTag("id")))
                        .isEqualTo("pengaturan tidak dikenal: plan.colour"));
    }

    @Test
    void windowsAreTakenAsTheDatasetTakesThem() throws PlanningException {
        Settings s = SettingOverrides.apply(Settings.DEFAULTS, Map.of("migrate.windows", "sab 07:00 - 13:00; SUN 07:00-11:00"));
        assertThat(s.migrateWindows()).isEqualTo("sab 07:00 - 13:00; SUN 07:00-11:00");
    }
    @Test
    void aPercentageWhereAFractionBelongsIsRefusedWithTheFractionItMeant() {
        assertThatThrownBy(() -> SettingOverrides.apply(Settings.DEFAULTS, Map.of("plan.growth", "20")))
                .satisfies(e -> {
                    PlanningException p = (PlanningException) e;
                    assertThat(p.message(Locale.ENGLISH)).isEqualTo(
                            "setting plan.growth is a fraction, not a percentage: \"20\"; did you mean 0.20? (range [0, 1])");
                    assertThat(p.message(Locale.forLanguageTag("id"))).isEqualTo(
                            "nilai pengaturan plan.growth adalah pecahan, bukan persen: \"20\"; maksudnya 0.20? (rentang [0, 1])");
                });
        for (String[] pct : new String[][] {{"plan.quantile", "95", "0.95"}, {"plan.reserve", "12.5", "0.125"},
                {"plan.survivable_fraction", "60", "0.60"}, {"plan.target_utilization", "80", "0.80"}}) {
            assertThatThrownBy(() -> SettingOverrides.apply(Settings.DEFAULTS, Map.of(pct[0], pct[1])))
                    .satisfies(e -> assertThat(((PlanningException) e).message(Locale.ENGLISH))
                            .contains(pct[0]).contains("\"" + pct[1] + "\"").contains(pct[2] + "?"));
        }
        // above 100 it is no percentage either: just out of range
        assertThatThrownBy(() -> SettingOverrides.apply(Settings.DEFAULTS, Map.of("plan.growth", "150")))
                .satisfies(e -> assertThat(((PlanningException) e).message(Locale.ENGLISH))
                        .isEqualTo("invalid value for setting plan.growth: \"150\" (expected [0, 1])"));
    }

    @Test
    void fractionsTakeTheDecimalCommaAsTheCsvReaderDoes() throws PlanningException {
        Settings s = SettingOverrides.apply(Settings.DEFAULTS, Map.of("plan.quantile", "0,95", "plan.growth", "0,3"));
        assertThat(s.quantile()).isEqualTo(0.95);
        assertThat(s.growth()).isEqualTo(0.3);
        // growth of more than 100 % over the horizon is no longer a setting: it reads as a percentage typed by mistake
        assertThat(SettingOverrides.apply(Settings.DEFAULTS, Map.of("plan.growth", "1")).growth()).isEqualTo(1.0);
    }
}
