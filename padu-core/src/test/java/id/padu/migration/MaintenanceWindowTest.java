package id.padu.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.padu.domain.WindowText;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one reader of {@code migrate.windows}: what it takes, how it writes a window back, what it refuses. */
class MaintenanceWindowTest {

    @Test
    void englishAndIndonesianDaysInAnyCaseWithSpacesAroundTheDash() {
        assertThat(WindowText.read("sab 07:00 - 13:00").text()).isEqualTo("SAT 07:00-13:00");
        assertThat(WindowText.read("SEN 19:00-23:30").text()).isEqualTo("MON 19:00-23:30");
        assertThat(MaintenanceWindow.parseAll("SUN 07:00-11:00; sat 07:00 - 13:00")).containsExactly(
                new MaintenanceWindow(DayOfWeek.SATURDAY, LocalTime.of(7, 0), LocalTime.of(13, 0)),
                new MaintenanceWindow(DayOfWeek.SUNDAY, LocalTime.of(7, 0), LocalTime.of(11, 0)));
    }

    @Test
    void aWrongFormAndWrongHoursAreToldApart() {
        for (String form : List.of("SABTU 07:00-13:00", "SAT 7:00-13:00", "SAT07:00-13:00", "Saturday morning")) {
            assertThat(WindowText.read(form).fault()).as(form).isEqualTo(WindowText.Fault.FORM);
        }
        for (String hours : List.of("SAT 13:00-07:00", "SAT 07:00-07:00", "SAT 24:00-24:30", "SAT 07:60-13:00", "SAT 19:00-24:01")) {
            assertThat(WindowText.read(hours).fault()).as(hours).isEqualTo(WindowText.Fault.TIMES);
        }
        // settings.csv may end a window at midnight, written 24:00 ...
        assertThat(WindowText.read("SAT 19:00-24:00").fault()).isNull();
        // ... which the scheduler, counting in clock times, does not take.
        assertThatThrownBy(() -> MaintenanceWindow.parseAll("SAT 19:00-24:00"))
                .isInstanceOfSatisfying(MigrationInputException.class, e -> assertThat(e.message(LanguageTags.EN))
                        .isEqualTo("migrate.windows: cannot read the window \"SAT 19:00-24:00\"; the form is DAY HH:MM-HH:MM, e.g. SAT 07:00-13:00"));
    }
}
