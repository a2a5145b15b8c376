package id.padu.telemetry.snmp;

/**
 * Turns successive counter polls of one interface into measured intervals, following the
 * rules of the dataset format ("How a collector fills a step"):
 * <ul>
 *   <li>the interval between two good polls is measured from their actual timestamps: the
 *       agent's sysUpTime difference when it agrees with our receive times within a quarter
 *       (or 1 s), else our receive times;</li>
 *   <li>a 64-bit counter that goes back is a reset; a 32-bit counter that goes back wrapped
 *       once, and is corrected by 2^32 unless the interface is fast enough to have wrapped
 *       twice in that time (then the interval is ambiguous and discarded);</li>
 *   <li>{@code sysUpTime} going back, advancing by less than half the wall time (a restart in
 *       between), or {@code ifCounterDiscontinuityTime} changing: reset, the interval is
 *       discarded, never turned into a spike;</li>
 *   <li>a timeout leaves a gap: the interval from the last good poll to the next one is not
 *       measured.</li>
 * </ul>
 * Not thread-safe; one per interface.
 */
public final class CounterTracker {

    /** Why an interval was not measured. */
    public enum Discard { NONE, FIRST, TIMEOUT, UPTIME_BACK, RESTARTED, DISCONTINUITY, COUNTER_BACK,
        WIDTH_CHANGED, AMBIGUOUS_WRAP, CLOCK_BACK }

    private static final long TWO_POW_32 = 1L << 32;

    private CounterSample previous;
    private boolean afterTimeout;
    private Discard lastDiscard = Discard.NONE;
    private long wraps;
    private long resets;
    private long timeouts;

    /** Records a poll that got no answer: the next interval is a gap. */
    public void timeout() {
        previous = null;
        afterTimeout = true;
        timeouts++;
    }

    /**
     * Records a good poll; returns the interval it closes, or null when there is none (first
     * poll, after a timeout, or a reset). {@link #lastDiscard()} tells why.
     */
    public MeasuredInterval sample(CounterSample s) {
        CounterSample p = previous;
        previous = s;
        if (p == null) {
            lastDiscard = afterTimeout ? Discard.TIMEOUT : Discard.FIRST;
            afterTimeout = false;
            return null;
        }
        long wallMillis = s.atMillis() - p.atMillis();
        if (wallMillis <= 0) {
            lastDiscard = Discard.CLOCK_BACK;
            return null;
        }
        long upNow = s.sysUpTimeTicks() & 0xFFFFFFFFL;
        long upBefore = p.sysUpTimeTicks() & 0xFFFFFFFFL;
        if (upNow < upBefore) {
            return reset(Discard.UPTIME_BACK);
        }
        // sysUpTime in ticks of 10 ms; a device that rebooted between two polls can be up for
        // longer than before already, but it cannot have advanced by the whole wall time.
        long upMillis = (upNow - upBefore) * 10;
        if (upMillis < wallMillis / 2 - 1000) {
            return reset(Discard.RESTARTED);
        }
        if (s.discontinuityTicks() != p.discontinuityTicks()) {
            return reset(Discard.DISCONTINUITY);
        }
        if (s.wide() != p.wide()) {
            lastDiscard = Discard.WIDTH_CHANGED;
            return null;
        }
        long in;
        long out;
        if (s.wide()) {
            if (Long.compareUnsigned(s.inOctets(), p.inOctets()) < 0 || Long.compareUnsigned(s.outOctets(), p.outOctets()) < 0) {
                return reset(Discard.COUNTER_BACK);
            }
            in = s.inOctets() - p.inOctets();
            out = s.outOctets() - p.outOctets();
        } else {
            boolean wrapped = s.inOctets() < p.inOctets() || s.outOctets() < p.outOctets();
            if (wrapped && s.speedBps() > 0 && s.speedBps() / 8.0 * wallMillis / 1000.0 >= TWO_POW_32) {
                lastDiscard = Discard.AMBIGUOUS_WRAP;
                return null;
            }
            in = delta32(p.inOctets(), s.inOctets());
            out = delta32(p.outOctets(), s.outOctets());
            if (wrapped) {
                wraps++;
            }
        }
        lastDiscard = Discard.NONE;
        // The agent stamps both answers with its sysUpTime when it reads the counters; our
        // receive times also carry our own delays (a cold start, a busy machine). Use the
        // agent's time when it agrees with ours within a quarter (or a second).
        long duration = Math.abs(upMillis - wallMillis) <= Math.max(1000, wallMillis / 4) && upMillis > 0
                ? upMillis : wallMillis;
        return new MeasuredInterval(p.atMillis(), s.atMillis(), in, out, duration);
    }

    private MeasuredInterval reset(Discard why) {
        resets++;
        lastDiscard = why;
        return null;
    }

    private static long delta32(long before, long now) {
        long b = before & 0xFFFFFFFFL;
        long n = now & 0xFFFFFFFFL;
        return n >= b ? n - b : n + TWO_POW_32 - b;
    }

    public Discard lastDiscard() {
        return lastDiscard;
    }

    public long wraps() {
        return wraps;
    }

    public long resets() {
        return resets;
    }

    public long timeouts() {
        return timeouts;
    }
}
