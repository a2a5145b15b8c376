package id.padu.alert;

import java.util.Optional;

/** The alert rules; their codes are a contract (CLI JSON, API, Prometheus labels). */
public enum AlertRule {
    UPLINK_BUSY("uplink-busy"),
    AGENCY_AT_CEILING("agency-at-ceiling"),
    AGENCY_OVER_ALLOCATED("agency-over-allocated"),
    NO_DATA("no-data"),
    CONTRACT_ENDING("contract-ending"),
    PAYING_TWICE("paying-twice"),
    /** Server only: a central uplink interface down, or passing no traffic, for more than two polls. */
    UPLINK_DOWN("uplink-down");

    private final String code;

    AlertRule(String code) {
        this.code = code;
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
