package id.padu.app.cli;

import id.padu.analysis.AgencyAnalysis;
import id.padu.analysis.DemandProfile;
import id.padu.analysis.SpendReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code padu analyze --format csv}: one row per agency, the dataset format's conventions
 * (comma separated, {@code .} decimal point, whole Rupiah, bps), empty cell = not computable.
 * {@code p95_*} columns hold the quantile that was asked for.
 */
final class AnalysisCsv {

    static final String HEADER = "code,name,subscriptions,annual_spend_idr,purchased_down_bps,purchased_up_bps,"
            + "p50_down_bps,p95_down_bps,p99_down_bps,max_down_bps,p50_up_bps,p95_up_bps,p99_up_bps,max_up_bps,"
            + "utilization_down,utilization_up,idle_annual_idr,cost_per_purchased_mbps_month_idr,"
            + "cost_per_used_mbps_month_idr,busy_hour_down_wib,samples";

    private AnalysisCsv() {
    }

    static String render(SpendReport r) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (AgencyAnalysis a : r.agencies()) {
            List<String> cells = new ArrayList<>();
            cells.add(quote(a.code()));
            cells.add(quote(a.name()));
            cells.add(Integer.toString(a.subscriptionCount()));
            cells.add(Long.toString(a.annualSpendIdr()));
            cells.add(Long.toString(a.purchasedDownBps()));
            cells.add(Long.toString(a.purchasedUpBps()));
            profile(cells, a.down());
            profile(cells, a.up());
            cells.add(ratio(a.utilizationDown()));
            cells.add(ratio(a.utilizationUp()));
            cells.add(text(a.idleAnnualIdr()));
            cells.add(text(a.costPerPurchasedMbpsMonthIdr()));
            cells.add(text(a.costPerUsedMbpsMonthIdr()));
            cells.add(text(a.busyHourDown()));
            cells.add(Integer.toString(a.down() == null ? 0 : a.down().samples()));
            sb.append(String.join(",", cells)).append('\n');
        }
        return sb.toString();
    }

    private static void profile(List<String> cells, DemandProfile p) {
        cells.add(p == null ? "" : Long.toString(p.q50()));
        cells.add(p == null ? "" : Long.toString(p.q()));
        cells.add(p == null ? "" : Long.toString(p.q99()));
        cells.add(p == null ? "" : Long.toString(p.max()));
    }

    private static String text(Object v) {
        return v == null ? "" : v.toString();
    }

    private static String ratio(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.6f", v);
    }

    /** RFC 4180 quoting: only when the cell holds a comma, quote or line break. */
    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
