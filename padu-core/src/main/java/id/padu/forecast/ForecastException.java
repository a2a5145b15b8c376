package id.padu.forecast;

import id.padu.text.Bundles;
import java.util.List;
import java.util.Locale;

/** The dataset (or plan) admits no forecast: too few measured months, no usage, an unknown agency. */
public class ForecastException extends Exception {

    private final String key;
    private final transient List<Object> args;

    public ForecastException(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = List.of(args);
    }

    public String key() {
        return key;
    }

    /** The message in Bahasa Indonesia or English. */
    public String message(Locale locale) {
        return Bundles.format("id.padu.forecast.messages", locale, key, args.toArray());
    }

    @Override
    public String getMessage() {
        return message(Locale.ENGLISH);
    }
}
