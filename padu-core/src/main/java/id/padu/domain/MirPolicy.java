package id.padu.domain;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * How high a central agency's ceiling (MIR) goes ({@code plan.mir}): the whole uplink
 * ({@code uplink}), at most the agency's own link ({@code link}, where links.csv gives a
 * {@code capacity_mbps}), or a multiple of its guarantee ({@code 3x}: MIR = 3 x CIR, at most the uplink).
 *
 * @param multiple the factor of {@link Kind#MULTIPLE}, 1 to {@link #MAX_MULTIPLE}; 0 otherwise
 */
public record MirPolicy(Kind kind, double multiple) {

    public enum Kind { UPLINK, LINK, MULTIPLE }

    public static final double MAX_MULTIPLE = 1000;
    public static final MirPolicy UPLINK = new MirPolicy(Kind.UPLINK, 0);
    public static final MirPolicy LINK = new MirPolicy(Kind.LINK, 0);

    public MirPolicy {
        if (kind == Kind.MULTIPLE && !(multiple >= 1 && multiple <= MAX_MULTIPLE)) {
            throw new IllegalArgumentException("MIR multiple " + multiple);
        }
    }

    /**
     * {@code uplink}, {@code link} or a multiple such as {@code 3x}, {@code 2.5x} or {@code 2,5x}
     * (case does not matter); empty when the text is none of these or the multiple is not from 1 to 1000.
     */
    public static Optional<MirPolicy> parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("uplink")) {
            return Optional.of(UPLINK);
        }
        if (t.equals("link")) {
            return Optional.of(LINK);
        }
        if (t.endsWith("x")) {
            String n = t.substring(0, t.length() - 1).trim();
            if (n.indexOf(',') >= 0 && n.indexOf('.') < 0) {
                n = n.replace(',', '.');
            }
            if (n.matches("[0-9]{1,4}(\\.[0-9]{1,6})?")) {
                double m = new BigDecimal(n).doubleValue();
                if (m >= 1 && m <= MAX_MULTIPLE) {
                    return Optional.of(new MirPolicy(Kind.MULTIPLE, m));
                }
            }
        }
        return Optional.empty();
    }

    /** The setting's text: {@code uplink}, {@code link} or {@code 3x}. */
    public String code() {
        return switch (kind) {
            case UPLINK -> "uplink";
            case LINK -> "link";
            case MULTIPLE -> BigDecimal.valueOf(multiple).stripTrailingZeros().toPlainString() + "x";
        };
    }
}
