package id.padu.dataset;

import java.util.List;
import java.util.Locale;

/**
 * One problem in a dataset, located so a planner can find it in Excel.
 *
 * @param file   file name as in the dataset, e.g. {@code subscriptions.csv} or {@code usage/2025-01.csv}
 * @param line   1-based line number (the header is line 1), 0 when the problem is the file itself
 * @param column column name, or null
 * @param value  the offending cell text, or null
 * @param key    message key in the {@code id.padu.dataset.messages} bundle
 * @param args   arguments of the message after file, line, column and value
 */
public record DatasetError(String file, long line, String column, String value, String key, List<Object> args) {

    public DatasetError {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** The message in the user's language (Bahasa Indonesia or English). */
    public String message(Locale locale) {
        return Messages.format(locale, this);
    }

    /** Only what is wrong, in the user's language, without file, line, column and value. */
    public String reason(Locale locale) {
        return Messages.reason(locale, this);
    }
}
