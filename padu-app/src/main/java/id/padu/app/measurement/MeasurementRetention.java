package id.padu.app.measurement;

import id.padu.app.shared.DurationText;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long each resolution is kept; absent means kept forever.
 *
 * @param minute     one-minute buckets, default 14 days
 * @param fiveMinute five-minute buckets, default 365 days
 * @param hour       hourly buckets, default kept forever
 */
record MeasurementRetention(Duration minute, Duration fiveMinute, Duration hour) {

    static final MeasurementRetention DEFAULTS = new MeasurementRetention(Duration.ofDays(14), Duration.ofDays(365), null);

    MeasurementRetention {
        for (Duration d : new Duration[] {minute, fiveMinute, hour}) {
            if (d != null && (d.isNegative() || d.isZero())) {
                throw new IllegalArgumentException("padu.measurement.retention: a retention must be positive, or empty to keep forever: " + d);
            }
        }
    }

    /** How long {@code r} is kept; empty: forever. */
    Optional<Duration> of(Resolution r) {
        return Optional.ofNullable(switch (r) {
            case MINUTE -> minute;
            case FIVE_MINUTES -> fiveMinute;
            case HOUR -> hour;
        });
    }

    /**
     * {@code padu.measurement.retention.*} as written ({@code 14d}, {@code 36h}, {@code P365D}: {@link DurationText});
     * bound as text because an empty value must mean "forever", not "the default".
     */
    @ConfigurationProperties("padu.measurement.retention")
    record Properties(@DefaultValue("14d") String minute, @DefaultValue("365d") String fiveMinute, String hour) {

        MeasurementRetention retention() {
            return new MeasurementRetention(parse("minute", minute), parse("five-minute", fiveMinute), parse("hour", hour));
        }

        private static Duration parse(String key, String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            return DurationText.parse(text).orElseThrow(() -> new IllegalArgumentException("padu.measurement.retention." + key
                    + ": expected a duration such as 14d, 36h or P365D, or empty to keep forever: " + text));
        }
    }
}
