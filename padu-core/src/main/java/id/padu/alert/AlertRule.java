package id.padu.alert;

import java.util.Optional;

/** The alert rules; their codes are a contract (CLI JSON, API, Prometheus labels). */
public enum AlertRule {
    UPLINK_BUSY("uplink-busy", true),
    AGENCY_AT_CEILING("agency-at-ceiling", true),
    AGENCY_OVER_ALLOCATED("agency-over-allocated", true),
    NO_DATA("no-data", true),
    CONTRACT_ENDING("contract-ending", false),
    PAYING_TWICE("paying-twice", false),
    /** Server only: a central uplink interface down, or passing no traffic, for more than two polls. */
    UPLINK_DOWN("uplink-down", true);

    private final String code;
    private final boolean measured;

    AlertRule(String code, boolean measured) {
        this.code = code;
        this.measured = measured;
    }

    /**
     * Whether the condition comes from measurements, which wobble around a threshold and so wait
     * before opening and closing; the calendar rules (a contract's end, a cutover date) are facts
     * of the day and open and close at once.
     */
    public boolean measured() {
        return measured;
    }

    public String code() {
        return code;
    }

    public static Optional<AlertRule> of(String code) {
        for (AlertRule r : values()) {
            if (r.code.equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
