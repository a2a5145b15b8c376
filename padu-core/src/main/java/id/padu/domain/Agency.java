package id.padu.domain;

import java.util.List;
import java.util.Objects;

/** A perangkat daerah (SOPD/OPD): dinas, badan, kecamatan, RSUD ... (agencies.csv). */
public record Agency(String code, String name, AgencyKind kind, Priority priority, List<IpPrefix> prefixes) {

    /** The code's syntax in dataset format v1. */
    public static final String CODE_PATTERN = "[A-Z0-9_-]{1,32}";

    public Agency {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        kind = kind == null ? AgencyKind.LAINNYA : kind;
        priority = priority == null ? Priority.NORMAL : priority;
        prefixes = prefixes == null ? List.of() : List.copyOf(prefixes);
    }
}
