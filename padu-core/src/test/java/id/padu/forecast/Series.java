package id.padu.forecast;

import id.padu.domain.Agency;
import id.padu.domain.AgencyKind;
import id.padu.domain.BitRate;
import id.padu.domain.ConnectionKind;
import id.padu.domain.Dataset;
import id.padu.domain.Offer;
import id.padu.domain.PlanScope;
import id.padu.domain.Priority;
import id.padu.domain.Redundancy;
import id.padu.domain.Rupiah;
import id.padu.domain.Settings;
import id.padu.domain.Subscription;
import id.padu.domain.UsageSeries;
import id.padu.domain.Wib;
import id.padu.plan.AgencyDecision;
import id.padu.plan.Decision;
import id.padu.plan.Plan;
import id.padu.plan.Uplink;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/** Hourly usage built month by month, so that each month's Q95 is known by construction. */
final class Series {

    static final int STEP = 3600;

    private Series() {
    }

    /**
     * An agency's usage from the first hour of {@code first} (WIB) for {@code months} months: in
     * month m every interval is {@code level(m) x shape(i)}, up is {@code upShare} of down.
     */
    static UsageSeries monthly(String agency, YearMonth first, int months, IntToDoubleFunction level,
                               IntToDoubleFunction shape, double upShare) {
        return between(agency, first.atDay(1), first.plusMonths(months).atDay(1), level, shape, upShare);
    }

    /** As {@link #monthly}, from the start of day {@code from} to the start of day {@code to}; m counts from from's month. */
    static UsageSeries between(String agency, LocalDate from, LocalDate to, IntToDoubleFunction level,
                               IntToDoubleFunction shape, double upShare) {
        long start = from.atStartOfDay(Wib.ZONE).toEpochSecond();
        long end = to.atStartOfDay(Wib.ZONE).toEpochSecond();
        int n = (int) ((end - start) / STEP);
        long[] down = new long[n];
        long[] up = new long[n];
        YearMonth ym = YearMonth.from(from);
        int m = 0;
        long next = ym.plusMonths(1).atDay(1).atStartOfDay(Wib.ZONE).toEpochSecond();
        for (int i = 0; i < n; i++) {
            long t = start + (long) i * STEP;
            while (t >= next) {
                m++;
                ym = ym.plusMonths(1);
                next = ym.plusMonths(1).atDay(1).atStartOfDay(Wib.ZONE).toEpochSecond();
            }
            double v = level.applyAsDouble(m) * shape.applyAsDouble(i);
            down[i] = Math.round(v);
            up[i] = Math.round(v * upShare);
        }
        return new UsageSeries(agency, start, STEP, down, up);
    }

    static Agency agency(String code) {
        return new Agency(code, "Dinas " + code, AgencyKind.DINAS, Priority.NORMAL, List.of());
    }

    static Subscription sub(String agency, long mbps, long monthly) {
        return new Subscription(agency, "Telkom Indonesia", "Astinet " + mbps + " Mbps", ConnectionKind.DEDICATED,
                BitRate.ofMbps(mbps), BitRate.ofMbps(mbps), Rupiah.of(monthly), Rupiah.ZERO, LocalDate.of(2024, 1, 1),
                null, Rupiah.ZERO);
    }

    static Offer offer(String provider, long mbps, long monthly) {
        return new Offer(provider, "Dedicated " + mbps + " Mbps", ConnectionKind.DEDICATED, BitRate.ofMbps(mbps),
                BitRate.ofMbps(mbps), Rupiah.of(monthly), Rupiah.of(1_000_000), 12, null);
    }

    static Settings single() {
        Settings d = Settings.DEFAULTS;
        return new Settings(d.quantile(), d.growth(), d.targetUtilization(), Redundancy.SINGLE, d.survivableFraction(),
                d.horizonYears(), d.reserve(), PlanScope.OPTIMIZE, null, null, null, d.cutoversPerWeek(),
                d.migrateWindows(), List.of(), Map.of());
    }

    static Dataset dataset(List<UsageSeries> usage, List<Subscription> subs, List<Offer> offers, Settings settings) {
        List<Agency> agencies = new ArrayList<>();
        Map<String, UsageSeries> byAgency = new LinkedHashMap<>();
        for (UsageSeries u : usage) {
            agencies.add(agency(u.agency()));
            byAgency.put(u.agency(), u);
        }
        return new Dataset(agencies, subs, offers, null, List.of(), byAgency, settings);
    }

    /** A plan connecting {@code central} with one uplink of {@code mbps} both ways. */
    static Plan plan(List<String> central, List<String> local, long mbps) {
        List<AgencyDecision> a = new ArrayList<>();
        for (String c : central) {
            a.add(new AgencyDecision(c, Decision.CENTRAL, 1, 1, 1, 1, LocalDate.of(2025, 1, 1), null));
        }
        for (String l : local) {
            a.add(new AgencyDecision(l, Decision.LOCAL, 0, 0, 0, 0, null, null));
        }
        return new Plan(0, 0, 0, 0, null, 0, 0, true, 0,
                List.of(new Uplink("Telkom Indonesia", "Astinet " + mbps + " Mbps", mbps, mbps, 1, 0)), a);
    }
}
