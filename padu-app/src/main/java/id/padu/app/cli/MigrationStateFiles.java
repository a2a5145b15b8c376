package id.padu.app.cli;

import id.padu.app.shared.Json;

import id.padu.migration.MigrationInputException;
import id.padu.migration.MigrationState;
import id.padu.migration.MigrationStatus;
import id.padu.migration.Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a migration log, the tracked state that {@code padu migrate plan --state} replans from:
 * a JSON array of status changes in the order they happened,
 * <pre>
 * [ {"agency": "DLH", "status": "scheduled", "cutoverDate": "2026-06-06",
 *    "at": "2026-06-01T09:00:00+07:00", "by": "perencana", "note": ""},
 *   {"agency": "DLH", "status": "in_progress", "at": "2026-06-06T07:05:00+07:00", "by": "teknisi"},
 *   {"agency": "DLH", "status": "rolled_back", "at": "2026-06-06T10:40:00+07:00", "by": "teknisi",
 *    "note": "SIMPEG tidak terjangkau dari luar"} ]
 * </pre>
 * Each change is replayed through {@link MigrationState#record}, so the lifecycle rules hold.
 */
final class MigrationStateFiles {


    /** A log that cannot be used; the message names the file, the entry and the field. */
    static final class StateFileException extends Exception {
        private final transient Text text;
        private final String where;

        StateFileException(String where, Text text) {
            super(where + ": " + text.format(Locale.ENGLISH));
            this.where = where;
            this.text = text;
        }

        String message(Locale locale) {
            return where + ": " + text.format(locale);
        }
    }

    private MigrationStateFiles() {
    }

    static MigrationState read(Path file) throws StateFileException {
        String name = file.toString();
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new StateFileException(name, Text.of("state.missing"));
        } catch (IOException e) {
            throw unreadable(name, e);
        } catch (JacksonException e) {
            String at = e.getLocation() == null ? "" : e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            throw new StateFileException(name + (at.isEmpty() ? "" : ":" + at), Text.of("state.json", reason(e.getOriginalMessage(), e)));
        }
        if (root == null || !root.isArray()) {
            throw new StateFileException(name, Text.of("state.array"));
        }
        MigrationState state = MigrationState.empty();
        for (int i = 0; i < root.size(); i++) {
            JsonNode c = root.get(i);
            String where = name + " [" + i + "]";
            String agency = text(c, "agency", where, true);
            String statusText = text(c, "status", where, true);
            String atText = text(c, "at", where, true);
            String by = text(c, "by", where, true);
            String note = text(c, "note", where, false);
            String dateText = text(c, "cutoverDate", where, false);
            try {
                MigrationStatus status = MigrationStatus.fromCode(statusText);
                LocalDate date = dateText == null ? null : LocalDate.parse(dateText);
                state = state.record(agency, status, OffsetDateTime.parse(atText).toInstant(), by, note, date);
            } catch (DateTimeParseException e) {
                throw new StateFileException(where, Text.of("state.time", e.getParsedString()));
            } catch (MigrationInputException e) {
                throw new StateFileException(where, e.text());
            }
        }
        return state;
    }

    static StateFileException unreadable(String name, IOException e) {
        return new StateFileException(name, Text.of("state.unreadable", reason(e.getMessage(), e)));
    }

    /** Text arguments may not be null: an exception without a message is named by its class. */
    static String reason(String message, Exception e) {
        return message != null ? message : e.getClass().getName();
    }

    private static String text(JsonNode c, String field, String where, boolean required) throws StateFileException {
        JsonNode v = c == null ? null : c.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new StateFileException(where + "." + field, Text.of("state.field.missing"));
            }
            return null;
        }
        if (!v.isString()) {
            throw new StateFileException(where + "." + field, Text.of("state.field.text", v.toString()));
        }
        return v.asString();
    }
}
