package id.padu.app.measurement;

import id.padu.app.audit.AuditableChange;
import id.padu.app.measurement.MeasuredSeries.Point;
import id.padu.app.measurement.MeasuredSeries.Series;
import id.padu.app.usage.UsageStore;
import id.padu.domain.BitRate;
import id.padu.domain.UsageSeries;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes what the collectors measured the agency's usage, the series the dashboard, the analysis
 * and the planner read: the closed 5-minute intervals of a range, written over the stored usage
 * of that range ({@link UsageStore#write}: the measured intervals replace what was there, the
 * rest of the stored usage stays). Intervals nobody measured are written as missing, never as
 * zero. One transaction, audited.
 */
@Service
class MeasuredBaseline {

    static final int STEP = Resolution.FIVE_MINUTES.seconds();

    /** What was written: the range and how many of its 5-minute intervals had a measurement. */
    record Written(Instant from, Instant to, int intervals, int measured) {
    }

    /**
     * The agency's stored usage is on another grid (another step, or 5 minutes shifted):
     * {@link UsageStore#write} would replace all of it, so nothing is written.
     */
    static final class OtherGrid extends RuntimeException {
        final int storedStepSeconds;

        OtherGrid(int storedStepSeconds) {
            super("stored usage every " + storedStepSeconds + " s");
            this.storedStepSeconds = storedStepSeconds;
        }
    }

    private final MeasuredSeries series;
    private final UsageStore usage;
    private final ApplicationEventPublisher events;

    MeasuredBaseline(MeasuredSeries series, UsageStore usage, ApplicationEventPublisher events) {
        this.series = series;
        this.usage = usage;
        this.events = events;
    }

    /**
     * The range of {@code length} seconds that ends with the last closed 5-minute interval.
     * Returns empty, writing nothing, when nothing in it was measured; throws {@link OtherGrid},
     * writing nothing, when the stored usage is on another grid.
     */
    @Transactional
    Optional<Written> useAsUsage(String agency, long lengthSeconds) {
        return useAsUsage(agency, lengthSeconds, null);
    }

    /** As above; {@code actor} names who did it in the audit log (null: the logged-in user). */
    @Transactional
    Optional<Written> useAsUsage(String agency, long lengthSeconds, String actor) {
        long to = Math.floorDiv(series.now().getEpochSecond(), (long) STEP) * STEP;
        long from = to - lengthSeconds;
        Series s = series.read(agency, Instant.ofEpochSecond(from), Instant.ofEpochSecond(to), Resolution.FIVE_MINUTES,
                Optional.empty());
        if (s.points().isEmpty()) {
            return Optional.empty();
        }
        OptionalInt otherStep = usage.stepIfOtherGrid(agency, STEP, from);
        if (otherStep.isPresent()) {
            throw new OtherGrid(otherStep.getAsInt());
        }
        int n = (int) (lengthSeconds / STEP);
        long[] down = new long[n];
        long[] up = new long[n];
        Arrays.fill(down, UsageSeries.MISSING);
        Arrays.fill(up, UsageSeries.MISSING);
        for (Point p : s.points()) {
            int i = (int) ((p.start() - from) / STEP);
            // A device that reports more than 1 Tbit/s (BitRate.MAX_BPS, the bound of every rate in
            // usage) miscounted: the interval stays missing rather than becoming a spike the
            // dashboard and the planner would add up.
            if (i >= 0 && i < n && p.downBps() <= BitRate.MAX_BPS && p.upBps() <= BitRate.MAX_BPS) {
                down[i] = p.downBps();
                up[i] = p.upBps();
            }
        }
        usage.write(new UsageSeries(agency, from, STEP, down, up));
        Written w = new Written(Instant.ofEpochSecond(from), Instant.ofEpochSecond(to), n, s.points().size());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("from", w.from().toString());
        after.put("to", w.to().toString());
        after.put("stepSeconds", STEP);
        after.put("measuredIntervals", w.measured());
        events.publishEvent(new AuditableChange("usage.fromMeasurements", "agency", agency, null, after, actor));
        return Optional.of(w);
    }
}
