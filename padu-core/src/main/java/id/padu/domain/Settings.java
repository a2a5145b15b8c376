package id.padu.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Planning and migration settings (settings.csv) with the defaults of dataset format v1.
 * {@code planStartDate} null means "today", decided by the caller (the core has no clock).
 *
 * @param migrateWindows  raw {@code migrate.windows} text, e.g. {@code SAT 07:00-13:00;SUN 07:00-13:00}
 * @param migrateBlackouts parsed {@code migrate.blackouts} periods, inclusive
 * @param broadbandShare  the share of a {@code broadband} offer's rates that counts toward the required
 *                        capacity and toward what survives a provider failure ({@code dedicated} counts fully)
 * @param minSlaPct       an offer whose {@code sla_pct} is below this, or not given, is never chosen; null: no rule
 * @param minCirMbps      the guarantee (CIR) every central agency gets per direction before the priority
 *                        classes share the rest of the pool
 * @param mir             how high a central agency's ceiling (MIR) goes
 * @param centralBudgetIdr the most the central part of the plan (uplinks and the central agencies' links) may
 *                        cost per year; null: no ceiling
 * @param raw             settings.csv keys this format version does not know, as given (kept so
 *                        that an export writes them back; known keys live in the typed fields)
 */
public record Settings(double quantile, double growth, double targetUtilization, Redundancy redundancy,
                       double survivableFraction, int horizonYears, double reserve, PlanScope scope,
                       LocalDate planStartDate, LocalDate migrateStartDate, LocalDate migrateUplinkReadyDate,
                       int cutoversPerWeek, String migrateWindows, List<DateRange> migrateBlackouts,
                       double broadbandShare, Double minSlaPct, double minCirMbps, MirPolicy mir,
                       Long centralBudgetIdr, Map<String, String> raw) {

    public static final Settings DEFAULTS = new Settings(0.95, 0.20, 0.80, Redundancy.DUAL, 0.60, 3, 0.10,
            PlanScope.OPTIMIZE, null, null, null, 2, "SAT 07:00-13:00", List.of(), 0.25, null, 1.0, MirPolicy.UPLINK, null,
            Map.of());

    /** The settings of the first format version's keys, with the later ones at their defaults. */
    public Settings(double quantile, double growth, double targetUtilization, Redundancy redundancy,
                    double survivableFraction, int horizonYears, double reserve, PlanScope scope,
                    LocalDate planStartDate, LocalDate migrateStartDate, LocalDate migrateUplinkReadyDate,
                    int cutoversPerWeek, String migrateWindows, List<DateRange> migrateBlackouts, Map<String, String> raw) {
        this(quantile, growth, targetUtilization, redundancy, survivableFraction, horizonYears, reserve, scope, planStartDate,
                migrateStartDate, migrateUplinkReadyDate, cutoversPerWeek, migrateWindows, migrateBlackouts, 0.25, null, 1.0,
                MirPolicy.UPLINK, null, raw);
    }

    public Settings {
        Objects.requireNonNull(redundancy, "redundancy");
        Objects.requireNonNull(scope, "scope");
        migrateWindows = migrateWindows == null ? "SAT 07:00-13:00" : migrateWindows;
        migrateBlackouts = migrateBlackouts == null ? List.of() : List.copyOf(migrateBlackouts);
        mir = mir == null ? MirPolicy.UPLINK : mir;
        raw = raw == null ? Map.of() : Map.copyOf(raw);
    }

    /** An inclusive period of days. */
    public record DateRange(LocalDate from, LocalDate to) {
        public boolean contains(LocalDate d) {
            return !d.isBefore(from) && !d.isAfter(to);
        }
    }
}
