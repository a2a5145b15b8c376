package id.padu.app.shaping;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Texts of the shape commands, Bahasa Indonesia by default, English. */
public final class ShapeMessages {

    private ShapeMessages() {
    }

    public static String get(Locale locale, String key, Object... args) {
        return format(locale, key, List.of(args));
    }

    public static String format(Locale locale, String key, List<Object> args) {
        String pattern;
        try {
            // no fallback to the JVM's locale: Bahasa Indonesia is the base bundle
            pattern = ResourceBundle.getBundle("id.padu.app.shaping.messages", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        return new MessageFormat(pattern, Locale.ROOT).format(args.stream().map(String::valueOf).toArray());
    }
}
