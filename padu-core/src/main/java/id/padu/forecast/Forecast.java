package id.padu.forecast;

import id.padu.domain.Direction;
import id.padu.plan.Uplink;
import java.time.YearMonth;
import java.util.List;

/**
 * The capacity forecast of a dataset (and a plan): the measured months, then the forecast months,
 * each with its quantile per direction; the trend per direction; the capacity it is compared with;
 * the first month whose requirement exceeds that capacity and the uplinks that would carry it.
 *
 * @param months            the measured months (oldest first), then the forecast months
 * @param down              the trend of the download quantile
 * @param up                the trend of the upload quantile
 * @param capacityDownBps   what the uplinks (or, without a plan, the subscriptions) carry down, bit/s
 * @param capacityUpBps     the same up
 * @param capacityFrom      where that capacity comes from
 * @param quantile          the quantile taken per month ({@code plan.quantile}, 0.95 by default)
 * @param targetUtilization {@code plan.target_utilization}: a month requires its quantile divided by it
 * @param crossing          the first month whose requirement exceeds the capacity; null when none does
 * @param upgrade           the cheapest offer choice carrying that month's requirement; null without a
 *                          crossing or when no choice of the offers carries it ({@link #noChoiceCarries()})
 */
public record Forecast(List<Month> months, Trend down, Trend up, long capacityDownBps, long capacityUpBps,
                       CapacityFrom capacityFrom, double quantile, double targetUtilization, Crossing crossing,
                       Upgrade upgrade) {

    public Forecast {
        months = List.copyOf(months);
    }

    /** Where the capacity of the comparison comes from. */
    public enum CapacityFrom {
        /** The plan's uplinks, summed per direction. */
        PLAN,
        /** Without a plan: everything the subscriptions buy today, summed per direction (the dashboard's "purchased"). */
        SUBSCRIPTIONS;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One month. For a measured month the rates are its quantile and the interval is null; for a
     * forecast month they are the trend's value (the median) and the 90 % prediction interval.
     *
     * @param trendDownBps the fitted trend in this month, measured or not
     */
    public record Month(YearMonth month, boolean measured, long downBps, long upBps, long trendDownBps, long trendUpBps,
                        Long lowDownBps, Long highDownBps, Long lowUpBps, Long highUpBps) {

        /** The capacity this month requires in a direction: its rate over the target utilisation, rounded up. */
        public long required(Direction d, double targetUtilization) {
            return (long) Math.ceil((d == Direction.DOWN ? downBps : upBps) / targetUtilization);
        }
    }

    /** The first month that requires more than the capacity, in the direction that exceeds it more. */
    public record Crossing(YearMonth month, Direction direction, boolean measured, long requiredDownBps, long requiredUpBps) {
    }

    /** Uplinks that carry the crossing month's requirement: the whole set, rows the plan already has included. */
    public record Upgrade(List<Uplink> uplinks, long annualIdr) {
        public Upgrade {
            uplinks = List.copyOf(uplinks);
        }

        public long capacityDownBps() {
            return uplinks.stream().mapToLong(Uplink::downBps).sum();
        }

        public long capacityUpBps() {
            return uplinks.stream().mapToLong(Uplink::upBps).sum();
        }
    }

    /** Growth of the download quantile per year at the fitted rate (what {@code growthPerYear} reports). */
    public double growthPerYear() {
        return down.growthPerYear();
    }

    /** A crossing for which no choice of the offers is large enough (or there are no offers). */
    public boolean noChoiceCarries() {
        return crossing != null && upgrade == null;
    }

    public List<Month> measuredMonths() {
        return months.stream().filter(Month::measured).toList();
    }

    /** The last measured month. */
    public YearMonth lastMeasured() {
        List<Month> m = measuredMonths();
        return m.get(m.size() - 1).month();
    }
}
