package id.padu.dataset;

import id.padu.text.Bundles;
import id.padu.text.Excerpt;
import java.util.Locale;

/** Localised dataset messages (Bahasa Indonesia by default, English), located by file, line, column and value. */
final class Messages {

    static final String BUNDLE = "id.padu.dataset.messages";

    private Messages() {
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
            where.append(" \"").append(Excerpt.of(e.value())).append('"');
        }
        return where + ": " + reason(locale, e);
    }

    /** The reason alone, without the place, in the reader's language. */
    static String reason(Locale locale, DatasetError e) {
        return Bundles.format(BUNDLE, locale, e.key(), e.args().toArray());
    }
}
