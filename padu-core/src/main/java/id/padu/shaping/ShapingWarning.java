package id.padu.shaping;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

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
        String pattern;
        try {
            // no fallback to the JVM's locale: Bahasa Indonesia is the base bundle
            pattern = ResourceBundle.getBundle("id.padu.shaping.messages", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        } catch (MissingResourceException e) {
            pattern = key + " {0} {1} {2}";
        }
        return new MessageFormat(pattern, Locale.ROOT).format(args.stream().map(String::valueOf).toArray());
    }
}
