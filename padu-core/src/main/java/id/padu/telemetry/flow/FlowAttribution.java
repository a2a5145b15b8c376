package id.padu.telemetry.flow;

import java.util.Map;

/**
 * Attributes decoded flows to agencies and sums their bytes per step: destination inside an
 * agency's prefixes = that agency's download, source inside = its upload. A flow between two
 * agencies counts for both; a flow touching no agency is unattributed.
 *
 * <p>A flow belongs to the step in which it ended. Exporter clocks can be wrong, so when the
 * caller gives the packet's arrival time and a record's end lies further from it than
 * {@code maxSkewMillis}, the arrival time is used instead (that also bounds how many steps a
 * stream of garbage can create). One instance per receive thread; merge with {@link #drainTo}.
 */
public final class FlowAttribution implements FlowSink {

    private final AgencyPrefixes prefixes;
    private final long stepMillis;
    private final long maxSkewMillis;
    private final int agencies;
    /** Step start (epoch ms) -> {down bytes of agency 0, up bytes of agency 0, down of 1, ...}. */
    private final LongMap<long[]> steps = new LongMap<>();
    private long currentStep = Long.MIN_VALUE;
    private long[] current;
    private long arrivalMillis = -1;

    // Plain on the hot path (one writer); published to the volatile copies once per packet,
    // because a volatile write per record is a fence per record.
    private long attributed;
    private long unattributed;
    private long unattributedCount;
    private long corrections;
    private volatile long attributedBytes;
    private volatile long unattributedBytes;
    private volatile long unattributedRecords;
    private volatile long clockCorrections;

    public FlowAttribution(AgencyPrefixes prefixes, int stepSeconds, long maxSkewMillis) {
        if (stepSeconds <= 0) {
            throw new IllegalArgumentException("step must be positive");
        }
        this.prefixes = prefixes;
        this.stepMillis = stepSeconds * 1000L;
        this.maxSkewMillis = maxSkewMillis;
        this.agencies = prefixes.agencyCount();
    }

    /** The arrival time of the packet being decoded (epoch ms); -1 to trust record times. */
    public void arrival(long epochMillis) {
        this.arrivalMillis = epochMillis;
        publish();
    }

    /** Makes the counters current for readers on other threads (done at every {@link #arrival}). */
    public void publish() {
        if (attributedBytes != attributed) {
            attributedBytes = attributed;
        }
        if (unattributedBytes != unattributed) {
            unattributedBytes = unattributed;
            unattributedRecords = unattributedCount;
        }
        if (clockCorrections != corrections) {
            clockCorrections = corrections;
        }
    }

    @Override
    public void accept(FlowRecord r) {
        int down;
        int up;
        if (r.ipVersion == 4) {
            down = prefixes.lookupV4(r.dstV4);
            up = prefixes.lookupV4(r.srcV4);
        } else if (r.ipVersion == 6) {
            down = prefixes.lookupV6(r.dstHi, r.dstLo);
            up = prefixes.lookupV6(r.srcHi, r.srcLo);
        } else {
            down = -1;
            up = -1;
        }
        long bytes = r.bytes;
        if (down < 0 && up < 0) {
            unattributed += bytes;
            unattributedCount++;
            return;
        }
        long t = r.endMillis;
        if (arrivalMillis >= 0 && (t > arrivalMillis + maxSkewMillis || t < arrivalMillis - maxSkewMillis)) {
            t = arrivalMillis;
            corrections++;
        }
        long step = Math.floorDiv(t, stepMillis) * stepMillis;
        long[] counts = current;
        if (step != currentStep || counts == null) {
            counts = steps.get(step);
            if (counts == null) {
                counts = new long[agencies * 2];
                steps.put(step, counts);
            }
            current = counts;
            currentStep = step;
        }
        if (down >= 0) {
            counts[down * 2] += bytes;
        }
        if (up >= 0) {
            counts[up * 2 + 1] += bytes;
        }
        attributed += bytes;
    }

    /**
     * Adds this instance's per-step counts into {@code into} (step start epoch ms -> counts as
     * above) and clears them. Call from the owning thread, or after it stopped.
     */
    public void drainTo(Map<Long, long[]> into) {
        publish();
        steps.forEachEntry((step, src) -> {
            long[] target = into.computeIfAbsent(step, k -> new long[agencies * 2]);
            for (int i = 0; i < src.length; i++) {
                target[i] += src[i];
            }
        });
        steps.removeIf((k, v) -> true);
        current = null;
        currentStep = Long.MIN_VALUE;
    }

    /**
     * As {@link #drainTo}, but only the steps that ended at or before {@code endMillis} (epoch ms):
     * a server hands those over while the thread keeps filling the open ones. Call from the
     * owning thread; allocates only when a step is handed over, never per record.
     */
    public void drainEndedBy(long endMillis, Map<Long, long[]> into) {
        publish();
        int[] drained = {0};
        steps.forEachEntry((step, src) -> {
            if (step + stepMillis <= endMillis) {
                long[] target = into.computeIfAbsent(step, k -> new long[agencies * 2]);
                for (int i = 0; i < src.length; i++) {
                    target[i] += src[i];
                }
                drained[0]++;
            }
        });
        if (drained[0] > 0) {
            steps.removeIf((k, v) -> k + stepMillis <= endMillis);
            current = null;
            currentStep = Long.MIN_VALUE;
        }
    }

    /** Whether any counted bytes wait to be drained. */
    public boolean hasSteps() {
        return steps.size() > 0;
    }

    /** As last published (see {@link #publish()}). */
    public long attributedBytes() {
        return attributedBytes;
    }

    public long unattributedBytes() {
        return unattributedBytes;
    }

    public long unattributedRecords() {
        return unattributedRecords;
    }

    /** Records whose end time was too far from their arrival and were put at the arrival time. */
    public long clockCorrections() {
        return clockCorrections;
    }

    public AgencyPrefixes prefixes() {
        return prefixes;
    }

    public int stepSeconds() {
        return (int) (stepMillis / 1000);
    }
}
