package id.padu.migration;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.domain.Settings;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every date comes with a reason a person can read, in Bahasa Indonesia and English. */
class ReasonTextTest {

    static final LocalDate MON = LocalDate.of(2026, 6, 1);

    @Test
    void waitingForTheContractEndNamesTheDateAndTheSaving() {
        // Rp 3.650.000 a month is Rp 120.000 a day; the first window is Tue 2026-06-02, the
        // contract ends Tue 2026-06-30: waiting 28 days costs Rp 3.360.000 against a Rp 12.000.000 penalty.
        Fixture f = new Fixture(MON, MON);
        f.windows = "TUE 19:00-23:00";
        f.agency("DISKOMINFO", 3_650_000, LocalDate.of(2026, 6, 30), 12_000_000);
        Cutover c = f.schedule().cutover("DISKOMINFO").orElseThrow();
        assertThat(c.date()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(c.reason(LanguageTags.ID)).startsWith("menunggu kontrak berakhir 2026-06-30: hemat Rp 8.640.000 dibanding denda");
        assertThat(c.reason(LanguageTags.EN)).startsWith("waits for the contract to end on 2026-06-30: saves Rp 8,640,000 against the penalty");
    }

    @Test
    void aSmallPenaltyIsPaidWhenWaitingCostsMore() {
        Fixture f = new Fixture(MON, MON);
        f.windows = "TUE 19:00-23:00";
        f.agency("BKAD", 3_650_000, LocalDate.of(2026, 8, 31), 1_000_000);
        Cutover c = f.schedule().cutover("BKAD").orElseThrow();
        assertThat(c.date()).isEqualTo(LocalDate.of(2026, 6, 2));
        assertThat(c.penaltyIdr()).isEqualTo(1_000_000);
        // 2026-06-01 .. 2026-08-31 is 91 days of Rp 120.000.
        assertThat(c.reason(LanguageTags.ID)).startsWith("denda Rp 1.000.000 lebih murah daripada bayar ganda Rp 10.920.000 bila menunggu kontrak berakhir 2026-08-31");
        assertThat(c.reason(LanguageTags.EN)).startsWith("the penalty of Rp 1,000,000 is cheaper than paying twice Rp 10,920,000");
    }

    @Test
    void aFullWeekACriticalServiceAndABlackoutAreNamed() {
        Fixture f = new Fixture(MON, MON);
        f.perWeek = 1;
        f.windows = "SAT 07:00-13:00";
        f.agency("A", 1_000_000, LocalDate.of(2026, 6, 13), 40_000_000);
        f.agency("B", 1_000_000, LocalDate.of(2026, 6, 13), 40_000_000);
        f.agency("RSUD", 2_000_000, LocalDate.of(2026, 6, 20), 90_000_000).critical("RSUD");
        f.blackouts = List.of(new Settings.DateRange(LocalDate.of(2026, 6, 19), LocalDate.of(2026, 6, 21)));
        MigrationSchedule s = f.schedule();
        List<String> id = s.cutovers().stream().map(c -> c.code() + ": " + c.reason(LanguageTags.ID)).toList();
        List<String> en = s.cutovers().stream().map(c -> c.code() + ": " + c.reason(LanguageTags.EN)).toList();
        assertThat(String.join("\n", id))
                .contains("gelombang percontohan: tanpa layanan kritis")
                .contains("sudah penuh (1 cutover per minggu)")
                .contains("menampung layanan kritis (SIM-RSUD)")
                .contains("2026-06-20 jatuh pada masa larangan 2026-06-19..2026-06-21");
        assertThat(String.join("\n", en))
                .contains("pilot wave: no critical service")
                .contains("is full (quota: 1 per week)")
                .contains("hosts critical services (SIM-RSUD)")
                .contains("2026-06-20 falls in the blackout 2026-06-19..2026-06-21");
    }

    @Test
    void badSettingsAreNamedWithTheirValue() {
        Fixture f = new Fixture(MON, MON);
        f.windows = "SABTU 07:00-13:00";
        f.agency("A", 1_000_000, null, 0);
        try {
            f.schedule();
            throw new AssertionError("accepted a bad window");
        } catch (MigrationInputException e) {
            assertThat(e.message(LanguageTags.ID)).contains("migrate.windows").contains("SABTU 07:00-13:00");
            assertThat(e.message(LanguageTags.EN)).contains("cannot read the window \"SABTU 07:00-13:00\"");
        }
        assertThat(MaintenanceWindow.parseAll("SAT 07:00-13:00; sun 07:00-13:00 ;WED 20:00-23:30"))
                .extracting(MaintenanceWindow::toString)
                .containsExactly("WED 20:00-23:30", "SAT 07:00-13:00", "SUN 07:00-13:00");
        assertThat(Blackouts.parse("2027-03-08..2027-03-12; 2027-12-20..2027-12-31"))
                .containsExactly(new Settings.DateRange(LocalDate.of(2027, 3, 8), LocalDate.of(2027, 3, 12)),
                        new Settings.DateRange(LocalDate.of(2027, 12, 20), LocalDate.of(2027, 12, 31)));
        try {
            Blackouts.parse("2027-03-12..2027-03-08");
            throw new AssertionError("accepted a reversed period");
        } catch (MigrationInputException e) {
            assertThat(e.message(LanguageTags.ID)).contains("migrate.blackouts").contains("2027-03-12..2027-03-08");
        }
    }
}
