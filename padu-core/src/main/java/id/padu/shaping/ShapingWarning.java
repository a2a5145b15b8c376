package id.padu.shaping;

import id.padu.text.Bundles;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

/**
 * Something the operator should know about a rendering, which still produced a usable
 * configuration (an agency without prefixes, guarantees above the capacity, a quantum that
 * had to be clamped). Also written as a comment into the rendered file.
 */
public record ShapingWarning(String key, List<Object> args) {

    public ShapingWarning {
        args = List.copyOf(args);
    }

    public static ShapingWarning of(String key, Object... args) {
        return new ShapingWarning(key, List.of(args));
    }

    public String message(Locale locale) {
        return format(locale, key, args);
    }

    static String format(Locale locale, String key, List<Object> args) {
        String pattern = Bundles.patternOr("id.padu.shaping.messages", locale, key, key + " {0} {1} {2}");
        return new MessageFormat(pattern, Locale.ROOT).format(args.stream().map(String::valueOf).toArray());
    }
}
