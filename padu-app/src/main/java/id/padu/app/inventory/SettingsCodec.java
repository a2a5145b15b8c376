package id.padu.app.inventory;

import id.padu.domain.MirPolicy;
import id.padu.domain.PlanScope;
import id.padu.domain.Redundancy;
import id.padu.domain.Settings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Settings as the key/value rows of settings.csv: every known key whose value was given or differs
 * from the default, in canonical form from the typed fields, plus the keys this version does not
 * know ({@link Settings#raw()}, as the dataset reader fills it) as they were written.
 */
final class SettingsCodec {

    private SettingsCodec() {
    }

    static Map<String, String> toRows(Settings s) {
        Settings d = Settings.DEFAULTS;
        Map<String, String> canonical = new LinkedHashMap<>();
        canonical.put("plan.quantile", num(s.quantile()));
        canonical.put("plan.growth", num(s.growth()));
        canonical.put("plan.target_utilization", num(s.targetUtilization()));
        canonical.put("plan.redundancy", s.redundancy().name().toLowerCase(Locale.ROOT));
        canonical.put("plan.survivable_fraction", num(s.survivableFraction()));
        canonical.put("plan.horizon_years", Integer.toString(s.horizonYears()));
        canonical.put("plan.reserve", num(s.reserve()));
        canonical.put("plan.scope", s.scope().name().toLowerCase(Locale.ROOT));
        canonical.put("plan.start_date", date(s.planStartDate()));
        canonical.put("migrate.start_date", date(s.migrateStartDate()));
        canonical.put("migrate.uplink_ready_date", date(s.migrateUplinkReadyDate()));
        canonical.put("migrate.cutovers_per_week", Integer.toString(s.cutoversPerWeek()));
        canonical.put("migrate.windows", s.migrateWindows());
        canonical.put("migrate.blackouts", blackouts(s.migrateBlackouts()));
        canonical.put("plan.broadband_share", num(s.broadbandShare()));
        canonical.put("plan.min_sla_pct", s.minSlaPct() == null ? "" : num(s.minSlaPct()));
        canonical.put("plan.min_cir_mbps", num(s.minCirMbps()));
        canonical.put("plan.mir", s.mir().code());
        canonical.put("plan.central_budget_idr", s.centralBudgetIdr() == null ? "" : Long.toString(s.centralBudgetIdr()));
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("plan.quantile", num(d.quantile()));
        defaults.put("plan.growth", num(d.growth()));
        defaults.put("plan.target_utilization", num(d.targetUtilization()));
        defaults.put("plan.redundancy", d.redundancy().name().toLowerCase(Locale.ROOT));
        defaults.put("plan.survivable_fraction", num(d.survivableFraction()));
        defaults.put("plan.horizon_years", Integer.toString(d.horizonYears()));
        defaults.put("plan.reserve", num(d.reserve()));
        defaults.put("plan.scope", d.scope().name().toLowerCase(Locale.ROOT));
        defaults.put("migrate.cutovers_per_week", Integer.toString(d.cutoversPerWeek()));
        defaults.put("migrate.windows", d.migrateWindows());
        defaults.put("migrate.blackouts", "");
        defaults.put("plan.broadband_share", num(d.broadbandShare()));
        defaults.put("plan.min_sla_pct", "");
        defaults.put("plan.min_cir_mbps", num(d.minCirMbps()));
        defaults.put("plan.mir", d.mir().code());
        defaults.put("plan.central_budget_idr", "");

        Map<String, String> rows = new LinkedHashMap<>();
        canonical.forEach((k, v) -> {
            boolean given = s.raw().containsKey(k);
            boolean differs = !v.isEmpty() && !v.equals(defaults.get(k));
            if ((given || differs) && !v.isEmpty()) {
                rows.put(k, v);
            }
        });
        // Keys this version does not know are kept as the planner wrote them.
        s.raw().forEach((k, v) -> {
            if (!canonical.containsKey(k)) {
                rows.put(k, v);
            }
        });
        return rows;
    }

    /** The keys dataset format v1 defines; {@link Settings#raw()} holds only the others (as the reader does). */
    static final java.util.Set<String> KNOWN = java.util.Set.of("plan.quantile", "plan.growth", "plan.target_utilization",
            "plan.redundancy", "plan.survivable_fraction", "plan.horizon_years", "plan.reserve", "plan.scope",
            "plan.start_date", "migrate.start_date", "migrate.uplink_ready_date", "migrate.cutovers_per_week",
            "migrate.windows", "migrate.blackouts", "plan.broadband_share", "plan.min_sla_pct", "plan.min_cir_mbps", "plan.mir",
            "plan.central_budget_idr");

    static Settings fromRows(Map<String, String> rows) {
        Settings d = Settings.DEFAULTS;
        Map<String, String> unknown = new LinkedHashMap<>(rows);
        unknown.keySet().removeAll(KNOWN);
        return new Settings(
                dbl(rows, "plan.quantile", d.quantile()),
                dbl(rows, "plan.growth", d.growth()),
                dbl(rows, "plan.target_utilization", d.targetUtilization()),
                rows.containsKey("plan.redundancy")
                        ? Redundancy.valueOf(rows.get("plan.redundancy").toUpperCase(Locale.ROOT)) : d.redundancy(),
                dbl(rows, "plan.survivable_fraction", d.survivableFraction()),
                integer(rows, "plan.horizon_years", d.horizonYears()),
                dbl(rows, "plan.reserve", d.reserve()),
                rows.containsKey("plan.scope")
                        ? PlanScope.valueOf(rows.get("plan.scope").toUpperCase(Locale.ROOT)) : d.scope(),
                localDate(rows, "plan.start_date"),
                localDate(rows, "migrate.start_date"),
                localDate(rows, "migrate.uplink_ready_date"),
                integer(rows, "migrate.cutovers_per_week", d.cutoversPerWeek()),
                rows.getOrDefault("migrate.windows", d.migrateWindows()),
                parseBlackouts(rows.get("migrate.blackouts")),
                dbl(rows, "plan.broadband_share", d.broadbandShare()),
                rows.containsKey("plan.min_sla_pct") && !rows.get("plan.min_sla_pct").isBlank()
                        ? Double.valueOf(rows.get("plan.min_sla_pct").trim()) : d.minSlaPct(),
                dbl(rows, "plan.min_cir_mbps", d.minCirMbps()),
                rows.containsKey("plan.mir") ? MirPolicy.parse(rows.get("plan.mir")).orElse(d.mir()) : d.mir(),
                rows.containsKey("plan.central_budget_idr") && !rows.get("plan.central_budget_idr").isBlank()
                        ? Long.valueOf(rows.get("plan.central_budget_idr").trim()) : d.centralBudgetIdr(),
                unknown);
    }

    private static String num(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    private static String blackouts(List<Settings.DateRange> ranges) {
        StringBuilder sb = new StringBuilder();
        for (Settings.DateRange r : ranges) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(r.from()).append("..").append(r.to());
        }
        return sb.toString();
    }

    private static List<Settings.DateRange> parseBlackouts(String text) {
        List<Settings.DateRange> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split(";")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int dots = p.indexOf("..");
            out.add(new Settings.DateRange(LocalDate.parse(p.substring(0, dots).trim()),
                    LocalDate.parse(p.substring(dots + 2).trim())));
        }
        return out;
    }

    private static double dbl(Map<String, String> rows, String key, double dflt) {
        String v = rows.get(key);
        return v == null || v.isBlank() ? dflt : Double.parseDouble(v.trim());
    }

    private static int integer(Map<String, String> rows, String key, int dflt) {
        String v = rows.get(key);
        return v == null || v.isBlank() ? dflt : Integer.parseInt(v.trim());
    }

    private static LocalDate localDate(Map<String, String> rows, String key) {
        String v = rows.get(key);
        return v == null || v.isBlank() ? null : LocalDate.parse(v.trim());
    }
}
