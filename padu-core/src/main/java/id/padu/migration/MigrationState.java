package id.padu.migration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tracked state of a migration: one {@link AgencyMigration} per central agency.
 * Immutable: each {@link #record} returns a new state, so a server can store the log and a
 * test can replay it. Only the transitions of {@link MigrationStatus#next()} are allowed.
 */
public final class MigrationState {

    private final Map<String, AgencyMigration> agencies;

    private MigrationState(Map<String, AgencyMigration> agencies) {
        this.agencies = agencies;
    }

    public static MigrationState empty() {
        return new MigrationState(new LinkedHashMap<>());
    }

    /** Every cutover of the schedule becomes SCHEDULED on its date, logged as {@code by} at {@code at}. */
    public static MigrationState fromSchedule(MigrationSchedule schedule, Instant at, String by) {
        Map<String, AgencyMigration> m = new LinkedHashMap<>();
        for (Cutover c : schedule.cutovers()) {
            m.put(c.code(), new AgencyMigration(c.code(), MigrationStatus.SCHEDULED, c.date(),
                    List.of(new StatusChange(null, MigrationStatus.SCHEDULED, at, by, "", c.date()))));
        }
        return new MigrationState(m);
    }

    public Collection<AgencyMigration> agencies() {
        return agencies.values();
    }

    /** The agency's state; an untracked agency is PLANNED with no history. */
    public AgencyMigration of(String code) {
        AgencyMigration a = agencies.get(code);
        return a != null ? a : new AgencyMigration(code, MigrationStatus.PLANNED, null, List.of());
    }

    public MigrationState record(String code, MigrationStatus to, Instant at, String by, String note) {
        return record(code, to, at, by, note, null);
    }

    /**
     * Records a change. {@code cutoverDate} is the new agreed date for SCHEDULED (required
     * there); other statuses keep the current date.
     */
    public MigrationState record(String code, MigrationStatus to, Instant at, String by, String note,
                                 LocalDate cutoverDate) {
        Objects.requireNonNull(to, "to");
        AgencyMigration now = of(code);
        if (!now.status().next().contains(to)) {
            throw new MigrationInputException(Text.of("input.status.transition", code, now.status().label(), to.label()));
        }
        if (by == null || by.isBlank()) {
            throw new MigrationInputException(Text.of("input.status.who", code));
        }
        if (!now.history().isEmpty() && at.isBefore(now.history().get(now.history().size() - 1).at())) {
            throw new MigrationInputException(Text.of("input.status.time", code));
        }
        LocalDate date = switch (to) {
            case SCHEDULED -> {
                if (cutoverDate == null) {
                    throw new MigrationInputException(Text.of("input.status.date", code));
                }
                yield cutoverDate;
            }
            case PLANNED -> null;
            default -> now.cutoverDate();
        };
        List<StatusChange> history = new ArrayList<>(now.history());
        history.add(new StatusChange(now.status(), to, at, by, note, date));
        Map<String, AgencyMigration> m = new LinkedHashMap<>(agencies);
        m.put(code, new AgencyMigration(code, to, date, history));
        return new MigrationState(m);
    }

    /** Takes a replanned schedule's dates for the agencies that are not fixed. */
    public MigrationState accept(MigrationSchedule schedule, Instant at, String by) {
        MigrationState s = this;
        for (Cutover c : schedule.cutovers()) {
            AgencyMigration a = s.of(c.code());
            if (a.status().isFixed() || (a.status() == MigrationStatus.SCHEDULED && c.date().equals(a.cutoverDate()))) {
                continue;
            }
            s = s.record(c.code(), MigrationStatus.SCHEDULED, at, by, "replan", c.date());
        }
        return s;
    }
}
