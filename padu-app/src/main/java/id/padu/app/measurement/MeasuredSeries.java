package id.padu.app.measurement;

import id.padu.app.measurement.MeasurementStore.StoredBucket;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Reads stored measurements as rates: one agency, a range, a resolution, one source or both.
 *
 * <p>Both sources combined: per bucket, SNMP when it measured that bucket, otherwise flows. The
 * two are never added (they measure the same traffic twice). SNMP wins because interface counters
 * see every byte on the wire, while flows miss what the exporter sampled away or lost and what
 * no agency prefix matched.
 */
@Service
public class MeasuredSeries {

    private final MeasurementStore store;
    private final MeasurementRetention retention;
    private final Clock clock;

    @Autowired
    MeasuredSeries(MeasurementStore store, MeasurementRetention retention, ObjectProvider<Clock> clock) {
        this(store, retention, clock.getIfAvailable(Clock::systemUTC));
    }

    MeasuredSeries(MeasurementStore store, MeasurementRetention retention, Clock clock) {
        this.store = store;
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * One bucket's average rates: bytes x 8 / the seconds measured in it (at most its length),
     * rounded to the nearest bit per second.
     */
    public record Point(long start, long downBps, long upBps, MeasurementSource source, long coveredSeconds) {
    }

    public record Series(String agency, Resolution resolution, Optional<MeasurementSource> source, long from, long to,
                  List<Point> points) {
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * The finest resolution whose retention still reaches back to {@code from}, so that the range
     * is not cut by the purge; the hourly one when none does.
     */
    Resolution finestRetained(Instant from) {
        for (Resolution r : Resolution.values()) {
            Optional<java.time.Duration> keep = retention.of(r);
            if (keep.isEmpty() || !from.isBefore(clock.instant().minus(keep.get()))) {
                return r;
            }
        }
        return Resolution.HOUR;
    }

    public Series read(String agency, Instant from, Instant to, Resolution r, Optional<MeasurementSource> only) {
        long f = from.getEpochSecond();
        long t = to.getEpochSecond();
        Map<MeasurementSource, TreeMap<Long, StoredBucket>> stored = store.read(agency, r, f, t, only);
        List<Point> points = new ArrayList<>();
        if (only.isPresent()) {
            TreeMap<Long, StoredBucket> one = stored.getOrDefault(only.get(), new TreeMap<>());
            one.values().forEach(b -> points.add(point(b, r)));
        } else {
            TreeMap<Long, StoredBucket> snmp = stored.getOrDefault(MeasurementSource.SNMP, new TreeMap<>());
            TreeMap<Long, StoredBucket> flow = stored.getOrDefault(MeasurementSource.FLOW, new TreeMap<>());
            TreeSet<Long> times = new TreeSet<>(snmp.keySet());
            times.addAll(flow.keySet());
            for (long time : times) {
                StoredBucket b = snmp.get(time);
                points.add(point(b != null ? b : flow.get(time), r));
            }
        }
        return new Series(agency, r, only, f, t, points);
    }

    static Point point(StoredBucket b, Resolution r) {
        long seconds = Math.min(b.coveredSeconds(), r.seconds());
        return new Point(b.start(), rate(b.downBytes(), seconds), rate(b.upBytes(), seconds), b.source(), seconds);
    }

    static long rate(long bytes, long seconds) {
        if (bytes > (Long.MAX_VALUE - seconds) / 8) {
            return Long.MAX_VALUE; // a miscounting device: far above any rate, never a wrapped small one
        }
        return Math.floorDiv(bytes * 8 + seconds / 2, seconds);
    }
}
