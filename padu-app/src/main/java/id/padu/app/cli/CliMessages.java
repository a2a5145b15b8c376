package id.padu.app.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Words of the plan and simulate commands, Bahasa Indonesia (base bundle) or English. */
final class CliMessages {

    private CliMessages() {
    }

    static String get(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle("id.padu.app.cli.planning", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        return new MessageFormat(pattern, locale).format(args);
    }
}
