package id.padu.app.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.padu.analysis.AgencyAnalysis;
import id.padu.analysis.AggregateAnalysis;
import id.padu.analysis.ContractEnding;
import id.padu.analysis.DemandProfile;
import id.padu.analysis.HourlyProfile;
import id.padu.analysis.SpendReport;
import id.padu.app.shared.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

/**
 * The JSON contract of {@code padu analyze --format json}, field by field in the order of the
 * output: bps and whole Rupiah as plain JSON numbers, ratios with at most six decimals;
 * {@code p95...} keys hold the quantile that was asked for (named in {@code quantile}); a figure
 * that cannot be computed (no usage, nothing bought) is null. Scripts read this: a field added is
 * a change of the contract, so add it at the end of its object.
 *
 * @param quantile            the demand quantile behind every {@code p95...} field, e.g. 0.95
 * @param referenceDate       the day the annual figures and contract endings are counted from, {@code yyyy-mm-dd}
 * @param totalAnnualSpendIdr what all agencies spend in a year, whole Rupiah
 * @param totalIdleAnnualIdr  the part of it bought but not used, whole Rupiah
 * @param agencies            one object per agency, in dataset order
 * @param aggregate           all agencies together
 * @param contractsEnding     subscriptions ending within twelve months, soonest first
 */
record AnalysisJson(double quantile, String referenceDate, long totalAnnualSpendIdr, long totalIdleAnnualIdr,
                    List<AgencyJson> agencies, AggregateJson aggregate, List<ContractJson> contractsEnding) {

    /** The output of {@code padu analyze --format json}, ending with the platform's line separator. */
    static String render(SpendReport r) {
        return Json.PRETTY.writeValueAsString(of(r)) + System.lineSeparator();
    }

    static AnalysisJson of(SpendReport r) {
        AggregateAnalysis g = r.aggregate();
        return new AnalysisJson(r.quantile(), r.referenceDate().toString(), g.totalAnnualSpendIdr(), g.totalIdleAnnualIdr(),
                r.agencies().stream().map(AgencyJson::of).toList(), AggregateJson.of(g),
                r.contractsEnding().stream().map(ContractJson::of).toList());
    }

    /**
     * One agency: what it buys, spends and uses. The demand fields are null without usage.
     *
     * @param code                         the agency's code in the dataset
     * @param name                         its name
     * @param subscriptions                how many subscriptions it has
     * @param annualSpendIdr               12 x their monthly cost, whole Rupiah
     * @param purchasedDownBps             sum of their download rates, bit/s
     * @param purchasedUpBps               sum of their upload rates, bit/s
     * @param p50DownBps                   median download demand, bit/s
     * @param p95DownBps                   download demand at the asked quantile, bit/s
     * @param p99DownBps                   99th percentile of download demand, bit/s
     * @param maxDownBps                   highest download demand measured, bit/s
     * @param p50UpBps                     median upload demand, bit/s
     * @param p95UpBps                     upload demand at the asked quantile, bit/s
     * @param p99UpBps                     99th percentile of upload demand, bit/s
     * @param maxUpBps                     highest upload demand measured, bit/s
     * @param samples                      how many download measurements there are (0 without usage)
     * @param utilizationDown              p95 down / purchased down, a ratio
     * @param utilizationUp                p95 up / purchased up, a ratio
     * @param idleAnnualIdr                the annual spend on unused download capacity, whole Rupiah
     * @param costPerPurchasedMbpsMonthIdr monthly spend per purchased download Mbps, whole Rupiah
     * @param costPerUsedMbpsMonthIdr      monthly spend per used (p95) download Mbps, whole Rupiah
     * @param busyHourDownWib              hour of day (WIB, 0-23) with the highest mean download rate
     * @param busyHourUpWib                hour of day (WIB, 0-23) with the highest mean upload rate
     * @param hourlyMeanBps                mean rates hour by hour; left out without usage
     */
    record AgencyJson(String code, String name, int subscriptions, long annualSpendIdr, long purchasedDownBps,
                      long purchasedUpBps, Long p50DownBps, Long p95DownBps, Long p99DownBps, Long maxDownBps,
                      Long p50UpBps, Long p95UpBps, Long p99UpBps, Long maxUpBps, int samples,
                      BigDecimal utilizationDown, BigDecimal utilizationUp, Long idleAnnualIdr,
                      Long costPerPurchasedMbpsMonthIdr, Long costPerUsedMbpsMonthIdr, Integer busyHourDownWib,
                      Integer busyHourUpWib, @JsonInclude(JsonInclude.Include.NON_NULL) HourlyJson hourlyMeanBps) {

        static AgencyJson of(AgencyAnalysis a) {
            DemandProfile d = a.down();
            DemandProfile u = a.up();
            return new AgencyJson(a.code(), a.name(), a.subscriptionCount(), a.annualSpendIdr(), a.purchasedDownBps(),
                    a.purchasedUpBps(), q50(d), q(d), q99(d), max(d), q50(u), q(u), q99(u), max(u),
                    d == null ? 0 : d.samples(), ratio(a.utilizationDown()), ratio(a.utilizationUp()), a.idleAnnualIdr(),
                    a.costPerPurchasedMbpsMonthIdr(), a.costPerUsedMbpsMonthIdr(), a.busyHourDown(), a.busyHourUp(),
                    a.hourly() == null ? null : HourlyJson.of(a.hourly()));
        }
    }

    /**
     * Mean rate of each hour of the day (WIB, index 0 = 00:00-01:00), bit/s; null for an hour
     * without measurements.
     *
     * @param weekdayDown download, Monday to Friday
     * @param weekdayUp   upload, Monday to Friday
     * @param weekendDown download, Saturday and Sunday
     * @param weekendUp   upload, Saturday and Sunday
     */
    record HourlyJson(List<Long> weekdayDown, List<Long> weekdayUp, List<Long> weekendDown, List<Long> weekendUp) {

        static HourlyJson of(HourlyProfile h) {
            return new HourlyJson(hours(h.weekdayDownBps()), hours(h.weekdayUpBps()), hours(h.weekendDownBps()),
                    hours(h.weekendUpBps()));
        }

        /** The profile marks an hour without measurements with a negative mean. */
        private static List<Long> hours(long[] means) {
            return Arrays.stream(means).mapToObj(v -> v < 0 ? null : v).toList();
        }
    }

    /**
     * All agencies together: the aggregate demand (their sum at each step) against the sum of
     * their own quantiles. The demand fields are null when no agency has usage.
     *
     * @param agenciesWithUsage    how many agencies contributed measurements
     * @param purchasedDownBps     sum of all download rates bought, bit/s
     * @param purchasedUpBps       sum of all upload rates bought, bit/s
     * @param p50DownBps           median aggregate download demand, bit/s
     * @param p95DownBps           aggregate download demand at the asked quantile, bit/s
     * @param p99DownBps           99th percentile of aggregate download demand, bit/s
     * @param maxDownBps           highest aggregate download demand, bit/s
     * @param p50UpBps             median aggregate upload demand, bit/s
     * @param p95UpBps             aggregate upload demand at the asked quantile, bit/s
     * @param p99UpBps             99th percentile of aggregate upload demand, bit/s
     * @param maxUpBps             highest aggregate upload demand, bit/s
     * @param sumOfP95DownBps      sum of the agencies' own download quantiles, bit/s
     * @param sumOfP95UpBps        sum of the agencies' own upload quantiles, bit/s
     * @param multiplexingGainDown sumOfP95DownBps / p95DownBps, a ratio; null when the latter is 0
     * @param multiplexingGainUp   sumOfP95UpBps / p95UpBps, a ratio; null when the latter is 0
     */
    record AggregateJson(int agenciesWithUsage, long purchasedDownBps, long purchasedUpBps, Long p50DownBps,
                         Long p95DownBps, Long p99DownBps, Long maxDownBps, Long p50UpBps, Long p95UpBps,
                         Long p99UpBps, Long maxUpBps, long sumOfP95DownBps, long sumOfP95UpBps,
                         BigDecimal multiplexingGainDown, BigDecimal multiplexingGainUp) {

        static AggregateJson of(AggregateAnalysis g) {
            DemandProfile d = g.down();
            DemandProfile u = g.up();
            return new AggregateJson(g.agenciesWithUsage(), g.purchasedDownBps(), g.purchasedUpBps(), q50(d), q(d),
                    q99(d), max(d), q50(u), q(u), q99(u), max(u), g.sumOfQDownBps(), g.sumOfQUpBps(),
                    ratio(g.multiplexingGainDown()), ratio(g.multiplexingGainUp()));
        }
    }

    /**
     * A subscription whose contract ends within twelve months of the reference date.
     *
     * @param agency         the agency's code
     * @param provider       the provider
     * @param product        the provider's product
     * @param endDate        the day the contract ends, {@code yyyy-mm-dd}
     * @param monthlyCostIdr what it costs a month, whole Rupiah
     * @param exitPenaltyIdr what leaving before {@code endDate} costs, whole Rupiah (0 when none is known)
     */
    record ContractJson(String agency, String provider, String product, String endDate, long monthlyCostIdr,
                        long exitPenaltyIdr) {

        static ContractJson of(ContractEnding c) {
            return new ContractJson(c.agency(), c.provider(), c.product(), c.endDate().toString(), c.monthlyCostIdr(),
                    c.exitPenaltyIdr());
        }
    }

    private static Long q50(DemandProfile p) {
        return p == null ? null : p.q50();
    }

    private static Long q(DemandProfile p) {
        return p == null ? null : p.q();
    }

    private static Long q99(DemandProfile p) {
        return p == null ? null : p.q99();
    }

    private static Long max(DemandProfile p) {
        return p == null ? null : p.max();
    }

    /** Six decimals at most, rounded half up, without trailing zeros ({@code 0.5}, not {@code 0.500000}). */
    private static BigDecimal ratio(Double v) {
        return v == null ? null : BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
