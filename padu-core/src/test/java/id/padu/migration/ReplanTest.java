package id.padu.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.padu.domain.Wib;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tracking a migration and replanning from where it stands. */
class ReplanTest {

    static final LocalDate MON = LocalDate.of(2026, 6, 1);

    static Instant at(LocalDate d, int hour) {
        return d.atTime(hour, 0).atZone(Wib.ZONE).toInstant();
    }

    /** Two low-risk agencies and two with critical services; one cutover a week, Saturdays. */
    static Fixture fixture() {
        Fixture f = new Fixture(MON, MON);
        f.perWeek = 1;
        f.agency("DISDIK", 1_000_000, null, 0);
        f.agency("DLH", 1_200_000, null, 0);
        f.agency("DISDUKCAPIL", 2_000_000, null, 0).critical("DISDUKCAPIL");
        f.agency("RSUD", 3_000_000, null, 0).critical("RSUD");
        return f;
    }

    @Test
    void afterTheRollbackOfThePilotItIsRetriedLaterAndCriticalAgenciesStillWaitForASuccessfulPilot() {
        Fixture f = fixture();
        MigrationScheduler scheduler = new MigrationScheduler(f.dataset(), f.plan());
        MigrationSchedule first = scheduler.schedule();
        Cutover pilot = first.waves().get(0).cutovers().get(0);
        assertThat(pilot.critical()).isFalse();

        LocalDate day = pilot.date();
        MigrationState state = MigrationState.fromSchedule(first, at(MON, 9), "perencana")
                .record(pilot.code(), MigrationStatus.IN_PROGRESS, at(day, 7), "teknisi", "mulai")
                .record(pilot.code(), MigrationStatus.ROLLED_BACK, at(day, 11), "teknisi", "SIMPEG tidak terjangkau dari luar");

        MigrationSchedule again = scheduler.replan(state, day);
        Cutover retried = again.cutover(pilot.code()).orElseThrow();
        assertThat(retried.date()).isAfterOrEqualTo(day.plusDays(7));
        assertThat(retried.reason(LanguageTags.ID)).contains("dijadwalkan ulang setelah rollback pada " + day);
        assertThat(retried.reason(LanguageTags.EN)).contains("rescheduled after the rollback on " + day);
        assertThat(again.cutovers()).allMatch(c -> c.date().isAfter(day));
        // Nothing is migrated yet: the critical agencies come after the new first wave.
        LocalDate newPilotWeek = again.waves().get(0).week();
        assertThat(again.waves().get(0).cutovers()).noneMatch(Cutover::critical);
        assertThat(again.cutovers()).filteredOn(Cutover::critical)
                .allMatch(c -> MigrationScheduler.monday(c.date()).isAfter(newPilotWeek));
        Map<LocalDate, Integer> perWeek = new HashMap<>();
        again.cutovers().forEach(c -> perWeek.merge(MigrationScheduler.monday(c.date()), 1, Integer::sum));
        assertThat(perWeek.values()).allMatch(n -> n <= 1);
    }

    @Test
    void replanningKeepsWhatIsDoneAndInProgressAndMovesASlippedCutover() {
        Fixture f = fixture();
        MigrationScheduler scheduler = new MigrationScheduler(f.dataset(), f.plan());
        MigrationSchedule first = scheduler.schedule();
        Cutover c1 = first.cutovers().get(0);
        Cutover c2 = first.cutovers().get(1);
        Cutover c3 = first.cutovers().get(2);
        Cutover c4 = first.cutovers().get(3);
        // c1 done, c2 under way on its day, c3 and c4 still scheduled.
        MigrationState state = MigrationState.fromSchedule(first, at(MON, 9), "perencana")
                .record(c1.code(), MigrationStatus.IN_PROGRESS, at(c1.date(), 7), "teknisi", "")
                .record(c1.code(), MigrationStatus.VERIFIED, at(c1.date(), 10), "teknisi", "semua layanan terjangkau")
                .record(c1.code(), MigrationStatus.DONE, at(c1.date().plusDays(3), 9), "kepala bidang", "BA ditandatangani")
                .record(c2.code(), MigrationStatus.IN_PROGRESS, at(c2.date(), 7), "teknisi", "");
        LocalDate asOf = c2.date();
        MigrationSchedule again = scheduler.replan(state, asOf);

        assertThat(again.cutover(c1.code()).orElseThrow().date()).isEqualTo(c1.date());
        assertThat(again.cutover(c1.code()).orElseThrow().status()).isEqualTo(MigrationStatus.DONE);
        assertThat(again.cutover(c2.code()).orElseThrow().date()).isEqualTo(c2.date());
        assertThat(again.cutover(c2.code()).orElseThrow().status()).isEqualTo(MigrationStatus.IN_PROGRESS);
        // c2's week is used up by c2 itself: nobody else goes there (one per week).
        assertThat(again.cutovers()).filteredOn(c -> !c.code().equals(c2.code()))
                .allMatch(c -> !MigrationScheduler.monday(c.date()).equals(MigrationScheduler.monday(c2.date())));
        assertThat(again.cutover(c3.code()).orElseThrow().date()).isAfter(asOf);
        assertThat(again.cutover(c4.code()).orElseThrow().date()).isAfter(asOf);

        // A cutover whose day passed without starting slips.
        LocalDate late = c3.date().plusDays(1);
        MigrationState later = state.record(c2.code(), MigrationStatus.VERIFIED, at(c2.date(), 11), "teknisi", "");
        MigrationSchedule third = scheduler.replan(later, late);
        Cutover slipped = third.cutover(c3.code()).orElseThrow();
        assertThat(slipped.date()).isAfter(late);
        assertThat(slipped.reason(LanguageTags.ID)).contains("tertunda dari " + c3.date());
        assertThat(slipped.reason(LanguageTags.EN)).contains("slipped from " + c3.date());
    }

    @Test
    void statusChangesFollowTheLifecycleAndKeepWhoAndWhen() {
        MigrationState s = MigrationState.empty()
                .record("DLH", MigrationStatus.SCHEDULED, at(MON, 8), "perencana", "disepakati", MON.plusDays(5))
                .record("DLH", MigrationStatus.IN_PROGRESS, at(MON.plusDays(5), 7), "teknisi", null);
        AgencyMigration a = s.of("DLH");
        assertThat(a.status()).isEqualTo(MigrationStatus.IN_PROGRESS);
        assertThat(a.cutoverDate()).isEqualTo(MON.plusDays(5));
        assertThat(a.history()).extracting(StatusChange::by).containsExactly("perencana", "teknisi");
        assertThat(a.history().get(0).at()).isEqualTo(at(MON, 8));
        assertThatThrownBy(() -> s.record("DLH", MigrationStatus.DONE, at(MON.plusDays(5), 9), "teknisi", ""))
                .isInstanceOf(MigrationInputException.class)
                .satisfies(e -> assertThat(((MigrationInputException) e).message(LanguageTags.ID))
                        .contains("DLH").contains("sedang berjalan").contains("selesai"));
        assertThatThrownBy(() -> s.record("DLH", MigrationStatus.VERIFIED, at(MON.plusDays(5), 9), " ", ""))
                .isInstanceOf(MigrationInputException.class);
        assertThatThrownBy(() -> s.record("DLH", MigrationStatus.VERIFIED, at(MON, 6), "teknisi", ""))
                .isInstanceOf(MigrationInputException.class);
        assertThat(s.of("DINSOS").status()).isEqualTo(MigrationStatus.PLANNED);
    }

    @Test
    void acceptingAReplanLogsTheNewDatesAndLeavesKeptOnesAlone() {
        Fixture f = fixture();
        MigrationScheduler scheduler = new MigrationScheduler(f.dataset(), f.plan());
        MigrationSchedule first = scheduler.schedule();
        Cutover pilot = first.cutovers().get(0);
        MigrationState state = MigrationState.fromSchedule(first, at(MON, 9), "perencana")
                .record(pilot.code(), MigrationStatus.IN_PROGRESS, at(pilot.date(), 7), "teknisi", "")
                .record(pilot.code(), MigrationStatus.ROLLED_BACK, at(pilot.date(), 12), "teknisi", "tidak ada trafik");
        MigrationSchedule again = scheduler.replan(state, pilot.date());
        MigrationState accepted = state.accept(again, at(pilot.date().plusDays(1), 8), "perencana");
        for (Cutover c : again.cutovers()) {
            AgencyMigration a = accepted.of(c.code());
            assertThat(a.status()).isEqualTo(MigrationStatus.SCHEDULED);
            assertThat(a.cutoverDate()).isEqualTo(c.date());
        }
        AgencyMigration p = accepted.of(pilot.code());
        assertThat(p.history()).extracting(StatusChange::to).containsExactly(MigrationStatus.SCHEDULED,
                MigrationStatus.IN_PROGRESS, MigrationStatus.ROLLED_BACK, MigrationStatus.SCHEDULED);
        assertThat(p.history().get(3).note()).isEqualTo("replan");
    }
}
