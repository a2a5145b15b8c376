package id.padu.app.telemetry;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Words of the telemetry commands in Bahasa Indonesia (default) or English. */
public final class TelemetryText {

    private final ResourceBundle bundle;
    private final Locale locale;

    public TelemetryText(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("id.padu.app.telemetry.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        return new MessageFormat(pattern, locale).format(args);
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
            where.append(" \"").append(p.value()).append('"');
        }
        return where + ": " + get(p.key(), p.args());
    }
}
