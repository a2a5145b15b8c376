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
}
