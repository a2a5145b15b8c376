package id.padu.shaping;

import java.util.Locale;
import java.util.Optional;

/** The queue discipline under each HTB leaf class. */
public enum LeafQdisc {
    FQ_CODEL("fq_codel"), CAKE("cake"), PFIFO("pfifo");

    private final String code;

    LeafQdisc(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<LeafQdisc> fromCode(String text) {
        for (LeafQdisc l : values()) {
            if (l.code.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
