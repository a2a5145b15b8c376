package id.padu.app.alerts;

import id.padu.alert.Alert;
import id.padu.domain.Wib;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One alert in the JSON contract of {@code padu alerts --format json} and {@code GET /api/alerts}:
 * {@code rule} (a rule code), {@code agency} (code or null), {@code direction} ({@code down},
 * {@code up} or null), {@code value} and {@code threshold} (plain numbers in the rule's unit),
 * {@code since} (ISO time with the WIB offset, or null), {@code message} (in the chosen language),
 * then {@code subject} (what the alert is about within the agency, e.g. the subscription; or null).
 * Scripts read this: a field added goes at the end.
 */
public record AlertJson(String rule, String agency, String direction, Number value, Number threshold, String since,
                        String message, String subject) {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    public static AlertJson of(Alert a, Locale l) {
        return new AlertJson(a.rule().code(), a.agency(),
                a.direction() == null ? null : a.direction().name().toLowerCase(Locale.ROOT), number(a.value()),
                number(a.threshold()), time(a.sinceEpochSecond()), a.message(l), a.subject());
    }

    /** An instant as ISO time with the WIB offset, e.g. {@code 2027-02-22T00:00:00+07:00}; null stays null. */
    public static String time(Long epochSecond) {
        return epochSecond == null ? null : ISO.format(Instant.ofEpochSecond(epochSecond).atZone(Wib.ZONE).toOffsetDateTime());
    }

    /** Whole values as integers (bit/s, Rupiah, days), others as they are (shares). */
    static Number number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 9e15) {
            return (long) v;
        }
        return Math.round(v * 1e6) / 1e6;
    }
}
