package id.padu.app.measurement;

import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long each resolution is kept ({@code padu.measurement.retention.*}); an empty value keeps
 * that resolution forever.
 *
 * @param minute     one-minute buckets, default 14 days
 * @param fiveMinute five-minute buckets, default 365 days
 * @param hour       hourly buckets, default kept forever
 */
@ConfigurationProperties("padu.measurement.retention")
record MeasurementRetention(@DefaultValue("14d") Duration minute,
                            @DefaultValue("365d") Duration fiveMinute,
                            Duration hour) {

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
}
