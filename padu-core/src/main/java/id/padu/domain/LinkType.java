package id.padu.domain;

import java.util.Locale;
import java.util.Optional;

/** How an agency reaches the central hub (links.csv). */
public enum LinkType {
    FIBER, RADIO, VPN, LEASED, EXISTING;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LinkType> fromCode(String code) {
        for (LinkType k : values()) {
            if (k.code().equalsIgnoreCase(code.trim())) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
