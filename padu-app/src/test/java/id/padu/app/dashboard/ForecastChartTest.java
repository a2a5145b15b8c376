package id.padu.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.padu.app.GrowingRegency;
import id.padu.app.inventory.InventoryService;
import id.padu.app.planning.PlanFiles;
import id.padu.app.planning.PlanOfRecord;
import id.padu.domain.Dataset;
import id.padu.domain.UsageSeries;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The dashboard's forecast chart on {@link GrowingRegency}: before a plan is adopted every agency
 * against the subscriptions, after it the plan of record's central agencies against its uplinks;
 * with too few months a message instead of a chart. Its own database: it adopts a plan.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
        "padu.data-dir=target/test-data/forecast-chart",
        "spring.datasource.url=jdbc:h2:file:./target/test-data/forecast-chart/padu-${random.uuid}",
        "padu.admin-password=forecast-chart-secret",
        "logging.level.org.flywaydb=warn"
})
class ForecastChartTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    InventoryService inventory;

    @Autowired
    PlanOfRecord record;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    JsonNode chart(String lang) throws Exception {
        return json.readTree(mvc.perform(get("/dashboard/charts/forecast.json").param("lang", lang)
                        .with(user("admin").roles("ADMIN"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void theChartFollowsThePlanOfRecord() throws Exception {
        inventory.replace(GrowingRegency.dataset());

        JsonNode before = chart("en");
        assertThat(before.get("message").isNull()).isTrue();
        assertThat(before.get("capacityFrom").stringValue()).isEqualTo("subscriptions");
        assertThat(before.get("months").size()).isEqualTo(6 + ForecastCharts.MONTHS);
        // every agency: 18 + 13 + 500 Mbps in January
        assertThat(before.get("measuredDownMbps").get(0).doubleValue()).isEqualTo(531.0);
        assertThat(before.get("capacityDownMbps").doubleValue()).isEqualTo(110.0);

        ByteArrayOutputStream plan = new ByteArrayOutputStream();
        PlanFiles.write(GrowingRegency.plan(), plan);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO planning_scenario (name, settings_text, plan_json, data_version, created_by, created_at) "
                + "VALUES ('Rencana 2027', '', ?, 1, 'admin', ?)").params(plan.toByteArray(), Timestamp.from(Instant.now()))
                .update(keys, "id");
        record.adopt(keys.getKey().longValue(), "ditetapkan untuk uji ramalan", "admin");

        JsonNode after = chart("en");
        assertThat(after.get("capacityFrom").stringValue()).isEqualTo("plan");
        assertThat(after.get("months").get(0).stringValue()).isEqualTo("2026-01");
        assertThat(after.get("months").get(6).stringValue()).isEqualTo("2026-07");
        assertThat(after.get("measuredDownMbps").get(0).doubleValue()).isEqualTo(31.0);
        assertThat(after.get("measuredDownMbps").get(6).isNull()).isTrue();
        // the forecast line starts at the last measured month, so that the lines join
        assertThat(after.get("forecastDownMbps").get(4).isNull()).isTrue();
        assertThat(after.get("forecastDownMbps").get(5).doubleValue()).isEqualTo(after.get("measuredDownMbps").get(5).doubleValue());
        assertThat(after.get("forecastDownMbps").get(6).doubleValue()).isEqualTo(41.54); // 31 x 1.05^6
        assertThat(after.get("capacityDownMbps").doubleValue()).isEqualTo(100.0);
        assertThat(after.get("usableDownMbps").doubleValue()).isEqualTo(80.0);
        assertThat(after.get("crossingMonth").stringValue()).isEqualTo("2027-09");
        assertThat(after.get("summary").toString()).contains("Uplinks of the plan in force (version 1)")
                .contains("Demand exceeds the capacity from 2027-09 (down)").contains("ICON+ Internet Dedicated 200 Mbps");
        assertThat(chart("id").get("summary").get(2).stringValue()).startsWith("Kebutuhan melampaui kapasitas mulai 2027-09 (unduh)");
    }

    @Test
    void twoMonthsGiveAMessageNotATrend() throws Exception {
        Dataset ds = GrowingRegency.dataset();
        Map<String, UsageSeries> cut = new LinkedHashMap<>();
        ds.usage().forEach((k, s) -> cut.put(k, new UsageSeries(k, s.startEpochSecond(), s.stepSeconds(),
                Arrays.copyOf(s.downBps(), 59 * 24), Arrays.copyOf(s.upBps(), 59 * 24))));
        inventory.replace(new Dataset(ds.agencies(), ds.subscriptions(), ds.offers(), ds.links(), ds.services(), cut,
                ds.settings()));
        JsonNode c = chart("id");
        assertThat(c.get("months").size()).isZero();
        assertThat(c.get("message").stringValue()).startsWith("hanya 2 bulan terukur; tren butuh sedikitnya 3");
    }

    @Test
    void theDashboardHoldsTheChartAndAnOperatorCannotReadIt() throws Exception {
        inventory.replace(GrowingRegency.dataset());
        String html = mvc.perform(get("/dashboard").with(user("admin").roles("ADMIN"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"forecast-chart\"").contains("data-url=\"/dashboard/charts/forecast.json\"");
        mvc.perform(get("/dashboard/charts/forecast.json").with(user("op").roles("AGENCY_OPERATOR")))
                .andExpect(status().isForbidden());
    }
}
