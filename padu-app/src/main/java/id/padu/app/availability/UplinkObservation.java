package id.padu.app.availability;

import id.padu.availability.Observation;
import java.util.Objects;

/**
 * One poll of an uplink's WAN interface as the collector saw it: which target polled which uplink
 * ({@code provider}, {@code product} "" when the target names none), when the poll was sent, the
 * poll interval in force, what the agent answered, and why there was no usable answer (null when
 * there was one; never a secret).
 */
public record UplinkObservation(long targetId, String provider, String product, long sentAtMillis, int intervalSeconds,
                                Observation observation, String error) {

    public UplinkObservation {
        Objects.requireNonNull(provider, "provider");
        product = product == null ? "" : product;
        Objects.requireNonNull(observation, "observation");
        intervalSeconds = Math.max(1, intervalSeconds);
    }
}
