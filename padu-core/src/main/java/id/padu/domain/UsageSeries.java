package id.padu.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Measured traffic of one agency on a regular time grid: sample {@code i} is the average rate
 * over {@code [start + i*step, start + (i+1)*step)}. Down is toward the agency.
 *
 * <p>Primitive arrays, because a year of 5-minute samples is 105,120 values per direction and
 * a province has a thousand agencies. A step with no measurement holds {@link #MISSING}; the
 * dataset never writes it as zero, and analysis treats it as absent (or as 0 in an aggregate,
 * as the format defines). The arrays are owned by this object: callers must not modify them.
 */
public record UsageSeries(String agency, long startEpochSecond, int stepSeconds, long[] downBps, long[] upBps) {

    /** Marks a step without a measurement. */
    public static final long MISSING = -1L;

    public UsageSeries {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(downBps, "downBps");
        Objects.requireNonNull(upBps, "upBps");
        if (stepSeconds <= 0) {
            throw new IllegalArgumentException("step must be positive: " + stepSeconds);
        }
        if (downBps.length != upBps.length) {
            throw new IllegalArgumentException("down and up differ in length");
        }
    }

    public int size() {
        return downBps.length;
    }

    public Instant start() {
        return Instant.ofEpochSecond(startEpochSecond);
    }

    /** End of the last interval (exclusive). */
    public Instant end() {
        return Instant.ofEpochSecond(startEpochSecond + (long) stepSeconds * size());
    }

    public long timeOf(int index) {
        return startEpochSecond + (long) stepSeconds * index;
    }

    /** Number of steps that hold a measurement. */
    public int measuredCount() {
        int n = 0;
        for (long v : downBps) {
            if (v != MISSING) {
                n++;
            }
        }
        return n;
    }

    public long[] series(Direction direction) {
        return direction == Direction.DOWN ? downBps : upBps;
    }

    /** Equal when agency, grid and every sample are (a record would compare the arrays by identity). */
    @Override
    public boolean equals(Object o) {
        return o instanceof UsageSeries s && s.agency.equals(agency) && s.startEpochSecond == startEpochSecond
                && s.stepSeconds == stepSeconds && java.util.Arrays.equals(s.downBps, downBps)
                && java.util.Arrays.equals(s.upBps, upBps);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(agency, startEpochSecond, stepSeconds)
                + 31 * java.util.Arrays.hashCode(downBps) + java.util.Arrays.hashCode(upBps);
    }

    @Override
    public String toString() {
        return "UsageSeries[" + agency + ", start=" + start() + ", step=" + stepSeconds + "s, " + size() + " steps]";
    }
}
