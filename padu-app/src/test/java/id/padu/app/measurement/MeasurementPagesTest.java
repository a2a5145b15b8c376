package id.padu.app.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.padu.app.audit.AuditLog;
import id.padu.app.inventory.InventoryService;
import id.padu.app.usage.UsageStore;
import id.padu.domain.BitRate;
import id.padu.domain.UsageSeries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The measured-usage page as its users see it: the summary counts only measured minutes, SNMP wins
 * over flows for the same minute, the chart has a gap (null) where nobody measured, and an
 * agency operator sees their own agency only.
 */
class MeasurementPagesTest extends MeasurementWebTest {

    static final String PW = "operator-halaman-2026";

    @Autowired
    InventoryService inventory;

    @Autowired
    UsageStore usageStore;

    @Autowired
    AuditLog audit;

    /** First of the measured minutes: three hours ago, on a minute boundary. */
    long first;

    @BeforeEach
    void agencies() {
        agenciesWithOperator("op-hala", PW, "HALA", "HALB", "HALC", "HALD", "HALE", "HALF", "HALG");
        first = (Instant.now().getEpochSecond() / 60 - 180) * 60;
    }

    static MinuteUsage minute(String agency, MeasurementSource source, long minute, long downMbps) {
        return new MinuteUsage(agency, source, minute, downMbps * 7_500_000L, downMbps * 750_000L, 60);
    }

    /**
     * Minute k (1..100) measured by SNMP at k Mbit/s down; then 20 minutes only flows measured, at
     * 3 Mbit/s; flows also measured minute 1, at 999 Mbit/s, which SNMP hides; minute 101 is a gap.
     */
    void measure(String agency) {
        List<MinuteUsage> minutes = new ArrayList<>();
        for (int k = 1; k <= 100; k++) {
            minutes.add(minute(agency, MeasurementSource.SNMP, first + (k - 1) * 60L, k));
        }
        minutes.add(minute(agency, MeasurementSource.FLOW, first, 999));
        for (int k = 102; k <= 121; k++) {
            minutes.add(minute(agency, MeasurementSource.FLOW, first + (k - 1) * 60L, 3));
        }
        sink.record(minutes);
    }

    @Test
    void summaryCountsMeasuredMinutesOnlyAndPrefersSnmp() throws Exception {
        measure("HALA");
        Document page = Jsoup.parse(mvc.perform(get("/measurements/HALA").with(admin()).param("lang", "id"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        // 120 of the day's 1,440 minutes were measured: 100 by SNMP and 20 by flows only
        assertThat(page.getElementById("coverage").text()).isEqualTo("120 dari 1.440 interval 1m (8,3 %)");
        assertThat(page.getElementById("sources").text()).isEqualTo("SNMP 100 interval, aliran 20 interval");
        // down over measured minutes: 1..100 and twenty 3s; mean 42.58, nearest-rank Q95 (rank 114) 94, peak 100
        long mean = Math.round((5050 + 60) * 1e6 / 120);
        java.util.Locale id = java.util.Locale.forLanguageTag("id");
        assertThat(page.getElementById("down-figures").text()).isEqualTo(BitRate.ofBps(mean).format(id) + " / "
                + BitRate.ofMbps(94).format(id) + " / " + BitRate.ofMbps(100).format(id));
        assertThat(page.getElementById("down-figures").text()).startsWith("42,58 Mbps");
        assertThat(page.getElementById("measured-chart")).isNotNull();
        assertThat(page.getElementById("no-measurements")).isNull();
        assertThat(page.getElementById("csv-link").attr("href")).startsWith("/api/measurements/HALA.csv?from=")
                .endsWith("resolution=1m");
    }

    @Test
    void chartHasOneValuePerMinuteWithGapsAsNull() throws Exception {
        measure("HALB");
        JsonNode chart = JsonMapper.builder().build().readTree(mvc.perform(get("/measurements/HALB/chart.json").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(chart.get("resolution").asString()).isEqualTo("1m");
        assertThat(chart.get("bucketMs").asLong()).isEqualTo(60_000);
        assertThat(chart.get("down").size()).isEqualTo(1440);
        // the chart's times are WIB wall time written as UTC
        int i = (int) ((first * 1000 + MeasurementPages.WIB_OFFSET_MS - chart.get("startWibMs").asLong()) / 60_000);
        assertThat(chart.get("down").get(i).asDouble()).as("minute 1: SNMP, not the flows' 999").isEqualTo(1.0);
        assertThat(chart.get("source").get(i).asString()).isEqualTo("s");
        assertThat(chart.get("down").get(i + 99).asDouble()).isEqualTo(100.0);
        assertThat(chart.get("up").get(i + 99).asDouble()).isEqualTo(10.0);
        assertThat(chart.get("down").get(i + 100).isNull()).as("minute 101: nobody measured").isTrue();
        assertThat(chart.get("down").get(i + 101).asDouble()).isEqualTo(3.0);
        assertThat(chart.get("source").get(i + 101).asString()).isEqualTo("f");
        assertThat(chart.get("down").get(i - 1).isNull()).isTrue();

        JsonNode week = JsonMapper.builder().build().readTree(mvc.perform(get("/measurements/HALB/chart.json")
                .param("range", "week").with(admin())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(week.get("resolution").asString()).isEqualTo("5m");
        assertThat(week.get("down").size()).isEqualTo(7 * 288);
    }

    @Test
    void anAgencyWithNothingMeasuredSaysSoAndPointsToTheCollectionSetUp() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/measurements/HALC").param("range", "month").with(admin())
                .param("lang", "en")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.getElementById("no-measurements").text())
                .contains("Nothing measured for this agency in this range yet.");
        assertThat(page.getElementById("no-measurements").getElementsByTag("a").attr("href")).isEqualTo("/collection");
        assertThat(page.getElementById("coverage").text()).isEqualTo("0 of 720 1h buckets (0.0 %)");
        assertThat(page.getElementById("measured-chart")).isNull();
    }

    @Test
    void badRangeAndUnknownAgencyAreRefused() throws Exception {
        mvc.perform(get("/measurements/HALA").param("range", "decade").with(admin())).andExpect(status().isBadRequest());
        mvc.perform(get("/measurements/HALA/chart.json").param("range", "decade").with(admin()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/measurements/NOSUCH").with(admin())).andExpect(status().isNotFound());
        mvc.perform(get("/measurements/NOSUCH/chart.json").with(admin())).andExpect(status().isNotFound());
    }

    /**
     * Two hours of SNMP minutes in whole 5-minute intervals, the last one ending at least ten
     * minutes ago: in interval j (0..23) minute i carries (j + i) Mbit/s down, so the interval's
     * rate is (j + 2) Mbit/s; interval 10 was not measured. Returns the first interval's start.
     */
    long twoHoursIn5MinuteIntervals(String agency) {
        long start = (Instant.now().getEpochSecond() / 300 - 30) * 300;
        List<MinuteUsage> minutes = new ArrayList<>();
        for (int j = 0; j < 24; j++) {
            for (int i = 0; j != 10 && i < 5; i++) {
                minutes.add(minute(agency, MeasurementSource.SNMP, start + j * 300L + i * 60L, j + i));
            }
        }
        sink.record(minutes);
        return start;
    }

    @Test
    void anEngineerMakesTheMeasuredIntervalsTheAgencysUsageForTheAnalysis() throws Exception {
        long start = twoHoursIn5MinuteIntervals("HALD");
        mvc.perform(post("/measurements/HALD/use-as-usage").param("range", "day").param("lang", "en").with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/measurements/HALD?range=day"))
                .andExpect(flash().attribute("used", org.hamcrest.Matchers.startsWith("23 of 288 5-minute intervals")));
        // what the dashboard, the analysis and the planner read
        UsageSeries u = inventory.current().usage().get("HALD");
        assertThat(u).isNotNull();
        assertThat(u.stepSeconds()).isEqualTo(300);
        int first = (int) ((start - u.startEpochSecond()) / 300);
        for (int j = 0; j < 24; j++) {
            long expected = j == 10 ? UsageSeries.MISSING : (j + 2) * 1_000_000L;
            assertThat(u.downBps()[first + j]).as("interval %d", j).isEqualTo(expected);
            assertThat(u.upBps()[first + j]).as("interval %d up", j).isEqualTo(j == 10 ? UsageSeries.MISSING : (j + 2) * 100_000L);
        }
        assertThat(audit.latest(20)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("usage.fromMeasurements");
            assertThat(e.key()).isEqualTo("HALD");
        });
    }

    @Test
    void aMeasuredRateAboveOneTerabitIsNotMadeUsage() throws Exception {
        // Issue 19: usage rates are bounded by 1 Tbit/s; a device that counted more miscounted.
        long start = (Instant.now().getEpochSecond() / 300 - 6) * 300;
        List<MinuteUsage> minutes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            minutes.add(new MinuteUsage("HALG", MeasurementSource.SNMP, start + i * 60L, 20_000_000_000_000L, 1, 60));
            minutes.add(minute("HALG", MeasurementSource.SNMP, start + 300 + i * 60L, 4));
        }
        sink.record(minutes);
        mvc.perform(post("/measurements/HALG/use-as-usage").param("range", "day").param("lang", "en").with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        UsageSeries u = inventory.current().usage().get("HALG");
        int first = (int) ((start - u.startEpochSecond()) / 300);
        assertThat(u.downBps()[first]).as("2.7 Tbit/s measured").isEqualTo(UsageSeries.MISSING);
        assertThat(u.downBps()[first + 1]).isEqualTo(4_000_000L);
        assertThat(id.padu.app.measurement.MeasuredSeries.rate(Long.MAX_VALUE / 2, 60)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void usageStoredOnAnotherGridIsNeverReplacedWholesale() throws Exception {
        twoHoursIn5MinuteIntervals("HALE");
        long day = (Instant.now().getEpochSecond() / 86_400 - 20) * 86_400;
        long[] quarterHours = new long[96];
        java.util.Arrays.fill(quarterHours, 4_000_000L);
        usageStore.write(new UsageSeries("HALE", day, 900, quarterHours, quarterHours.clone()));
        mvc.perform(post("/measurements/HALE/use-as-usage").param("range", "week").param("lang", "en").with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", org.hamcrest.Matchers.startsWith(
                        "This agency's usage is stored every 900 seconds")));
        UsageSeries u = inventory.current().usage().get("HALE");
        assertThat(u.stepSeconds()).isEqualTo(900);
        assertThat(u.startEpochSecond()).isEqualTo(day);
        assertThat(u.size()).isEqualTo(96);

        mvc.perform(post("/measurements/HALF/use-as-usage").param("range", "week").param("lang", "en").with(admin()).with(csrf()))
                .andExpect(flash().attribute("problem", org.hamcrest.Matchers.startsWith("No 5-minute interval was measured")));
        assertThat(inventory.current().usage().get("HALF")).isNull();
        mvc.perform(post("/measurements/HALD/use-as-usage").with(httpBasic("op-hala", PW)).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void anAgencyOperatorSeesTheirOwnAgencyOnly() throws Exception {
        mvc.perform(get("/measurements/HALA").with(httpBasic("op-hala", PW))).andExpect(status().isOk());
        mvc.perform(get("/measurements/HALA/chart.json").with(httpBasic("op-hala", PW))).andExpect(status().isOk());
        mvc.perform(get("/measurements/HALB").with(httpBasic("op-hala", PW))).andExpect(status().isForbidden());
        mvc.perform(get("/measurements/HALB/chart.json").with(httpBasic("op-hala", PW))).andExpect(status().isForbidden());
        // no link to the engineers' collection pages for an operator
        Document page = Jsoup.parse(mvc.perform(get("/measurements/HALA").with(httpBasic("op-hala", PW)))
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("a[href=/collection/status]")).isEmpty();
    }
}
