package id.padu.plan;

import id.padu.text.Bundles;
import java.util.Locale;

/** Words of the planner (reasons, errors) in Bahasa Indonesia (default) or English. */
public final class PlanMessages {

    private PlanMessages() {
    }

    public static String format(Locale locale, String key, Object... args) {
        return Bundles.format("id.padu.plan.messages", locale, key, args);
    }
}
