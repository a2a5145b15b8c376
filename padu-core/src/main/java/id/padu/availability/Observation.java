package id.padu.availability;

/**
 * What the agent answered to one poll of an uplink's WAN interface: ifOperStatus
 * (1.3.6.1.2.1.2.2.1.8), the octet counters (64-bit where the agent has them) and sysUpTime.
 * {@code answered} false: no usable answer (the other fields are then 0).
 */
public record Observation(boolean answered, int operStatus, long inOctets, long outOctets, long sysUpTimeTicks) {

    /** ifOperStatus up(1). */
    public static final int OPER_UP = 1;

    public static Observation missed() {
        return new Observation(false, 0, 0, 0, 0);
    }

    /**
     * The outcome of this poll after {@code previous}, the uplink's last answered poll before it
     * (null: none). Up with both counters unchanged since then is {@link PollOutcome#IDLE}: a link
     * that is "up" but carries nothing is as useless as a down one. With nothing to compare with
     * (the first poll, or the agent restarted in between: its counters began again) an up
     * interface counts as {@link PollOutcome#UP}: no evidence against the ISP.
     */
    public PollOutcome outcomeAfter(Observation previous) {
        if (!answered) {
            return PollOutcome.MISSED;
        }
        if (operStatus != OPER_UP) {
            return PollOutcome.DOWN;
        }
        boolean comparable = previous != null && previous.answered && sysUpTimeTicks >= previous.sysUpTimeTicks;
        if (comparable && inOctets == previous.inOctets && outOctets == previous.outOctets) {
            return PollOutcome.IDLE;
        }
        return PollOutcome.UP;
    }
}
