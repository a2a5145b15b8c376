package id.padu.migration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One entry of an agency's migration log: who changed the status, when (UTC instant, shown
 * in WIB), to what, for which cutover date, and why.
 *
 * @param from         null for the first entry
 * @param cutoverDate  the agreed date after the change (null when none)
 */
public record StatusChange(MigrationStatus from, MigrationStatus to, Instant at, String by, String note,
                           LocalDate cutoverDate) {

    public StatusChange {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        note = note == null ? "" : note;
    }
}
