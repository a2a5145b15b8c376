package id.padu.availability;

import java.util.Optional;

/** What one poll of an uplink's WAN interface saw; the codes are stored and appear in the API. */
public enum PollOutcome {
    /** ifOperStatus up(1) and octets moved since the previous answered poll (or there is nothing to compare with). */
    UP("up"),
    /** ifOperStatus up(1), but neither octet counter moved since the previous answered poll. */
    IDLE("idle"),
    /** ifOperStatus anything but up(1): down(2), lowerLayerDown(7), ... */
    DOWN("down"),
    /** No usable answer: a timeout, an error, the interface not found. Padu's miss, not the ISP's. */
    MISSED("missed");

    private final String code;

    PollOutcome(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** An answered poll that counts against the ISP. */
    public boolean bad() {
        return this == IDLE || this == DOWN;
    }

    public boolean answered() {
        return this != MISSED;
    }

    public static Optional<PollOutcome> of(String code) {
        for (PollOutcome o : values()) {
            if (o.code.equals(code)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
