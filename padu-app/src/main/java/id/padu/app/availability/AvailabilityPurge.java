package id.padu.app.availability;

import id.padu.app.shared.DurationText;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the uplink polls for {@code padu.availability.retention} (400 days by default: a year of
 * monthly reports and the month before the oldest, for a claim filed late); older ones are
 * deleted every {@code padu.availability.purge-interval} (6 hours).
 */
@Component
class AvailabilityPurge {

    private static final Logger LOG = LoggerFactory.getLogger(AvailabilityPurge.class);

    private final UplinkPollStore store;
    private final Duration retention;
    private final Clock clock;

    AvailabilityPurge(UplinkPollStore store, @Value("${padu.availability.retention:400d}") String retention,
                      ObjectProvider<Clock> clock) {
        this.store = store;
        this.retention = DurationText.parse(retention).orElseThrow(() -> new IllegalArgumentException(
                "padu.availability.retention: expected a duration such as " + DurationText.EXAMPLES + " or P400D: " + retention));
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    Duration retention() {
        return retention;
    }

    @Scheduled(initialDelayString = "${padu.availability.purge-initial-delay:PT2M}",
            fixedDelayString = "${padu.availability.purge-interval:PT6H}")
    int run() {
        int deleted = store.purge(clock.instant().minus(retention));
        if (deleted > 0) {
            LOG.info("uplink availability: deleted {} polls older than {}", deleted, retention);
        }
        return deleted;
    }
}
