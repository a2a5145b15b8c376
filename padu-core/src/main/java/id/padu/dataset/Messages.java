package id.padu.dataset;

import id.padu.text.Bundles;
import java.text.MessageFormat;
import java.util.Locale;

/** Localised dataset messages (Bahasa Indonesia by default, English). */
final class Messages {

    private Messages() {
    }

    static String text(Locale locale, String key) {
        return Bundles.pattern("id.padu.dataset.messages", locale, key);
    }

    static String format(Locale locale, DatasetError e) {
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
        return where + ": " + reason(locale, e);
    }

    static String reason(Locale locale, DatasetError e) {
        MessageFormat f = new MessageFormat(text(locale, e.key()).replace("'", "''"), locale);
        return f.format(e.args().toArray());
    }
}
