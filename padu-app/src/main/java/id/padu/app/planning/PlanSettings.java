package id.padu.app.planning;

import id.padu.domain.Settings;
import id.padu.plan.PlanningException;
import id.padu.plan.SettingOverrides;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code plan.*} keys of settings.csv as a planner edits them: text in, validated with the
 * rules of the dataset format ({@link SettingOverrides}, the same as {@code padu plan --set}).
 */
final class PlanSettings {

    static final List<String> KEYS = List.of("plan.quantile", "plan.growth", "plan.target_utilization", "plan.redundancy",
            "plan.survivable_fraction", "plan.horizon_years", "plan.reserve", "plan.scope", "plan.start_date",
            "plan.broadband_share", "plan.min_sla_pct", "plan.min_cir_mbps", "plan.mir", "plan.central_budget_idr");

    private PlanSettings() {
    }

    /** The values of settings as text, in the order of {@link #KEYS}; start date empty when "today". */
    static Map<String, String> text(Settings s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("plan.quantile", num(s.quantile()));
        m.put("plan.growth", num(s.growth()));
        m.put("plan.target_utilization", num(s.targetUtilization()));
        m.put("plan.redundancy", s.redundancy().name().toLowerCase(Locale.ROOT));
        m.put("plan.survivable_fraction", num(s.survivableFraction()));
        m.put("plan.horizon_years", Integer.toString(s.horizonYears()));
        m.put("plan.reserve", num(s.reserve()));
        m.put("plan.scope", s.scope().name().toLowerCase(Locale.ROOT));
        m.put("plan.start_date", s.planStartDate() == null ? "" : s.planStartDate().toString());
        m.put("plan.broadband_share", num(s.broadbandShare()));
        m.put("plan.min_sla_pct", s.minSlaPct() == null ? "" : num(s.minSlaPct()));
        m.put("plan.min_cir_mbps", num(s.minCirMbps()));
        m.put("plan.mir", s.mir().code());
        m.put("plan.central_budget_idr", s.centralBudgetIdr() == null ? "" : Long.toString(s.centralBudgetIdr()));
        return m;
    }

    /** A value the rules of settings.csv reject; the message names key and value. */
    static final class Invalid extends Exception {
        final String key;
        final String value;
        final transient PlanningException cause;

        Invalid(String key, String value, PlanningException cause) {
            super(cause.getMessage(), cause);
            this.key = key;
            this.value = value;
            this.cause = cause;
        }

        String message(Locale locale) {
            return cause.message(locale);
        }
    }

    /**
     * Applies the given values (unknown keys rejected; blank values keep the stored setting).
     * Each key is checked on its own first so that the error names the field that is wrong.
     */
    static Settings apply(Settings base, Map<String, String> values) throws Invalid {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey() == null ? "" : e.getKey().trim().toLowerCase(Locale.ROOT);
            if (!KEYS.contains(key)) {
                throw new Invalid(key, e.getValue(), new PlanningException("error.setting.unknown", key));
            }
            if (e.getValue() != null && !e.getValue().isBlank()) {
                try {
                    SettingOverrides.apply(base, Map.of(key, e.getValue().trim()));
                } catch (PlanningException ex) {
                    throw new Invalid(key, e.getValue(), ex);
                }
                overrides.put(key, e.getValue().trim());
            }
        }
        try {
            return SettingOverrides.apply(base, overrides);
        } catch (PlanningException ex) {
            throw new Invalid("", "", ex);
        }
    }

    /** The form values merged over the stored settings: what a scenario records it ran with. */
    static Map<String, String> effective(Settings base, Map<String, String> values) throws Invalid {
        return text(apply(base, values));
    }

    /** Settings as stored with a scenario: one {@code key=value} line per key. */
    static String serialize(Map<String, String> values) {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> b.append(k).append('=').append(v == null ? "" : v).append('\n'));
        return b.toString();
    }

    static Map<String, String> parse(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return m;
    }

    private static String num(double d) {
        String s = Double.toString(d);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
