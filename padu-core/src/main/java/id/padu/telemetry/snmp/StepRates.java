package id.padu.telemetry.snmp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fills steps aligned to multiples of the step since the Unix epoch from measured intervals:
 * an interval's bytes are spread over the steps it overlaps in proportion to the overlap
 * (the counter says nothing finer), and a step's rate is its bytes x 8 over the validly
 * measured time inside it. Time not covered by a measured interval (a reset, a timeout,
 * before the first poll) neither adds bytes nor dilutes the rate. A step with no measured
 * time at all is left out.
 */
public final class StepRates {

    /** One step's result: average rates over the measured part of the step. */
    public record Step(long startEpochSecond, long inBps, long outBps, long measuredMillis) {
    }

    private final long stepMillis;
    private final TreeMap<Long, double[]> steps = new TreeMap<>(); // start ms -> {inBytes, outBytes, measuredMs}

    public StepRates(int stepSeconds) {
        if (stepSeconds <= 0) {
            throw new IllegalArgumentException("step must be positive");
        }
        this.stepMillis = stepSeconds * 1000L;
    }

    public void add(MeasuredInterval m) {
        long start = m.startMillis();
        long end = m.endMillis();
        long total = end - start;
        if (total <= 0) {
            return;
        }
        long stepStart = Math.floorDiv(start, stepMillis) * stepMillis;
        for (long s = stepStart; s < end; s += stepMillis) {
            long overlap = Math.min(end, s + stepMillis) - Math.max(start, s);
            if (overlap <= 0) {
                continue;
            }
            double share = overlap / (double) total;
            double[] acc = steps.computeIfAbsent(s, k -> new double[3]);
            acc[0] += m.inBytes() * share;
            acc[1] += m.outBytes() * share;
            // The measured time in this step: its share of the interval's measured duration.
            acc[2] += m.durationMillis() * share;
        }
    }

    /**
     * Removes and returns the steps that ended at or before {@code endMillis} (epoch ms), for a
     * caller that hands steps over while measuring goes on: a step is complete once a poll
     * answered after its end, because every later interval starts at or after that poll.
     */
    public List<Step> drainEndedBy(long endMillis) {
        List<Step> out = new ArrayList<>();
        var closed = steps.headMap(endMillis - stepMillis, true);
        for (Map.Entry<Long, double[]> e : closed.entrySet()) {
            double[] a = e.getValue();
            if (a[2] > 0) {
                out.add(new Step(e.getKey() / 1000, Math.round(a[0] * 8 * 1000 / a[2]),
                        Math.round(a[1] * 8 * 1000 / a[2]), (long) a[2]));
            }
        }
        closed.clear();
        return out;
    }

    /** The steps with measured time, in time order. */
    public List<Step> steps() {
        List<Step> out = new ArrayList<>();
        for (Map.Entry<Long, double[]> e : steps.entrySet()) {
            double[] a = e.getValue();
            if (a[2] <= 0) {
                continue;
            }
            long in = Math.round(a[0] * 8 * 1000 / a[2]);
            long outBps = Math.round(a[1] * 8 * 1000 / a[2]);
            out.add(new Step(e.getKey() / 1000, in, outBps, (long) a[2]));
        }
        return out;
    }
}
