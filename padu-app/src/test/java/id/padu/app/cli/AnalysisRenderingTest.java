package id.padu.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.analysis.AgencyAnalysis;
import id.padu.analysis.AggregateAnalysis;
import id.padu.analysis.ContractEnding;
import id.padu.analysis.DemandProfile;
import id.padu.analysis.HourlyProfile;
import id.padu.analysis.SpendAnalysis;
import id.padu.analysis.SpendReport;
import id.padu.domain.Agency;
import id.padu.domain.AgencyKind;
import id.padu.domain.BitRate;
import id.padu.domain.ConnectionKind;
import id.padu.domain.Dataset;
import id.padu.domain.Priority;
import id.padu.domain.Rupiah;
import id.padu.domain.Subscription;
import id.padu.domain.UsageSeries;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three outputs of {@code padu analyze} on a small dataset whose figures are worked out by
 * hand. Two agencies, 5-minute samples from Monday 3 March 2025 08:00 WIB:
 * <pre>
 * DLH:    Astinet 20/20 Rp 4.000.000 + IndiHome 20/10 Rp 330.000 a month
 *         down 10, 12, missing, 8 Mbps; up 2, 2, missing, 1
 * DISHUB: Astinet 10/10 Rp 2.500.000, ends 2025-06-30 with a Rp 7.500.000 penalty
 *         down 4, 1, 5, 2 Mbps; up 1, 1, 1, 1
 * </pre>
 */
class AnalysisRenderingTest {

    static final long MBPS = 1_000_000L;
    static final long START = OffsetDateTime.parse("2025-03-03T08:00:00+07:00").toEpochSecond();

    static Dataset dataset() {
        List<Agency> agencies = List.of(
                new Agency("DLH", "Dinas Lingkungan Hidup", AgencyKind.DINAS, Priority.NORMAL, List.of()),
                new Agency("DISHUB", "Dinas Perhubungan, Kotim", AgencyKind.DINAS, Priority.NORMAL, List.of()));
        List<Subscription> subs = List.of(
                new Subscription("DLH", "Telkom", "Astinet 20", ConnectionKind.DEDICATED, BitRate.ofMbps(20),
                        BitRate.ofMbps(20), Rupiah.of(4_000_000), null, null, null, null),
                new Subscription("DLH", "Telkom", "IndiHome 20", ConnectionKind.BROADBAND, BitRate.ofMbps(20),
                        BitRate.ofMbps(10), Rupiah.of(330_000), null, null, null, null),
                new Subscription("DISHUB", "Lintasarta", "Dedicated 10", ConnectionKind.DEDICATED, BitRate.ofMbps(10),
                        BitRate.ofMbps(10), Rupiah.of(2_500_000), null, null, LocalDate.of(2025, 6, 30), Rupiah.of(7_500_000)));
        Map<String, UsageSeries> usage = new LinkedHashMap<>();
        usage.put("DLH", new UsageSeries("DLH", START, 300, new long[] {10 * MBPS, 12 * MBPS, -1, 8 * MBPS},
                new long[] {2 * MBPS, 2 * MBPS, -1, MBPS}));
        usage.put("DISHUB", new UsageSeries("DISHUB", START, 300, new long[] {4 * MBPS, MBPS, 5 * MBPS, 2 * MBPS},
                new long[] {MBPS, MBPS, MBPS, MBPS}));
        return new Dataset(agencies, subs, null, null, null, usage, null);
    }

    static SpendReport report() {
        return SpendAnalysis.analyze(dataset(), 0.95, LocalDate.of(2025, 3, 10));
    }

    /** Checks every figure of the JSON contract against the hand computation in the class comment. */
    static void assertHandComputedJson(String json) {
        JsonNode root = JsonMapper.builder().build().readTree(json);
        // spend: DLH 12 x 4.330.000 = 51.960.000; DISHUB 12 x 2.500.000 = 30.000.000; total 81.960.000
        assertThat(root.get("totalAnnualSpendIdr").isIntegralNumber()).isTrue();
        assertThat(root.get("totalAnnualSpendIdr").asLong()).isEqualTo(81_960_000L);
        JsonNode dlh = root.get("agencies").get(0);
        assertThat(dlh.get("code").asString()).isEqualTo("DLH");
        assertThat(dlh.get("annualSpendIdr").asLong()).isEqualTo(51_960_000L);
        assertThat(dlh.get("purchasedDownBps").asLong()).isEqualTo(40 * MBPS);
        assertThat(dlh.get("purchasedUpBps").asLong()).isEqualTo(30 * MBPS);
        // DLH down without the missing step: 8, 10, 12 -> Q95 rank ceil(2.85) = 3 -> 12; max 12
        assertThat(dlh.get("p95DownBps").asLong()).isEqualTo(12 * MBPS);
        assertThat(dlh.get("maxDownBps").asLong()).isEqualTo(12 * MBPS);
        assertThat(dlh.get("p95UpBps").asLong()).isEqualTo(2 * MBPS);
        assertThat(dlh.get("maxUpBps").asLong()).isEqualTo(2 * MBPS);
        // utilisation 12 / 40 = 0.3; idle 51.960.000 x 0.7 = 36.372.000
        assertThat(dlh.get("utilizationDown").isNumber()).isTrue();
        assertThat(dlh.get("utilizationDown").asDouble()).isEqualTo(0.3);
        assertThat(dlh.get("idleAnnualIdr").asLong()).isEqualTo(36_372_000L);
        // per Mbps a month: 4.330.000 / 40 = 108.250, / 12 = 360.833,3 -> 360.833
        assertThat(dlh.get("costPerPurchasedMbpsMonthIdr").asLong()).isEqualTo(108_250L);
        assertThat(dlh.get("costPerUsedMbpsMonthIdr").asLong()).isEqualTo(360_833L);
        JsonNode dishub = root.get("agencies").get(1);
        assertThat(dishub.get("code").asString()).isEqualTo("DISHUB");
        // DISHUB down 1, 2, 4, 5 -> Q95 rank 4 -> 5; utilisation 0.5; idle 30.000.000 x 0.5 = 15.000.000
        assertThat(dishub.get("p95DownBps").asLong()).isEqualTo(5 * MBPS);
        assertThat(dishub.get("utilizationDown").asDouble()).isEqualTo(0.5);
        assertThat(dishub.get("idleAnnualIdr").asLong()).isEqualTo(15_000_000L);
        assertThat(root.get("totalIdleAnnualIdr").asLong()).isEqualTo(51_372_000L);
        JsonNode agg = root.get("aggregate");
        // aggregate down 14, 13, 5 (missing = 0), 10 -> Q95 rank 4 -> 14; sum of Q95 12 + 5 = 17
        assertThat(agg.get("p95DownBps").asLong()).isEqualTo(14 * MBPS);
        assertThat(agg.get("sumOfP95DownBps").asLong()).isEqualTo(17 * MBPS);
        assertThat(agg.get("multiplexingGainDown").asDouble()).isEqualTo(1.214286); // 17/14, six decimals
        // aggregate up 3, 3, 1, 2 -> 3; sum of Q95 2 + 1 = 3; gain 1
        assertThat(agg.get("p95UpBps").asLong()).isEqualTo(3 * MBPS);
        assertThat(agg.get("sumOfP95UpBps").asLong()).isEqualTo(3 * MBPS);
        assertThat(agg.get("multiplexingGainUp").asDouble()).isEqualTo(1.0);
        assertThat(root.get("contractsEnding").get(0).get("exitPenaltyIdr").asLong()).isEqualTo(7_500_000L);
    }

    @Test
    void jsonHasTheContractKeysWithHandComputedValues() {
        String json = AnalysisJson.render(report());
        assertHandComputedJson(json);
        JsonNode root = JsonMapper.builder().build().readTree(json);
        // DLH's Q50 of 8, 10, 12: rank ceil(1.5) = 2 -> 10
        assertThat(root.get("agencies").get(0).get("p50DownBps").asLong()).isEqualTo(10 * MBPS);
        assertThat(root.get("agencies").get(0).get("samples").asInt()).isEqualTo(3);
        for (String key : List.of("code", "annualSpendIdr", "purchasedDownBps", "purchasedUpBps", "p95DownBps",
                "p95UpBps", "maxDownBps", "maxUpBps", "utilizationDown", "idleAnnualIdr")) {
            assertThat(root.get("agencies").get(0).has(key)).as(key).isTrue();
        }
        for (String key : List.of("p95DownBps", "p95UpBps", "sumOfP95DownBps", "sumOfP95UpBps",
                "multiplexingGainDown", "multiplexingGainUp")) {
            assertThat(root.get("aggregate").get(key).isNumber()).as(key).isTrue();
        }
        // numbers are plain JSON numbers, never strings or exponents
        assertThat(json).doesNotContain("E+", "E-", "\"81960000\"");
    }

    @Test
    void jsonIsWrittenInTheContractsExactFormFieldByField() {
        long[] weekdayDown = new long[24];
        long[] weekdayUp = new long[24];
        long[] weekend = new long[24];
        java.util.Arrays.fill(weekdayDown, -1);
        java.util.Arrays.fill(weekdayUp, -1);
        java.util.Arrays.fill(weekend, -1);
        weekdayDown[8] = 10 * MBPS;
        weekdayDown[9] = 7_500_001;
        weekdayUp[8] = 0;
        AgencyAnalysis measured = new AgencyAnalysis("DLH", "Dinas Lingkungan Hidup", 2, 51_960_000L, 40 * MBPS, 30 * MBPS,
                new DemandProfile(10 * MBPS, 12 * MBPS, 12 * MBPS, 12 * MBPS, 3), new DemandProfile(2 * MBPS, 2 * MBPS, 2 * MBPS,
                2 * MBPS, 3), 0.3, 1.0 / 15, 36_372_000L, 108_250L, 360_833L, 8, 23,
                new HourlyProfile(weekdayDown, weekdayUp, weekend, weekend));
        AgencyAnalysis unmeasured = new AgencyAnalysis("DISHUB", "Dinas Perhubungan", 1, 30_000_000L, 10 * MBPS, 10 * MBPS,
                null, null, null, null, null, 250_000L, null, null, null, null);
        AggregateAnalysis aggregate = new AggregateAnalysis(81_960_000L, 36_372_000L, 50 * MBPS, 40 * MBPS,
                new DemandProfile(10 * MBPS, 12 * MBPS, 12 * MBPS, 12 * MBPS, 3), null, 12 * MBPS, 0, 1000.0, null, 1, null);
        SpendReport r = new SpendReport(0.95, LocalDate.of(2025, 3, 10), List.of(measured, unmeasured), aggregate,
                List.of(new ContractEnding("DISHUB", "Lintasarta", "Dedicated 10", LocalDate.of(2025, 6, 30), 2_500_000L,
                        7_500_000L)));
        // Scripts read this: the order of the fields, the nulls (and the left-out hourly means
        // without usage), the number forms (ratios in plain digits, at most six decimals) and the
        // line separator at the end are all part of the contract.
        String hours = "[ null, null, null, null, null, null, null, null, %s, %s, null, null, null, null, null, null, "
                + "null, null, null, null, null, null, null, null ]";
        String none = hours.formatted("null", "null");
        assertThat(AnalysisJson.render(r)).isEqualTo("""
                {
                  "quantile" : 0.95,
                  "referenceDate" : "2025-03-10",
                  "totalAnnualSpendIdr" : 81960000,
                  "totalIdleAnnualIdr" : 36372000,
                  "agencies" : [ {
                    "code" : "DLH",
                    "name" : "Dinas Lingkungan Hidup",
                    "subscriptions" : 2,
                    "annualSpendIdr" : 51960000,
                    "purchasedDownBps" : 40000000,
                    "purchasedUpBps" : 30000000,
                    "p50DownBps" : 10000000,
                    "p95DownBps" : 12000000,
                    "p99DownBps" : 12000000,
                    "maxDownBps" : 12000000,
                    "p50UpBps" : 2000000,
                    "p95UpBps" : 2000000,
                    "p99UpBps" : 2000000,
                    "maxUpBps" : 2000000,
                    "samples" : 3,
                    "utilizationDown" : 0.3,
                    "utilizationUp" : 0.066667,
                    "idleAnnualIdr" : 36372000,
                    "costPerPurchasedMbpsMonthIdr" : 108250,
                    "costPerUsedMbpsMonthIdr" : 360833,
                    "busyHourDownWib" : 8,
                    "busyHourUpWib" : 23,
                    "hourlyMeanBps" : {
                      "weekdayDown" : %s,
                      "weekdayUp" : %s,
                      "weekendDown" : %s,
                      "weekendUp" : %s
                    }
                  }, {
                    "code" : "DISHUB",
                    "name" : "Dinas Perhubungan",
                    "subscriptions" : 1,
                    "annualSpendIdr" : 30000000,
                    "purchasedDownBps" : 10000000,
                    "purchasedUpBps" : 10000000,
                    "p50DownBps" : null,
                    "p95DownBps" : null,
                    "p99DownBps" : null,
                    "maxDownBps" : null,
                    "p50UpBps" : null,
                    "p95UpBps" : null,
                    "p99UpBps" : null,
                    "maxUpBps" : null,
                    "samples" : 0,
                    "utilizationDown" : null,
                    "utilizationUp" : null,
                    "idleAnnualIdr" : null,
                    "costPerPurchasedMbpsMonthIdr" : 250000,
                    "costPerUsedMbpsMonthIdr" : null,
                    "busyHourDownWib" : null,
                    "busyHourUpWib" : null
                  } ],
                  "aggregate" : {
                    "agenciesWithUsage" : 1,
                    "purchasedDownBps" : 50000000,
                    "purchasedUpBps" : 40000000,
                    "p50DownBps" : 10000000,
                    "p95DownBps" : 12000000,
                    "p99DownBps" : 12000000,
                    "maxDownBps" : 12000000,
                    "p50UpBps" : null,
                    "p95UpBps" : null,
                    "p99UpBps" : null,
                    "maxUpBps" : null,
                    "sumOfP95DownBps" : 12000000,
                    "sumOfP95UpBps" : 0,
                    "multiplexingGainDown" : 1000,
                    "multiplexingGainUp" : null
                  },
                  "contractsEnding" : [ {
                    "agency" : "DISHUB",
                    "provider" : "Lintasarta",
                    "product" : "Dedicated 10",
                    "endDate" : "2025-06-30",
                    "monthlyCostIdr" : 2500000,
                    "exitPenaltyIdr" : 7500000
                  } ]
                }""".formatted(hours.formatted("10000000", "7500001"), hours.formatted("0", "null"), none, none)
                + System.lineSeparator());
    }

    @Test
    void csvHasOneRowPerAgencyAndQuotesNamesWithCommas() {
        String[] lines = AnalysisCsv.render(report()).split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("code,name,").contains("p95_down_bps", "idle_annual_idr");
        assertThat(lines[1]).startsWith("DLH,Dinas Lingkungan Hidup,2,51960000,40000000,30000000,");
        assertThat(lines[1]).contains(",12000000,").contains(",0.300000,").contains(",36372000,");
        assertThat(lines[2]).startsWith("DISHUB,\"Dinas Perhubungan, Kotim\",1,30000000,");
    }

    @Test
    void tableShowsRupiahAndMbpsTheIndonesianWayByDefaultAndInEnglishOnRequest() {
        String id = new AnalysisTable(Messages.of(LangOption.INDONESIAN), LangOption.INDONESIAN).render(report(), "kotim/");
        assertThat(id).contains("Rp 81.960.000", "Rp 36.372.000", "Rp 51.372.000", "12,0 Mbps", "1,21",
                "Gain multiplexing", "Kontrak yang berakhir", "2025-06-30", "Rp 7.500.000");
        // DLH's busy hour: 08:00 WIB holds 10 and 12 (mean 11), 08:15 is hour 8 too -> 08:00
        assertThat(id).contains("08:00");
        String en = new AnalysisTable(Messages.of(Locale.ENGLISH), Locale.ENGLISH).render(report(), "kotim/");
        assertThat(en).contains("Rp 81.960.000", "12.0 Mbps", "Multiplexing gain", "Contracts ending");
        // aligned: every agency row starts its spend column at the same position
        List<String> rows = en.lines().filter(l -> l.startsWith("DLH") || l.startsWith("DISHUB")).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).indexOf(" Mbps")).isEqualTo(rows.get(1).indexOf(" Mbps"));
    }
}
