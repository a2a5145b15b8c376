package id.padu.app.cli;

import id.padu.text.Bundles;
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
        return new Messages(Bundles.of("id.padu.app.cli.messages", locale), locale);
    }

    String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
