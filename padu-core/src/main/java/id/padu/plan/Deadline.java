package id.padu.plan;

/**
 * The wall-clock safety net of the search. The search is bounded by its effort (nodes, counted
 * the same on every machine), so that the same data and settings give the same plan; the clock
 * only stops a search that would otherwise run far too long on a slow or overloaded machine. It
 * remembers that it did, because a plan cut by the clock is no longer reproducible and the plan
 * file must say so ({@link PlanResult#stoppedBy()}).
 */
final class Deadline {

    private final long atNanos;
    private boolean passed;

    Deadline(long timeLimitMillis) {
        long now = System.nanoTime();
        long span = timeLimitMillis >= Long.MAX_VALUE / 1_000_000 ? Long.MAX_VALUE / 2 : timeLimitMillis * 1_000_000L;
        this.atNanos = now + span;
    }

    /** A clock that never stops the search (for the parts that must not depend on it). */
    static Deadline never() {
        return new Deadline(Long.MAX_VALUE);
    }

    /** Whether the time is up; once it is, it stays up. */
    boolean passed() {
        if (!passed && System.nanoTime() - atNanos > 0) {
            passed = true;
        }
        return passed;
    }

    /** Whether the clock stopped some part of the search. */
    boolean hit() {
        return passed;
    }
}
