package id.padu.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * How much an agency (or a hosted service) matters when capacity is short. Order is
 * significant: {@code CRITICAL} first. {@link #htbPrio()} is Linux HTB's prio (lower borrows
 * first), {@link #routerOsPriority()} RouterOS's 1 (highest) to 8.
 */
public enum Priority {
    CRITICAL, HIGH, NORMAL, LOW;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int htbPrio() {
        return ordinal();
    }

    public int routerOsPriority() {
        return switch (this) {
            case CRITICAL -> 1;
            case HIGH -> 3;
            case NORMAL -> 5;
            case LOW -> 8;
        };
    }

    public static Optional<Priority> fromCode(String code) {
        for (Priority p : values()) {
            if (p.code().equalsIgnoreCase(code.trim())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
