package id.padu.app.measurement;

import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes what is older than each resolution's retention, every hour (first run a minute after start). */
@Component
class MeasurementPurge {

    private static final Logger LOG = LoggerFactory.getLogger(MeasurementPurge.class);

    private final MeasurementStore store;
    private final MeasurementRetention retention;
    private final Clock clock;

    @Autowired
    MeasurementPurge(MeasurementStore store, MeasurementRetention retention, ObjectProvider<Clock> clock) {
        this(store, retention, clock.getIfAvailable(Clock::systemUTC));
    }

    MeasurementPurge(MeasurementStore store, MeasurementRetention retention, Clock clock) {
        this.store = store;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${padu.measurement.purge.initial-delay:PT1M}",
            fixedDelayString = "${padu.measurement.purge.interval:PT1H}")
    Map<Resolution, Integer> run() {
        Map<Resolution, Integer> deleted = store.purge(clock.instant(), retention);
        if (deleted.values().stream().anyMatch(n -> n > 0)) {
            LOG.info("measurement retention: deleted {} stored periods", deleted);
        }
        return deleted;
    }
}
