package id.padu.plan;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Words of the planner (reasons, errors) in Bahasa Indonesia (default) or English. */
public final class PlanMessages {

    private PlanMessages() {
    }

    public static String format(Locale locale, String key, Object... args) {
        String pattern;
        try {
            // no fallback to the JVM's default locale: Indonesian is the base bundle
            pattern = ResourceBundle.getBundle("id.padu.plan.messages", locale == null ? Locale.ROOT : locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        return new MessageFormat(pattern, locale == null ? Locale.ROOT : locale).format(args);
    }
}
