package id.padu.app.cli;

import id.padu.analysis.AgencyAnalysis;
import id.padu.analysis.AggregateAnalysis;
import id.padu.analysis.ContractEnding;
import id.padu.analysis.DemandProfile;
import id.padu.analysis.SpendReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON contract of {@code padu analyze --format json}: bps and whole Rupiah as plain JSON
 * numbers, ratios with six decimals; {@code p95...} keys hold the quantile that was asked for
 * (named in {@code quantile}); a figure that cannot be computed (no usage, nothing bought) is null.
 */
final class AnalysisJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private AnalysisJson() {
    }

    static String render(SpendReport r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("quantile", r.quantile());
        root.put("referenceDate", r.referenceDate().toString());
        AggregateAnalysis g = r.aggregate();
        root.put("totalAnnualSpendIdr", g.totalAnnualSpendIdr());
        root.put("totalIdleAnnualIdr", g.totalIdleAnnualIdr());
        ArrayNode agencies = root.putArray("agencies");
        for (AgencyAnalysis a : r.agencies()) {
            ObjectNode n = agencies.addObject();
            n.put("code", a.code());
            n.put("name", a.name());
            n.put("subscriptions", a.subscriptionCount());
            n.put("annualSpendIdr", a.annualSpendIdr());
            n.put("purchasedDownBps", a.purchasedDownBps());
            n.put("purchasedUpBps", a.purchasedUpBps());
            profile(n, "Down", a.down());
            profile(n, "Up", a.up());
            n.put("samples", a.down() == null ? 0 : a.down().samples());
            n.put("utilizationDown", ratio(a.utilizationDown()));
            n.put("utilizationUp", ratio(a.utilizationUp()));
            n.put("idleAnnualIdr", a.idleAnnualIdr());
            n.put("costPerPurchasedMbpsMonthIdr", a.costPerPurchasedMbpsMonthIdr());
            n.put("costPerUsedMbpsMonthIdr", a.costPerUsedMbpsMonthIdr());
            n.put("busyHourDownWib", a.busyHourDown());
            n.put("busyHourUpWib", a.busyHourUp());
            if (a.hourly() != null) {
                ObjectNode h = n.putObject("hourlyMeanBps");
                hours(h.putArray("weekdayDown"), a.hourly().weekdayDownBps());
                hours(h.putArray("weekdayUp"), a.hourly().weekdayUpBps());
                hours(h.putArray("weekendDown"), a.hourly().weekendDownBps());
                hours(h.putArray("weekendUp"), a.hourly().weekendUpBps());
            }
        }
        ObjectNode agg = root.putObject("aggregate");
        agg.put("agenciesWithUsage", g.agenciesWithUsage());
        agg.put("purchasedDownBps", g.purchasedDownBps());
        agg.put("purchasedUpBps", g.purchasedUpBps());
        profile(agg, "Down", g.down());
        profile(agg, "Up", g.up());
        agg.put("sumOfP95DownBps", g.sumOfQDownBps());
        agg.put("sumOfP95UpBps", g.sumOfQUpBps());
        agg.put("multiplexingGainDown", ratio(g.multiplexingGainDown()));
        agg.put("multiplexingGainUp", ratio(g.multiplexingGainUp()));
        ArrayNode contracts = root.putArray("contractsEnding");
        for (ContractEnding c : r.contractsEnding()) {
            ObjectNode n = contracts.addObject();
            n.put("agency", c.agency());
            n.put("provider", c.provider());
            n.put("product", c.product());
            n.put("endDate", c.endDate().toString());
            n.put("monthlyCostIdr", c.monthlyCostIdr());
            n.put("exitPenaltyIdr", c.exitPenaltyIdr());
        }
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + System.lineSeparator();
    }

    private static void profile(ObjectNode n, String dir, DemandProfile p) {
        n.put("p50" + dir + "Bps", p == null ? null : p.q50());
        n.put("p95" + dir + "Bps", p == null ? null : p.q());
        n.put("p99" + dir + "Bps", p == null ? null : p.q99());
        n.put("max" + dir + "Bps", p == null ? null : p.max());
    }

    private static void hours(ArrayNode a, long[] means) {
        for (long v : means) {
            if (v < 0) {
                a.addNull();
            } else {
                a.add(v);
            }
        }
    }

    private static BigDecimal ratio(Double v) {
        return v == null ? null : BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
