package id.padu.plan;

import java.util.List;
import java.util.Locale;

/** The dataset and settings admit no plan (for example {@code plan.scope=all} with an agency that cannot join). */
public class PlanningException extends Exception {

    private final String key;
    private final transient List<Object> args;

    public PlanningException(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = List.of(args);
    }

    public String key() {
        return key;
    }

    /** The message in Bahasa Indonesia or English. */
    public String message(Locale locale) {
        return PlanMessages.format(locale, key, args.toArray());
    }

    @Override
    public String getMessage() {
        return message(Locale.ENGLISH);
    }
}
