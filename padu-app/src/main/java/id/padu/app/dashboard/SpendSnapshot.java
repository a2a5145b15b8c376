package id.padu.app.dashboard;

import id.padu.analysis.AgencyAnalysis;
import id.padu.analysis.AggregateAnalysis;
import id.padu.analysis.AggregateSeries;
import id.padu.analysis.SpendAnalysis;
import id.padu.analysis.SpendReport;
import id.padu.domain.Agency;
import id.padu.domain.Dataset;
import id.padu.domain.Subscription;
import id.padu.domain.UsageSeries;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the dashboard shows for one version of the stored data and one reference day: the
 * analysis and every chart already bucketed, so that a page request only renders. The usage
 * arrays themselves are not kept (a year of 5-minute samples per agency is large; the buckets
 * are a few thousand numbers).
 */
record SpendSnapshot(long version, LocalDate referenceDate, SpendReport report, Map<String, Agency> agencies,
                     List<Subscription> subscriptions, UsageChart aggregateChart,
                     Map<String, Map<ChartRange, UsageChart>> usageCharts) {

    /** Nice bucket sizes for the aggregate chart, the smallest one that keeps it under 1,500 points wins. */
    private static final int[] AGGREGATE_BUCKETS = {300, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400,
            7 * 86_400, 30 * 86_400};
    static final int AGGREGATE_POINTS = 1_500;

    static SpendSnapshot compute(long version, Dataset dataset, LocalDate referenceDate) {
        SpendReport report = SpendAnalysis.analyze(dataset, referenceDate);
        Map<String, Agency> agencies = new LinkedHashMap<>();
        for (Agency a : dataset.agencies()) {
            agencies.put(a.code(), a);
        }
        Map<String, Map<ChartRange, UsageChart>> charts = new LinkedHashMap<>();
        for (AgencyAnalysis a : report.agencies()) {
            UsageSeries s = dataset.usage().get(a.code());
            if (s == null || s.size() == 0) {
                continue;
            }
            long end = s.timeOf(s.size() - 1) + s.stepSeconds();
            Map<ChartRange, UsageChart> byRange = new EnumMap<>(ChartRange.class);
            for (ChartRange r : ChartRange.values()) {
                long from = end - r.seconds;
                Buckets down = Buckets.of(s.downBps(), s.startEpochSecond(), s.stepSeconds(), from, end, r.bucketSeconds, false);
                Buckets up = Buckets.of(s.upBps(), s.startEpochSecond(), s.stepSeconds(), from, end, r.bucketSeconds, false);
                byRange.put(r, UsageChart.of(r.key(), down, up, a.purchasedDownBps(),
                        a.hasUsage() ? a.down().q() : null, null));
            }
            charts.put(a.code(), byRange);
        }
        return new SpendSnapshot(version, referenceDate, report, agencies, dataset.subscriptions(),
                aggregateChart(report.aggregate()), charts);
    }

    static UsageChart aggregateChart(AggregateAnalysis agg) {
        AggregateSeries s = agg.series() == null ? AggregateSeries.EMPTY : agg.series();
        long from = s.startEpochSecond();
        long to = from + (long) s.size() * s.stepSeconds();
        int bucket = AGGREGATE_BUCKETS[AGGREGATE_BUCKETS.length - 1];
        for (int b : AGGREGATE_BUCKETS) {
            if (b >= s.stepSeconds() && (to - from) / b < AGGREGATE_POINTS) {
                bucket = b;
                break;
            }
        }
        Buckets down = Buckets.of(s.downBps(), from, s.stepSeconds(), from, to, bucket, true);
        Buckets up = Buckets.of(s.upBps(), from, s.stepSeconds(), from, to, bucket, true);
        return UsageChart.of("aggregate", down, up, agg.purchasedDownBps(), agg.down() == null ? null : agg.down().q(),
                agg.sumOfQDownBps());
    }

    AgencyAnalysis agency(String code) {
        for (AgencyAnalysis a : report.agencies()) {
            if (a.code().equals(code)) {
                return a;
            }
        }
        return null;
    }
}
