package id.padu.migration;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** The tracked state of one agency's move: its status, agreed date and the full log. */
public record AgencyMigration(String code, MigrationStatus status, LocalDate cutoverDate, List<StatusChange> history) {

    public AgencyMigration {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(status, "status");
        history = List.copyOf(history);
    }

    /** The last change into {@code status}, if any. */
    public StatusChange last(MigrationStatus s) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).to() == s) {
                return history.get(i);
            }
        }
        return null;
    }
}
