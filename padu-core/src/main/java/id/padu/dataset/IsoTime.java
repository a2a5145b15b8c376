package id.padu.dataset;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 times with an offset, parsed without allocation on the usage hot path
 * ({@code 2025-03-03T08:05:00+07:00}, {@code ...Z}, {@code ...T08:05+07:00}, zero fractions);
 * anything else falls back to {@link OffsetDateTime#parse}, which also explains the error.
 */
final class IsoTime {

    /** Returned when the fast path does not apply; the caller then uses {@link #parseSlow}. */
    static final long NOT_FAST = Long.MIN_VALUE;

    private int cachedYear = -1;
    private int cachedMonth;
    private int cachedDay;
    private long cachedEpochDay;

    /** Epoch second, or {@link #NOT_FAST}. */
    long parseFast(char[] c, int s, int e) {
        int len = e - s;
        if (len < 17 || c[s + 4] != '-' || c[s + 7] != '-' || c[s + 10] != 'T' || c[s + 13] != ':') {
            return NOT_FAST;
        }
        int year = digits(c, s, 4);
        int month = digits(c, s + 5, 2);
        int day = digits(c, s + 8, 2);
        int hour = digits(c, s + 11, 2);
        int minute = digits(c, s + 14, 2);
        if ((year | month | day | hour | minute) < 0 || hour > 23 || minute > 59) {
            return NOT_FAST;
        }
        int p = s + 16;
        int second = 0;
        if (p < e && c[p] == ':') {
            if (p + 3 > e) {
                return NOT_FAST;
            }
            second = digits(c, p + 1, 2);
            if (second < 0 || second > 59) {
                return NOT_FAST;
            }
            p += 3;
            if (p < e && c[p] == '.') {
                p++;
                int from = p;
                while (p < e && c[p] == '0') {
                    p++;
                }
                if (p == from || (p < e && c[p] >= '1' && c[p] <= '9')) {
                    return NOT_FAST; // a real fraction of a second: the slow path decides
                }
            }
        }
        int offsetSeconds;
        if (p == e - 1 && c[p] == 'Z') {
            offsetSeconds = 0;
        } else if (p == e - 6 && (c[p] == '+' || c[p] == '-') && c[p + 3] == ':') {
            int oh = digits(c, p + 1, 2);
            int om = digits(c, p + 4, 2);
            if (oh < 0 || om < 0 || oh > 18 || om > 59) {
                return NOT_FAST;
            }
            offsetSeconds = (oh * 3600 + om * 60) * (c[p] == '-' ? -1 : 1);
        } else {
            return NOT_FAST;
        }
        long epochDay;
        if (year == cachedYear && month == cachedMonth && day == cachedDay) {
            epochDay = cachedEpochDay;
        } else {
            try {
                epochDay = LocalDate.of(year, month, day).toEpochDay();
            } catch (DateTimeException ex) {
                return NOT_FAST;
            }
            cachedYear = year;
            cachedMonth = month;
            cachedDay = day;
            cachedEpochDay = epochDay;
        }
        return epochDay * 86400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    }

    private static int digits(char[] c, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int d = c[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** The slow path's answer: epoch second and nanos, or the key of the error. */
    record Parsed(long epochSecond, int nano, String errorKey) {
    }

    static Parsed parseSlow(String text) {
        try {
            OffsetDateTime t = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return new Parsed(t.toEpochSecond(), t.getNano(), null);
        } catch (DateTimeParseException e) {
            try {
                java.time.LocalDateTime.parse(text);
                return new Parsed(0, 0, "usage.time.noOffset");
            } catch (DateTimeParseException e2) {
                return new Parsed(0, 0, "usage.time.syntax");
            }
        }
    }
}
