package id.padu.app.migration;

import id.padu.domain.Wib;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The schedule as an iCalendar file (RFC 5545): one VEVENT per cutover with a date, in its
 * window, times in UTC (no VTIMEZONE needed; calendars show them in local time, WIB in the
 * regency). UIDs are stable per migration and agency (not tied to the host name the file was
 * fetched from), so importing a replanned file again
 * moves the events instead of duplicating them; SEQUENCE counts the agency's changes.
 * No iCalendar library is available to the build, and the subset needed is small: content
 * lines, escaping of TEXT values, folding at 75 octets, CRLF.
 */
final class ScheduleIcs {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** What an event says, in the user's language. */
    record Labels(Function<TrackedCutover, String> summary, Function<TrackedCutover, String> description) {
    }

    private ScheduleIcs() {
    }

    static byte[] write(long migrationId, List<TrackedCutover> cutovers, Map<String, Integer> changes, Labels labels,
                        Instant stamp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Padu//Migration schedule//ID");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        for (TrackedCutover c : cutovers) {
            if (c.date() == null) {
                continue;
            }
            LocalTime start = LocalTime.of(7, 0);
            LocalTime end = LocalTime.of(13, 0);
            if (c.window() != null && c.window().length() >= 15) {
                // "SAT 07:00-13:00"
                start = LocalTime.parse(c.window().substring(4, 9));
                end = LocalTime.parse(c.window().substring(10, 15));
            }
            line(out, "BEGIN:VEVENT");
            line(out, "UID:migration-" + migrationId + "-" + c.code().toLowerCase(java.util.Locale.ROOT) + "@padu");
            line(out, "DTSTAMP:" + UTC.format(stamp));
            line(out, "SEQUENCE:" + Math.max(0, changes.getOrDefault(c.code(), 1) - 1));
            line(out, "DTSTART:" + UTC.format(wib(c.date(), start)));
            line(out, "DTEND:" + UTC.format(wib(c.date(), end)));
            line(out, "SUMMARY:" + text(labels.summary().apply(c)));
            line(out, "DESCRIPTION:" + text(labels.description().apply(c)));
            line(out, "STATUS:" + switch (c.status()) {
                case ROLLED_BACK -> "CANCELLED";
                case PLANNED -> "TENTATIVE";
                default -> "CONFIRMED";
            });
            line(out, "CATEGORIES:" + text(c.status().code()));
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toByteArray();
    }

    private static Instant wib(LocalDate d, LocalTime t) {
        return d.atTime(t).atZone(Wib.ZONE).toInstant();
    }

    /** TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma, newline. */
    static String text(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case ';' -> b.append("\\;");
                case ',' -> b.append("\\,");
                case '\n' -> b.append("\\n");
                case '\r' -> { }
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    /**
     * Writes one content line folded so that no physical line exceeds 75 octets (the CRLF not
     * counted), never splitting a UTF-8 sequence; continuation lines start with one space.
     */
    static void line(ByteArrayOutputStream out, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        int lineLen = 0;
        int i = 0;
        while (i < bytes.length) {
            int len = seqLength(bytes[i]);
            if (lineLen + len > 75) {
                out.write('\r');
                out.write('\n');
                out.write(' ');
                lineLen = 1;
            }
            out.write(bytes, i, Math.min(len, bytes.length - i));
            lineLen += len;
            i += len;
        }
        out.write('\r');
        out.write('\n');
    }

    private static int seqLength(byte lead) {
        int b = lead & 0xFF;
        if (b < 0x80) {
            return 1;
        }
        if (b >= 0xF0) {
            return 4;
        }
        if (b >= 0xE0) {
            return 3;
        }
        return 2;
    }
}
