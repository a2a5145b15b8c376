package id.padu.forecast;

import id.padu.analysis.NearestRank;
import id.padu.domain.Agency;
import id.padu.domain.Dataset;
import id.padu.domain.Direction;
import id.padu.domain.Subscription;
import id.padu.domain.Wib;
import id.padu.plan.AgencyDecision;
import id.padu.plan.CentralUplinks;
import id.padu.plan.Decision;
import id.padu.plan.DemandGrid;
import id.padu.plan.Plan;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The capacity forecast (docs/forecast-budget.md). Per calendar month in WIB, the quantile
 * ({@code plan.quantile}) of the aggregate demand of the central agencies (every agency when there
 * is no plan), over the intervals of that month in which any agency was measured, as the planner
 * takes it over the whole year; a log-linear trend per direction on the months that count
 * ({@link Trend}); then forward month by month until the requirement, the trend's value over
 * {@code plan.target_utilization} (the planner's growth factor is 1 + 0 here: the trend is the
 * growth), exceeds the capacity.
 */
public final class Forecaster {

    /** Fewer measured months give no trend worth a budget: two points always fit a line exactly. */
    public static final int MIN_MEASURED_MONTHS = 3;

    /** The most months the forecast runs ahead (20 years). */
    public static final int MAX_MONTHS = 240;

    /**
     * A month counts as measured when at least this share of its intervals hold a measurement:
     * the first and last month of a data set are usually partial, and a month of which a few days
     * were measured says little about the month (its Q95 falls on whatever those days were).
     */
    public static final double COUNTED_SHARE = 0.5;

    private Forecaster() {
    }

    /** One calendar month of the aggregate: its quantiles and how many of its intervals were measured. */
    public record MonthlyQuantile(YearMonth month, long downBps, long upBps, int measuredIntervals, int intervals) {

        /** Whether the month counts for the trend ({@link #COUNTED_SHARE}). */
        public boolean counts() {
            return measuredIntervals > 0 && measuredIntervals >= COUNTED_SHARE * intervals;
        }

        /** Measured share in whole percent, rounded down. */
        public int percent() {
            return (int) (100L * measuredIntervals / Math.max(1, intervals));
        }
    }

    /**
     * The forecast of {@code dataset}'s usage for {@code months} months after the last measured
     * month, compared with {@code plan}'s uplinks (null: no plan, every agency's demand against
     * what the subscriptions buy).
     */
    public static Forecast forecast(Dataset dataset, Plan plan, int months) throws ForecastException {
        if (months < 0 || months > MAX_MONTHS) {
            throw new IllegalArgumentException("months outside [0, " + MAX_MONTHS + "]: " + months);
        }
        boolean[] central = central(dataset, plan);
        List<MonthlyQuantile> all = monthly(dataset, central);
        List<MonthlyQuantile> counted = all.stream().filter(MonthlyQuantile::counts).toList();
        if (counted.size() < MIN_MEASURED_MONTHS) {
            StringBuilder seen = new StringBuilder();
            for (MonthlyQuantile m : all) {
                if (seen.length() > 0) {
                    seen.append(", ");
                }
                seen.append(m.month()).append(' ').append(m.percent()).append(" %");
            }
            throw new ForecastException("error.fewMonths", String.valueOf(counted.size()), seen.toString(),
                    String.valueOf(MIN_MEASURED_MONTHS));
        }
        for (MonthlyQuantile m : counted) {
            if (m.downBps() <= 0 || m.upBps() <= 0) {
                throw new ForecastException("error.zeroMonth", m.month().toString(), m.downBps() <= 0 ? "down" : "up");
            }
        }
        YearMonth first = counted.get(0).month();
        int n = counted.size();
        double[] x = new double[n];
        double[] yd = new double[n];
        double[] yu = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = first.until(counted.get(i).month(), ChronoUnit.MONTHS);
            yd[i] = counted.get(i).downBps();
            yu[i] = counted.get(i).upBps();
        }
        Trend down = Trend.fit(x, yd);
        Trend up = Trend.fit(x, yu);

        List<Forecast.Month> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            MonthlyQuantile m = counted.get(i);
            out.add(new Forecast.Month(m.month(), true, m.downBps(), m.upBps(), bps(down.at(x[i])), bps(up.at(x[i])),
                    null, null, null, null));
        }
        YearMonth last = counted.get(n - 1).month();
        for (int h = 1; h <= months; h++) {
            YearMonth ym = last.plusMonths(h);
            double at = first.until(ym, ChronoUnit.MONTHS);
            long d = bps(down.at(at));
            long u = bps(up.at(at));
            out.add(new Forecast.Month(ym, false, d, u, d, u, bps(down.low(at)), bps(down.high(at)), bps(up.low(at)),
                    bps(up.high(at))));
        }

        Sizing s = new Sizing(dataset);
        long capD;
        long capU;
        Forecast.CapacityFrom from;
        if (plan != null) {
            capD = plan.capacityDownBps();
            capU = plan.capacityUpBps();
            from = Forecast.CapacityFrom.PLAN;
        } else {
            capD = 0;
            capU = 0;
            for (Subscription sub : dataset.subscriptions()) {
                capD = Math.addExact(capD, sub.down().bps());
                capU = Math.addExact(capU, sub.up().bps());
            }
            from = Forecast.CapacityFrom.SUBSCRIPTIONS;
        }
        Forecast.Crossing crossing = null;
        for (Forecast.Month m : out) {
            long rd = m.required(Direction.DOWN, s.targetUtilization);
            long ru = m.required(Direction.UP, s.targetUtilization);
            if (rd > capD || ru > capU) {
                Direction dir = ratio(rd, capD) >= ratio(ru, capU) ? Direction.DOWN : Direction.UP;
                crossing = new Forecast.Crossing(m.month(), dir, m.measured(), rd, ru);
                break;
            }
        }
        Forecast.Upgrade upgrade = null;
        if (crossing != null) {
            Optional<CentralUplinks.Choice> c = CentralUplinks.cheapest(dataset.offers(), dataset.settings(),
                    crossing.requiredDownBps(), crossing.requiredUpBps());
            if (c.isPresent()) {
                upgrade = new Forecast.Upgrade(c.get().uplinks(), c.get().annualIdr());
            }
        }
        return new Forecast(out, down, up, capD, capU, from, s.quantile, s.targetUtilization, crossing, upgrade);
    }

    /** The settings the forecast reads. */
    private record Sizing(double quantile, double targetUtilization) {
        Sizing(Dataset d) {
            this(d.settings().quantile(), d.settings().targetUtilization());
        }
    }

    private static double ratio(long required, long capacity) {
        return capacity <= 0 ? Double.POSITIVE_INFINITY : required / (double) capacity;
    }

    private static long bps(double v) {
        return Math.round(v);
    }

    /** Which agencies of the dataset make the aggregate: the plan's central ones, or all without a plan. */
    private static boolean[] central(Dataset dataset, Plan plan) throws ForecastException {
        List<Agency> agencies = dataset.agencies();
        boolean[] central = new boolean[agencies.size()];
        if (plan == null) {
            java.util.Arrays.fill(central, true);
            return central;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < agencies.size(); i++) {
            index.put(agencies.get(i).code(), i);
        }
        boolean any = false;
        for (AgencyDecision a : plan.agencies()) {
            Integer i = index.get(a.code());
            if (i == null) {
                throw new ForecastException("error.unknownAgency", a.code());
            }
            if (a.decision() == Decision.CENTRAL) {
                central[i] = true;
                any = true;
            }
        }
        if (!any) {
            throw new ForecastException("error.noCentral");
        }
        return central;
    }

    /**
     * The monthly quantiles of the aggregate of the agencies marked {@code central}, every calendar
     * month (WIB) from the first to the last interval of the data, counted or not.
     */
    public static List<MonthlyQuantile> monthly(Dataset dataset, boolean[] central) throws ForecastException {
        DemandGrid grid = DemandGrid.of(dataset);
        if (grid.measuredCount() == 0) {
            throw new ForecastException("error.noUsage");
        }
        int len = grid.length();
        long[] aggD = new long[len];
        long[] aggU = new long[len];
        for (int i = 0; i < central.length; i++) {
            if (central[i]) {
                grid.accumulate(aggD, i, true, 1);
                grid.accumulate(aggU, i, false, 1);
            }
        }
        boolean[] measured = new boolean[len];
        for (int t : grid.measuredSteps()) {
            measured[t] = true;
        }
        double q = dataset.settings().quantile();
        long start = grid.startEpochSecond();
        int step = grid.stepSeconds();
        long end = start + (long) step * len;
        List<MonthlyQuantile> out = new ArrayList<>();
        long[] sd = new long[len];
        long[] su = new long[len];
        YearMonth ym = YearMonth.from(Instant.ofEpochSecond(start).atZone(Wib.ZONE));
        while (true) {
            long ms = ym.atDay(1).atStartOfDay(Wib.ZONE).toEpochSecond();
            if (ms >= end) {
                break;
            }
            long me = ym.plusMonths(1).atDay(1).atStartOfDay(Wib.ZONE).toEpochSecond();
            int intervals = (int) ((me - ms) / step);
            // the grid steps that start inside the month
            long from = Math.max(0, Math.floorDiv(ms - start + step - 1, step));
            long to = Math.min(len, Math.floorDiv(me - start + step - 1, step));
            int k = 0;
            for (long t = from; t < to; t++) {
                if (measured[(int) t]) {
                    sd[k] = aggD[(int) t];
                    su[k] = aggU[(int) t];
                    k++;
                }
            }
            long d = 0;
            long u = 0;
            if (k > 0) {
                int r = NearestRank.rank(q, k) - 1;
                d = NearestRank.select(sd, k, r);
                u = NearestRank.select(su, k, r);
            }
            out.add(new MonthlyQuantile(ym, d, u, k, intervals));
            ym = ym.plusMonths(1);
        }
        return out;
    }
}
