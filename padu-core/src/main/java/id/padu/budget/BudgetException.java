package id.padu.budget;

import id.padu.text.Bundles;
import java.util.List;
import java.util.Locale;

/** The plan does not fit the dataset (it names an agency the dataset does not have). */
public class BudgetException extends Exception {

    private final String key;
    private final transient List<Object> args;

    public BudgetException(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = List.of(args);
    }

    public String key() {
        return key;
    }

    public String message(Locale locale) {
        return Bundles.format(BudgetProposal.LABELS, locale, key, args.toArray());
    }

    @Override
    public String getMessage() {
        return message(Locale.ENGLISH);
    }
}
