package id.padu.app.collection;

import id.padu.dataset.DatasetError;
import id.padu.text.Bundles;
import java.util.List;
import java.util.Locale;

/** Words of the telemetry commands in Bahasa Indonesia (default) or English. */
public final class TelemetryText {

    private static final String BUNDLE = "id.padu.app.collection.messages";

    private final Locale locale;

    public TelemetryText(Locale locale) {
        this.locale = locale;
    }

    /** The words of {@code key}; a {@code csv.*} key is a problem found by the CSV reader, in its words. */
    public String get(String key, Object... args) {
        if (key.startsWith("csv.")) {
            return new DatasetError("", 0, null, null, key, List.of(args)).reason(locale);
        }
        return Bundles.format(BUNDLE, locale, key, args);
    }

    /** A problem in an input file, located by file, line, column and value. */
    public String located(InputProblem p) {
        StringBuilder where = new StringBuilder(p.file());
        if (p.line() > 0) {
            where.append(':').append(p.line());
        }
        if (p.column() != null) {
            where.append(" [").append(p.column()).append(']');
        }
        if (p.value() != null) {
            where.append(" \"").append(id.padu.text.Excerpt.of(p.value())).append('"');
        }
        return where + ": " + get(p.key(), p.args());
    }
}
