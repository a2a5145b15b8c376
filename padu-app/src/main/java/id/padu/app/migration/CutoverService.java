package id.padu.app.migration;

import id.padu.app.audit.AuditableChange;
import id.padu.domain.Wib;
import org.springframework.context.ApplicationEventPublisher;

import id.padu.app.planning.PlanFiles;
import id.padu.app.inventory.InventoryService;
import id.padu.domain.Dataset;
import id.padu.migration.AgencyMigration;
import id.padu.migration.Cutover;
import id.padu.migration.MaintenanceWindow;
import id.padu.migration.MigrationInputException;
import id.padu.migration.MigrationSchedule;
import id.padu.migration.MigrationScheduler;
import id.padu.migration.MigrationState;
import id.padu.migration.MigrationStatus;
import id.padu.migration.Runbook;
import id.padu.migration.RunbookGenerator;
import id.padu.migration.StatusChange;
import id.padu.migration.Text;
import id.padu.plan.Plan;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tracked migration: made from a plan with {@link MigrationScheduler}, its statuses changed
 * only through {@link MigrationState#record} (the core's lifecycle), every change appended to
 * the history, and replanned with {@link MigrationScheduler#replan}. The state is rebuilt by
 * replaying the stored history, so the database holds the log, not a second copy of the rules.
 */
@Service
class CutoverService {

    static final Locale ID = Locale.forLanguageTag("id");

    /** A change a person asked for that the rules refuse; the message is in the user's language. */
    static final class Refused extends RuntimeException {
        /** A message of the core's bundle, or null when {@link #appKey} is one of the app's. */
        final Text text;
        final String appKey;
        final Object[] args;

        Refused(Text text) {
            super(text.format(Locale.ENGLISH));
            this.text = text;
            this.appKey = null;
            this.args = new Object[0];
        }

        Refused(String appKey, Object... args) {
            super(appKey);
            this.text = null;
            this.appKey = appKey;
            this.args = args;
        }

        String message(org.springframework.context.MessageSource messages, Locale locale) {
            return text != null ? text.format(locale) : messages.getMessage(appKey, args, locale);
        }
    }

    /** A date a replan moved, with the reason for the new one. */
    record Moved(String code, String name, LocalDate from, LocalDate to, String reasonId, String reasonEn) {
        String reason(Locale locale) {
            return "en".equals(locale.getLanguage()) ? reasonEn : reasonId;
        }
    }

    private final CutoverRepository repo;
    private final InventoryService inventory;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    /** A {@link Clock} bean, when there is one, says when changes happen (tests replay a cutover day). */
    CutoverService(CutoverRepository repo, InventoryService inventory, TransactionTemplate tx,
                   ObjectProvider<Clock> clock, ApplicationEventPublisher events) {
        this.events = events;
        this.repo = repo;
        this.inventory = inventory;
        this.tx = tx;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Wib.ZONE);
    }

    Optional<TrackedMigration> current() {
        return repo.latest();
    }

    List<TrackedCutover> cutovers(TrackedMigration m) {
        return repo.cutovers(m.id());
    }

    List<HistoryEntry> history(TrackedMigration m) {
        return repo.history(m.id());
    }

    Plan plan(TrackedMigration m) {
        try {
            return PlanFiles.read(new ByteArrayInputStream(repo.planJson(m.id())), "plan.json");
        } catch (PlanFiles.PlanFileException e) {
            // Stored by this service after reading it once: unreadable now means a broken database.
            throw new IllegalStateException("stored plan of migration " + m.id() + " unreadable: " + e.getMessage(), e);
        }
    }

    /** Schedules the plan on the current inventory and starts tracking it (a new migration). */
    synchronized TrackedMigration start(Plan plan, byte[] planJson, String source, String by) {
        Dataset dataset = inventory.current();
        MigrationSchedule schedule;
        try {
            schedule = new MigrationScheduler(dataset, plan).schedule();
        } catch (MigrationInputException e) {
            throw new Refused(e.text());
        }
        Instant now = clock.instant();
        MigrationState state = MigrationState.fromSchedule(schedule, now, by);
        return tx.execute(t -> {
            long id = repo.insertMigration(now, by, source, planJson, schedule.optimal(), schedule.totalCostIdr());
            events.publishEvent(new AuditableChange("migration.start", "migration", Long.toString(id), null,
                    Map.of("source", source, "cutovers", schedule.cutovers().size(), "optimal", schedule.optimal())));
            int pos = 0;
            for (Cutover c : schedule.cutovers()) {
                repo.upsertCutover(id, row(c, pos++, MigrationStatus.SCHEDULED));
                for (StatusChange h : state.of(c.code()).history()) {
                    repo.appendHistory(id, c.code(), h);
                }
            }
            return repo.latest().orElseThrow();
        });
    }

    /** The core's state, replayed from the stored log (which only ever held accepted changes). */
    MigrationState state(TrackedMigration m) {
        MigrationState s = MigrationState.empty();
        for (HistoryEntry e : repo.history(m.id())) {
            StatusChange c = e.change();
            s = s.record(e.code(), c.to(), c.at(), c.by(), c.note(), c.cutoverDate());
        }
        return s;
    }

    /**
     * Records a status change. A rollback needs a note (its cause); a new date is needed for
     * scheduled; anything else the core's lifecycle refuses is refused with its message.
     */
    synchronized StatusChange change(TrackedMigration m, String code, MigrationStatus to, String note, LocalDate date,
                                     String by) {
        TrackedCutover row = repo.cutovers(m.id()).stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new Refused(Text.of("input.plan.unknown", code)));
        String n = note == null ? "" : note.strip();
        if (to == MigrationStatus.ROLLED_BACK && n.isEmpty()) {
            throw new Refused("mig.error.rollbackNote", code);
        }
        MigrationState before = state(m);
        MigrationState after;
        try {
            after = before.record(code, to, clock.instant(), by, n,
                    to == MigrationStatus.SCHEDULED ? (date != null ? date : row.date()) : null);
        } catch (MigrationInputException e) {
            throw new Refused(e.text());
        }
        AgencyMigration a = after.of(code);
        StatusChange last = a.history().get(a.history().size() - 1);
        tx.executeWithoutResult(t -> {
            repo.appendHistory(m.id(), code, last);
            repo.updateStatus(m.id(), code, to, a.cutoverDate());
            events.publishEvent(new AuditableChange("migration.status", "cutover", m.id() + "/" + code,
                    statusView(row.status(), row.date(), null), statusView(to, a.cutoverDate(), n)));
            if (to == MigrationStatus.SCHEDULED && a.cutoverDate() != null) {
                String w = windowOn(a.cutoverDate());
                if (w != null && !w.equals(row.window())) {
                    repo.upsertCutover(m.id(), new TrackedCutover(row.code(), row.name(), row.position(), a.cutoverDate(), w,
                            row.critical(), row.pilot(), to, row.penaltyIdr(), row.paidTwiceIdr(), row.reasonId(), row.reasonEn()));
                }
            }
        });
        return last;
    }

    /**
     * Schedules again from the tracked state as of today (WIB): done, verified and in-progress
     * agencies keep their dates; the others get new windows with reasons. Returns what moved.
     */
    synchronized List<Moved> replan(TrackedMigration m, String by) {
        Dataset dataset = inventory.current();
        Plan plan = plan(m);
        MigrationState before = state(m);
        Instant now = clock.instant();
        MigrationSchedule schedule;
        MigrationState after;
        try {
            schedule = new MigrationScheduler(dataset, plan).replan(before, LocalDate.ofInstant(now, Wib.ZONE));
            after = before.accept(schedule, now, by);
        } catch (MigrationInputException e) {
            throw new Refused(e.text());
        }
        Map<String, TrackedCutover> old = new LinkedHashMap<>();
        for (TrackedCutover c : repo.cutovers(m.id())) {
            old.put(c.code(), c);
        }
        List<Moved> moved = new ArrayList<>();
        tx.executeWithoutResult(t -> {
            int pos = 0;
            for (Cutover c : schedule.cutovers()) {
                AgencyMigration a = after.of(c.code());
                List<StatusChange> h = a.history();
                for (int i = before.of(c.code()).history().size(); i < h.size(); i++) {
                    repo.appendHistory(m.id(), c.code(), h.get(i));
                }
                TrackedCutover was = old.get(c.code());
                TrackedCutover now2 = row(c, pos++, a.status());
                repo.upsertCutover(m.id(), now2);
                if (was == null || was.date() == null || !was.date().equals(c.date())) {
                    moved.add(new Moved(c.code(), c.name(), was == null ? null : was.date(), c.date(),
                            now2.reasonId(), now2.reasonEn()));
                }
            }
            repo.replanned(m.id(), now, schedule.optimal(), schedule.totalCostIdr());
            events.publishEvent(new AuditableChange("migration.replan", "migration", Long.toString(m.id()),
                    null, moved.stream().map(x -> Map.of("code", x.code(), "from", String.valueOf(x.from()),
                            "to", String.valueOf(x.to()))).toList()));
        });
        return moved;
    }

    /** The agency's runbook for its agreed date, from the current inventory and the plan. */
    Runbook runbook(TrackedMigration m, TrackedCutover c) {
        MaintenanceWindow w = c.window() == null ? null : MaintenanceWindow.parseAll(c.window()).get(0);
        Cutover cut = new Cutover(c.code(), c.name(), c.date(), w, c.critical(), List.of(), c.pilot(), c.status(),
                c.penaltyIdr(), c.paidTwiceIdr(), List.of());
        try {
            return RunbookGenerator.of(inventory.current(), plan(m), cut);
        } catch (MigrationInputException e) {
            throw new Refused(e.text());
        }
    }

    Set<String> ticks(TrackedMigration m, String code) {
        return repo.ticks(m.id(), code);
    }

    /** Stores which checklist items are ticked now (only the items that changed are touched). */
    synchronized void saveTicks(TrackedMigration m, String code, Set<String> known, Set<String> ticked, String by) {
        Set<String> before = repo.ticks(m.id(), code);
        Instant now = clock.instant();
        tx.executeWithoutResult(t -> {
            for (String item : known) {
                boolean on = ticked.contains(item);
                if (on != before.contains(item)) {
                    repo.tick(m.id(), code, item, on, by, now);
                    events.publishEvent(new AuditableChange("migration.checklist", "cutover", m.id() + "/" + code,
                            Map.of("item", item, "ticked", !on), Map.of("item", item, "ticked", on)));
                }
            }
        });
    }

    /** What the audit log records of a cutover's status: status, date and the note of the change. */
    private static Map<String, String> statusView(MigrationStatus status, LocalDate date, String note) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("status", String.valueOf(status));
        v.put("date", String.valueOf(date));
        if (note != null && !note.isEmpty()) {
            v.put("note", note);
        }
        return v;
    }

    /** First day the dataset's uplinks are paid: the Gantt's waiting bars start there. */
    LocalDate waitingFrom(TrackedMigration m) {
        var s = inventory.current().settings();
        LocalDate d = s.migrateUplinkReadyDate() != null ? s.migrateUplinkReadyDate() : s.planStartDate();
        return d != null ? d : LocalDate.ofInstant(m.createdAt(), Wib.ZONE);
    }

    private String windowOn(LocalDate date) {
        try {
            return MaintenanceWindow.parseAll(inventory.current().settings().migrateWindows()).stream()
                    .filter(w -> w.day() == date.getDayOfWeek()).findFirst().map(MaintenanceWindow::toString).orElse(null);
        } catch (MigrationInputException e) {
            return null;
        }
    }

    private static TrackedCutover row(Cutover c, int pos, MigrationStatus status) {
        return new TrackedCutover(c.code(), c.name() == null ? c.code() : c.name(), pos, c.date(),
                c.window() == null ? null : c.window().toString(), c.critical(), c.pilot(), status,
                c.penaltyIdr(), c.paidTwiceIdr(), c.reason(ID), c.reason(Locale.ENGLISH));
    }
}
