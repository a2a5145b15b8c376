package id.padu.migration;

import java.util.Locale;

/** The parts of a runbook, in the order they are worked through. */
public enum RunbookPhase {
    /** T-7 days: DNS TTL, NAT or parallel path, shaping prefixes, link, baseline. */
    PREPARE,
    /** Inside the window: route, allocation, NAT, DNS. */
    CUTOVER,
    /** Right after the switch: every check must pass. */
    VERIFY,
    /** When a criterion is met: back to the old ISP. */
    ROLLBACK,
    /** After the watch period: signatures, TTL back up, the old subscription ends. */
    SIGN_OFF;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Text title() {
        return Text.of("runbook.phase." + code());
    }
}
