package id.padu.app.budget;

import id.padu.text.Bundles;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;

/** Words of the budget workbook and the command's table, Bahasa Indonesia (default) or English. */
public final class BudgetTexts {

    static final String BUNDLE = "id.padu.app.budget.messages";

    private final Locale locale;

    public BudgetTexts(Locale locale) {
        this.locale = locale;
    }

    public String get(String key, Object... args) {
        return Bundles.format(BUNDLE, locale, key, args);
    }

    /** "Mei–Desember", or one month. */
    public String months(int from, int to) {
        String a = Month.of(from).getDisplayName(TextStyle.FULL, locale);
        return from == to ? a : a + "–" + Month.of(to).getDisplayName(TextStyle.FULL, locale);
    }

    public String kind(id.padu.budget.Budget.Kind k) {
        return get("kind." + k.code());
    }
}
