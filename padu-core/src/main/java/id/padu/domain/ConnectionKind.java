package id.padu.domain;

import java.util.Locale;
import java.util.Optional;

/** Dedicated (symmetric, SLA, priced per Mbps) or broadband (IndiHome-like, shared, cheap). */
public enum ConnectionKind {
    DEDICATED, BROADBAND;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ConnectionKind> fromCode(String code) {
        for (ConnectionKind k : values()) {
            if (k.code().equalsIgnoreCase(code.trim())) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
