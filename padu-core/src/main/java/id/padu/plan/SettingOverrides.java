package id.padu.plan;

import id.padu.domain.MirPolicy;
import id.padu.domain.PlanScope;
import id.padu.domain.Redundancy;
import id.padu.domain.Settings;
import id.padu.domain.WindowText;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies {@code key=value} overrides (for example {@code padu plan --set plan.growth=0.3}) to
 * settings, with the rules of settings.csv in dataset format v1: known keys only, values in
 * range. A bad override raises a {@link PlanningException} naming key and value.
 */
public final class SettingOverrides {

    private SettingOverrides() {
    }

    public static Settings apply(Settings base, Map<String, String> overrides) throws PlanningException {
        double quantile = base.quantile();
        double growth = base.growth();
        double util = base.targetUtilization();
        Redundancy red = base.redundancy();
        double surv = base.survivableFraction();
        int horizon = base.horizonYears();
        double reserve = base.reserve();
        PlanScope scope = base.scope();
        LocalDate planStart = base.planStartDate();
        LocalDate migStart = base.migrateStartDate();
        LocalDate ready = base.migrateUplinkReadyDate();
        int perWeek = base.cutoversPerWeek();
        String windows = base.migrateWindows();
        List<Settings.DateRange> blackouts = base.migrateBlackouts();
        double broadbandShare = base.broadbandShare();
        Double minSla = base.minSlaPct();
        double minCir = base.minCirMbps();
        MirPolicy mir = base.mir();
        Long budget = base.centralBudgetIdr();
        Map<String, String> raw = new HashMap<>(base.raw());
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            String key = e.getKey().trim().toLowerCase(Locale.ROOT);
            String v = e.getValue() == null ? "" : e.getValue().trim();
            switch (key) {
                case "plan.quantile" -> quantile = fraction(key, v, false, true);
                case "plan.growth" -> growth = fraction(key, v, true, true);
                case "plan.target_utilization" -> util = fraction(key, v, false, true);
                case "plan.redundancy" -> red = switch (v.toLowerCase(Locale.ROOT)) {
                    case "single" -> Redundancy.SINGLE;
                    case "dual" -> Redundancy.DUAL;
                    default -> throw bad(key, v, "single|dual");
                };
                case "plan.survivable_fraction" -> surv = fraction(key, v, true, true);
                case "plan.horizon_years" -> horizon = integer(key, v, 1, 50);
                case "plan.reserve" -> reserve = fraction(key, v, true, false);
                case "plan.scope" -> scope = switch (v.toLowerCase(Locale.ROOT)) {
                    case "optimize" -> PlanScope.OPTIMIZE;
                    case "all" -> PlanScope.ALL;
                    default -> throw bad(key, v, "optimize|all");
                };
                case "plan.start_date" -> planStart = date(key, v);
                case "migrate.start_date" -> migStart = date(key, v);
                case "migrate.uplink_ready_date" -> ready = date(key, v);
                case "migrate.cutovers_per_week" -> perWeek = integer(key, v, 1, 1000);
                case "migrate.windows" -> {
                    if (!WindowText.allRead(v)) {
                        throw bad(key, v, "SAT 07:00-13:00;SUN 07:00-13:00");
                    }
                    windows = v;
                }
                case "migrate.blackouts" -> blackouts = blackouts(key, v);
                case "plan.broadband_share" -> broadbandShare = fraction(key, v, true, true);
                // empty: no rule (every offer may be chosen whatever its sla_pct)
                case "plan.min_sla_pct" -> minSla = v.isEmpty() ? null : number(key, v, 0, 100);
                case "plan.min_cir_mbps" -> minCir = number(key, v, 0, 10_000);
                case "plan.mir" -> mir = MirPolicy.parse(v).orElseThrow(() -> bad(key, v, "uplink|link|3x (1x..1000x)"));
                // empty: no ceiling; whole Rupiah a year, as every *_idr value
                case "plan.central_budget_idr" -> budget = v.isEmpty() ? null : rupiah(key, v);
                default -> throw new PlanningException("error.setting.unknown", key);
            }
            raw.put(key, v);
        }
        return new Settings(quantile, growth, util, red, surv, horizon, reserve, scope, planStart, migStart, ready, perWeek,
                windows, blackouts, broadbandShare, minSla, minCir, mir, budget, raw);
    }

    private static PlanningException bad(String key, String value, String expected) {
        return new PlanningException("error.setting.value", key, value, expected);
    }

    /** A decimal number in [min, max], with a decimal point or a decimal comma as the CSV reader takes it. */
    private static double number(String key, String v, double min, double max) throws PlanningException {
        String range = "[" + plain(min) + ", " + plain(max) + "]";
        String text = v.indexOf(',') >= 0 && v.indexOf('.') < 0 ? v.replace(',', '.') : v;
        if (!text.matches("\\d+(\\.\\d+)?")) {
            throw bad(key, v, range);
        }
        double d = new java.math.BigDecimal(text).doubleValue();
        if (d < min || d > max) {
            throw bad(key, v, range);
        }
        return d;
    }

    private static String plain(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /**
     * A fraction such as 0.95, with a decimal point or, as the CSV reader accepts, a decimal comma
     * ({@code 0,95}). A value above 1 and at most 100 is almost always a percentage typed by
     * someone who meant a fraction ({@code plan.growth=20} for 20 %, which would be read as
     * 2000 %): it is refused with the fraction it probably meant.
     */
    private static double fraction(String key, String v, boolean zeroAllowed, boolean oneAllowed) throws PlanningException {
        String range = (zeroAllowed ? "[0" : "(0") + ", 1" + (oneAllowed ? "]" : ")");
        String text = v.indexOf(',') >= 0 && v.indexOf('.') < 0 ? v.replace(',', '.') : v;
        if (!text.matches("\\d+(\\.\\d+)?")) {
            throw bad(key, v, range);
        }
        java.math.BigDecimal d = new java.math.BigDecimal(text);
        if (d.compareTo(java.math.BigDecimal.ONE) > 0 && d.compareTo(java.math.BigDecimal.valueOf(100)) <= 0) {
            throw new PlanningException("error.setting.percent", key, v, percentHint(d), range);
        }
        double f = d.doubleValue();
        if (f > 1 || (!zeroAllowed && f == 0) || (!oneAllowed && f == 1)) {
            throw bad(key, v, range);
        }
        return f;
    }

    /** The fraction a percentage stands for, with at least two decimals: 20 gives "0.20", 12.5 gives "0.125". */
    static String percentHint(java.math.BigDecimal percent) {
        java.math.BigDecimal f = percent.movePointLeft(2);
        return f.setScale(Math.max(2, f.stripTrailingZeros().scale())).toPlainString();
    }

    /** Whole Rupiah, 1 to 10^15, digits only (no thousands separators, as in the *_idr columns). */
    private static long rupiah(String key, String v) throws PlanningException {
        if (!v.matches("[0-9]{1,16}") || Long.parseLong(v) < 1 || Long.parseLong(v) > 1_000_000_000_000_000L) {
            throw bad(key, v, "whole Rupiah, 1..1000000000000000");
        }
        return Long.parseLong(v);
    }

    private static int integer(String key, String v, int min, int max) throws PlanningException {
        try {
            int i = Integer.parseInt(v);
            if (i < min || i > max) {
                throw bad(key, v, min + ".." + max);
            }
            return i;
        } catch (NumberFormatException ex) {
            throw bad(key, v, min + ".." + max);
        }
    }

    private static LocalDate date(String key, String v) throws PlanningException {
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException ex) {
            throw bad(key, v, "yyyy-mm-dd");
        }
    }

    private static List<Settings.DateRange> blackouts(String key, String v) throws PlanningException {
        List<Settings.DateRange> out = new ArrayList<>();
        if (v.isEmpty()) {
            return out;
        }
        for (String part : v.split(";")) {
            String[] ab = part.trim().split("\\.\\.");
            if (ab.length != 2) {
                throw bad(key, v, "yyyy-mm-dd..yyyy-mm-dd;...");
            }
            LocalDate a = date(key, ab[0].trim());
            LocalDate b = date(key, ab[1].trim());
            if (b.isBefore(a)) {
                throw bad(key, v, "yyyy-mm-dd..yyyy-mm-dd;...");
            }
            out.add(new Settings.DateRange(a, b));
        }
        return out;
    }
}
