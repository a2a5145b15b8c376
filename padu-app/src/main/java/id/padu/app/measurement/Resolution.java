package id.padu.app.measurement;

import java.util.Locale;
import java.util.Optional;

/**
 * The resolutions measurements are kept at. Each packs the buckets of one period into one row:
 * the period is long enough that a row holds a useful range (an hour of minutes, six hours of
 * five-minute buckets, a day of hours) and short enough that the rows rewritten every minute stay
 * small (docs/measurement.md, docs/BENCHMARKS.md, "measurement rollup"). The periods are part of the stored format:
 * changing one needs a migration that re-packs the rows.
 */
public enum Resolution {
    MINUTE(60, 3_600, "1m"),
    FIVE_MINUTES(300, 21_600, "5m"),
    HOUR(3_600, 86_400, "1h");

    private final int seconds;
    private final int periodSeconds;
    private final String label;

    Resolution(int seconds, int periodSeconds, String label) {
        this.seconds = seconds;
        this.periodSeconds = periodSeconds;
        this.label = label;
    }

    /** Length of one bucket. */
    public int seconds() {
        return seconds;
    }

    /** Length of the period one stored row covers. */
    int periodSeconds() {
        return periodSeconds;
    }

    int bucketsPerPeriod() {
        return periodSeconds / seconds;
    }

    /** How the API writes it: {@code 1m}, {@code 5m}, {@code 1h}. */
    public String label() {
        return label;
    }

    long periodStartOf(long epochSecond) {
        return Math.floorDiv(epochSecond, (long) periodSeconds) * periodSeconds;
    }

    static Optional<Resolution> ofLabel(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Resolution r : values()) {
            if (r.label.equals(t)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    static Resolution ofSeconds(int seconds) {
        for (Resolution r : values()) {
            if (r.seconds == seconds) {
                return r;
            }
        }
        throw new IllegalArgumentException("no resolution of " + seconds + " s");
    }
}
