package id.padu.app.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;

/** Durations as people write them: {@code 60s}, {@code 5m}, {@code 1h}, {@code 7d}, or ISO {@code PT1H}. */
final class DurationText implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        Duration d = parse(value);
        if (d == null) {
            throw new CommandLine.TypeConversionException("invalid duration / durasi tidak sah: " + value
                    + " (60s, 5m, 1h, 7d)");
        }
        return d;
    }

    static Duration parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("p")) {
                Duration d = Duration.parse(v.toUpperCase(Locale.ROOT));
                return d.isNegative() || d.isZero() ? null : d;
            }
            int unitAt = 0;
            while (unitAt < v.length() && (Character.isDigit(v.charAt(unitAt)))) {
                unitAt++;
            }
            if (unitAt == 0) {
                return null;
            }
            long n = Long.parseLong(v.substring(0, unitAt));
            Duration d = switch (v.substring(unitAt)) {
                case "ms" -> Duration.ofMillis(n);
                case "", "s" -> Duration.ofSeconds(n);
                case "m", "min" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> null;
            };
            return d == null || d.isZero() ? null : d;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
