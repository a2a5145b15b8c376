package id.padu.shaping;

import id.padu.text.Bundles;
import java.util.List;
import java.util.Locale;

/**
 * Something the operator should know about a rendering, which still produced a usable
 * configuration (an agency without prefixes, guarantees above the capacity, a quantum that
 * had to be clamped). Also written as a comment into the rendered file.
 */
public record ShapingWarning(String key, List<Object> args) {

    private static final String BUNDLE = "id.padu.shaping.messages";

    public ShapingWarning {
        args = List.copyOf(args);
    }

    public static ShapingWarning of(String key, Object... args) {
        return new ShapingWarning(key, List.of(args));
    }

    /** The text in {@code locale}; numbers (bit rates, bytes) are put in as plain digits, as in the rendered files. */
    public String message(Locale locale) {
        return Bundles.format(BUNDLE, locale, key, args.stream().map(String::valueOf).toArray());
    }
}
