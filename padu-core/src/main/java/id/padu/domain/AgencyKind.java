package id.padu.domain;

import java.util.Locale;
import java.util.Optional;

/** The kinds of perangkat daerah the dataset knows (dataset format v1, agencies.csv). */
public enum AgencyKind {
    DINAS, BADAN, SEKRETARIAT, INSPEKTORAT, KECAMATAN, KELURAHAN, RSUD, PUSKESMAS, SEKOLAH, LAINNYA;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AgencyKind> fromCode(String code) {
        for (AgencyKind k : values()) {
            if (k.code().equalsIgnoreCase(code.trim())) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
