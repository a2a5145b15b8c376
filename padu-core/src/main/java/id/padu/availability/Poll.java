package id.padu.availability;

import java.util.Objects;

/**
 * One stored poll of an uplink: when it was sent (epoch seconds), what it saw, and the poll
 * interval in force then (the next poll was due {@code intervalSeconds} later; a longer silence
 * means Padu was not polling).
 */
public record Poll(long epochSecond, PollOutcome outcome, int intervalSeconds) {

    public Poll {
        Objects.requireNonNull(outcome, "outcome");
        if (intervalSeconds < 1) {
            throw new IllegalArgumentException("interval must be at least one second: " + intervalSeconds);
        }
    }
}
