package id.padu.dataset;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Localised dataset messages (Bahasa Indonesia by default, English). */
final class Messages {

    private Messages() {
    }

    static String format(Locale locale, DatasetError e) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle("id.padu.dataset.messages", locale).getString(e.key());
        } catch (MissingResourceException ex) {
            pattern = e.key();
        }
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
        return where + ": " + new MessageFormat(pattern, locale).format(e.args().toArray());
    }
}
