package id.padu.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
