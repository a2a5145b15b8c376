package id.padu.dataset;

import id.padu.domain.MirPolicy;
import id.padu.domain.PlanScope;
import id.padu.domain.Redundancy;
import id.padu.domain.Settings;
import id.padu.domain.WindowText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** settings.csv: {@code key,value} rows, checked key by key against the ranges of format v1. */
final class SettingsParser {

    static final List<String> KEYS = List.of("plan.quantile", "plan.growth", "plan.target_utilization",
            "plan.redundancy", "plan.survivable_fraction", "plan.horizon_years", "plan.reserve", "plan.scope",
            "plan.start_date", "migrate.start_date", "migrate.uplink_ready_date", "migrate.cutovers_per_week",
            "migrate.windows", "migrate.blackouts", "plan.broadband_share", "plan.min_sla_pct",
            "plan.min_cir_mbps", "plan.mir", "plan.central_budget_idr");

    /** Prefix of the budget proposal's account codes, one setting per kind of line. */
    static final String ACCOUNT_CODE = "budget.account_code.";

    private static final Pattern BLACKOUT = Pattern.compile("([0-9]{4}-[0-9]{2}-[0-9]{2}) *\\.\\. *([0-9]{4}-[0-9]{2}-[0-9]{2})");

    /** The largest guarantee floor a setting may ask for: 10 Gbit/s per agency. */
    static final double MAX_MIN_CIR_MBPS = 10_000;
    /** The largest central budget a setting may give: Rp 1,000 trillion a year, far above any regency. */
    static final long MAX_BUDGET_IDR = 1_000_000_000_000_000L;

    private final Map<String, Long> seen = new HashMap<>();
    private final Map<String, String> unknown = new LinkedHashMap<>();
    private double quantile = Settings.DEFAULTS.quantile();
    private double growth = Settings.DEFAULTS.growth();
    private double targetUtilization = Settings.DEFAULTS.targetUtilization();
    private Redundancy redundancy = Settings.DEFAULTS.redundancy();
    private double survivableFraction = Settings.DEFAULTS.survivableFraction();
    private int horizonYears = Settings.DEFAULTS.horizonYears();
    private double reserve = Settings.DEFAULTS.reserve();
    private PlanScope scope = Settings.DEFAULTS.scope();
    private LocalDate planStart;
    private LocalDate migrateStart;
    private LocalDate uplinkReady;
    private int cutoversPerWeek = Settings.DEFAULTS.cutoversPerWeek();
    private String windows = Settings.DEFAULTS.migrateWindows();
    private List<Settings.DateRange> blackouts = List.of();
    private double broadbandShare = Settings.DEFAULTS.broadbandShare();
    private Double minSlaPct = Settings.DEFAULTS.minSlaPct();
    private double minCirMbps = Settings.DEFAULTS.minCirMbps();
    private MirPolicy mir = Settings.DEFAULTS.mir();
    private Long centralBudget = Settings.DEFAULTS.centralBudgetIdr();

    void row(Cells c, Problems problems, String file) {
        String rawKey = c.required("key");
        if (rawKey == null) {
            return;
        }
        String key = rawKey.toLowerCase(Locale.ROOT);
        Long first = seen.putIfAbsent(key, c.line());
        if (first != null) {
            c.error("key", rawKey, "settings.duplicate", first);
            return;
        }
        String v = c.optional("value");
        if (key.startsWith(ACCOUNT_CODE)) {
            // free text the budget proposal prints on its lines (budget.account_code.central, .link,
            // .agency): kept with the settings the format does not type, without a warning
            if (!key.substring(ACCOUNT_CODE.length()).matches("[a-z_]{1,32}")) {
                problems.warn(file, c.line(), "key", rawKey, "settings.unknownKey");
            } else if (v != null && v.length() > 64) {
                c.error("value", v, "settings.accountCode", key, 64);
                return;
            }
            if (v != null) {
                unknown.put(key, v);
            }
            return;
        }
        if (!KEYS.contains(key)) {
            problems.warn(file, c.line(), "key", rawKey, "settings.unknownKey");
            if (v != null) {
                unknown.put(rawKey, v);
            }
            return;
        }
        if (v == null) {
            return; // not given: the default applies
        }
        switch (key) {
            case "plan.quantile" -> quantile = fraction(c, v, key, false, true, quantile);
            case "plan.growth" -> growth = fraction(c, v, key, true, true, growth);
            case "plan.target_utilization" -> targetUtilization = fraction(c, v, key, false, true, targetUtilization);
            case "plan.survivable_fraction" -> survivableFraction = fraction(c, v, key, true, true, survivableFraction);
            case "plan.reserve" -> reserve = fraction(c, v, key, true, false, reserve);
            case "plan.broadband_share" -> broadbandShare = fraction(c, v, key, true, true, broadbandShare);
            case "plan.min_sla_pct" -> {
                double d = number(c, v, key, 0, 100, Double.NaN);
                if (!Double.isNaN(d)) {
                    minSlaPct = d;
                }
            }
            case "plan.min_cir_mbps" -> minCirMbps = number(c, v, key, 0, MAX_MIN_CIR_MBPS, minCirMbps);
            case "plan.mir" -> {
                MirPolicy p = MirPolicy.parse(v).orElse(null);
                if (p == null) {
                    c.error("value", v, "value.enum", "uplink, link, 3x (1x to 1000x)");
                } else {
                    mir = p;
                }
            }
            case "plan.central_budget_idr" -> {
                if (!v.matches("[0-9]{1,16}")) {
                    c.error("value", v, "value.integer");
                } else if (Long.parseLong(v) < 1 || Long.parseLong(v) > MAX_BUDGET_IDR) {
                    c.error("value", v, "settings.range", key, "[1, " + MAX_BUDGET_IDR + "]");
                } else {
                    centralBudget = Long.parseLong(v);
                }
            }
            case "plan.horizon_years" -> horizonYears = whole(c, v, key, 1, 50, horizonYears);
            case "migrate.cutovers_per_week" -> cutoversPerWeek = whole(c, v, key, 1, 1000, cutoversPerWeek);
            case "plan.redundancy" -> {
                switch (v.toLowerCase(Locale.ROOT)) {
                    case "single" -> redundancy = Redundancy.SINGLE;
                    case "dual" -> redundancy = Redundancy.DUAL;
                    default -> c.error("value", v, "value.enum", "single, dual");
                }
            }
            case "plan.scope" -> {
                switch (v.toLowerCase(Locale.ROOT)) {
                    case "optimize" -> scope = PlanScope.OPTIMIZE;
                    case "all" -> scope = PlanScope.ALL;
                    default -> c.error("value", v, "value.enum", "optimize, all");
                }
            }
            case "plan.start_date" -> planStart = date(c, v);
            case "migrate.start_date" -> migrateStart = date(c, v);
            case "migrate.uplink_ready_date" -> uplinkReady = date(c, v);
            case "migrate.windows" -> windows(c, v);
            case "migrate.blackouts" -> blackouts(c, v);
            default -> throw new IllegalStateException(key);
        }
    }

    Settings settings() {
        return new Settings(quantile, growth, targetUtilization, redundancy, survivableFraction, horizonYears,
                reserve, scope, planStart, migrateStart, uplinkReady, cutoversPerWeek, windows, blackouts, broadbandShare, minSlaPct,
                minCirMbps, mir, centralBudget, unknown);
    }

    private static Double decimal(Cells c, String given) {
        String v = given;
        if (c.decimalComma() && v.indexOf(',') >= 0 && v.indexOf('.') < 0) {
            v = v.replace(',', '.');
        }
        if (v.matches("[0-9]+(\\.[0-9]*)?|\\.[0-9]+")) {
            return new BigDecimal(v.startsWith(".") ? "0" + v : v).doubleValue();
        }
        c.error("value", given, "value.decimal");
        return null;
    }

    /** A fraction in (0,1] or [0,1] ({@code zeroOk}), or [0,1) when {@code oneOk} is false. */
    private static double fraction(Cells c, String v, String key, boolean zeroOk, boolean oneOk, double current) {
        Double d = decimal(c, v);
        if (d == null) {
            return current;
        }
        boolean lowOk = zeroOk ? d >= 0 : d > 0;
        boolean highOk = oneOk ? d <= 1 : d < 1;
        String range = (zeroOk ? "[0" : "(0") + ", 1" + (oneOk ? "]" : ")");
        if (d > 1 && d <= 100) {
            // a percentage where a fraction belongs (plan.growth=20 for 20 %): say which fraction it meant
            BigDecimal f = BigDecimal.valueOf(d).movePointLeft(2);
            c.error("value", v, "settings.percent", key, range,
                    f.setScale(Math.max(2, f.stripTrailingZeros().scale())).toPlainString());
            return current;
        }
        if (!lowOk || !highOk) {
            c.error("value", v, "settings.range", key, range);
            return current;
        }
        return d;
    }

    private static double number(Cells c, String v, String key, double min, double max, double current) {
        Double d = decimal(c, v);
        if (d == null) {
            return current;
        }
        if (d < min || d > max) {
            c.error("value", v, "settings.range", key, "[" + fmt(min) + ", " + fmt(max) + "]");
            return current;
        }
        return d;
    }

    private static String fmt(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static int whole(Cells c, String v, String key, int min, int max, int current) {
        if (!v.matches("[0-9]{1,9}")) {
            c.error("value", v, "value.integer");
            return current;
        }
        int n = Integer.parseInt(v);
        if (n < min || n > max) {
            c.error("value", v, "settings.range", key, "[" + min + ", " + max + "]");
            return current;
        }
        return n;
    }

    private static LocalDate date(Cells c, String v) {
        LocalDate d = parseDate(v);
        if (d == null) {
            c.error("value", v, "value.date");
        }
        return d;
    }

    private static LocalDate parseDate(String v) {
        if (!v.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private void windows(Cells c, String v) {
        List<String> parts = new ArrayList<>();
        boolean ok = true;
        for (String part : v.split(";")) {
            String p = part.trim().toUpperCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            WindowText.Reading r = WindowText.read(p);
            if (r.fault() != null) {
                c.error("value", part.trim(), r.fault() == WindowText.Fault.FORM ? "settings.window" : "settings.windowTimes");
                ok = false;
                continue;
            }
            parts.add(r.text());
        }
        if (ok && parts.isEmpty()) {
            c.error("value", v, "settings.window");
            ok = false;
        }
        if (ok) {
            windows = String.join(";", parts);
        }
    }

    private void blackouts(Cells c, String v) {
        List<Settings.DateRange> out = new ArrayList<>();
        boolean ok = true;
        for (String part : v.split(";")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            Matcher m = BLACKOUT.matcher(p);
            LocalDate from = m.matches() ? parseDate(m.group(1)) : null;
            LocalDate to = m.matches() ? parseDate(m.group(2)) : null;
            if (from == null || to == null) {
                c.error("value", p, "settings.blackout");
                ok = false;
            } else if (to.isBefore(from)) {
                c.error("value", p, "settings.blackoutOrder");
                ok = false;
            } else {
                out.add(new Settings.DateRange(from, to));
            }
        }
        if (ok) {
            blackouts = out;
        }
    }
}
