package id.padu.app.shared;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Durations as operators write them, the same in every option and setting ({@code padu collect
 * --step/--interval/--duration}, {@code padu shape counters --step}, {@code padu shape apply
 * --confirm-timeout}, {@code padu.measurement.retention.*}): a whole number with the unit
 * {@code s}, {@code m} (or {@code min}), {@code h} or {@code d}, also {@code ms}; a bare number is
 * seconds; ISO-8601 ({@code PT1H}, {@code P7D}) too. Case and surrounding blanks do not matter.
 * Only positive durations are durations here: none of these options means anything with zero.
 */
public final class DurationText {

    /** How the accepted forms are shown in an error message. */
    public static final String EXAMPLES = "60s, 5m, 1h, 7d";

    private DurationText() {
    }

    /** The positive duration {@code text} writes, or empty when it is none. */
    public static Optional<Duration> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String v = text.trim().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (v.startsWith("p")) {
                d = Duration.parse(v.toUpperCase(Locale.ROOT));
            } else {
                int unitAt = 0;
                while (unitAt < v.length() && v.charAt(unitAt) >= '0' && v.charAt(unitAt) <= '9') {
                    unitAt++;
                }
                if (unitAt == 0) {
                    return Optional.empty();
                }
                long n = Long.parseLong(v.substring(0, unitAt));
                d = switch (v.substring(unitAt)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "", "s" -> Duration.ofSeconds(n);
                    case "m", "min" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    case "d" -> Duration.ofDays(n);
                    default -> null;
                };
            }
            return d == null || d.isNegative() || d.isZero() ? Optional.empty() : Optional.of(d);
        } catch (RuntimeException e) { // not ISO-8601, or too long to be a Duration
            return Optional.empty();
        }
    }
}
