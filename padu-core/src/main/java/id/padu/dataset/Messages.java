package id.padu.dataset;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Localised dataset messages (Bahasa Indonesia by default, English). */
final class Messages {

    /**
     * No fallback to the JVM's default locale: on an English machine, {@code --lang id} must
     * still give Bahasa Indonesia (the base bundle), not the English file.
     */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    static String text(Locale locale, String key) {
        try {
            return ResourceBundle.getBundle("id.padu.dataset.messages", locale, NO_FALLBACK).getString(key);
        } catch (MissingResourceException ex) {
            return key;
        }
    }

    static String format(Locale locale, DatasetError e) {
        Object[] args = e.args().toArray();
        StringBuilder where = new StringBuilder(e.file());
        if (e.line() > 0) {
            where.append(':').append(e.line());
        }
        if (e.column() != null) {
            where.append(" [").append(e.column()).append(']');
        }
        if (e.value() != null) {
            where.append(" \"").append(e.value()).append('"');
        }
        MessageFormat f = new MessageFormat(text(locale, e.key()).replace("'", "''"), locale);
        return where + ": " + f.format(args);
    }
}
