package id.padu.app.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** Words of the command line, Bahasa Indonesia by default (bundle {@code id.padu.app.cli.messages}). */
final class Messages {

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    static Messages of(Locale locale) {
        // no fallback to the JVM's locale: an English system must not turn "id" into English
        return new Messages(ResourceBundle.getBundle("id.padu.app.cli.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)), locale);
    }

    String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
