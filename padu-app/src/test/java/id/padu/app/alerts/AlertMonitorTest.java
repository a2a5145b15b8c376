package id.padu.app.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import id.padu.app.Fixtures;
import id.padu.app.LoopbackSmtp;
import id.padu.app.MovableClock;
import id.padu.app.inventory.InventoryService;
import id.padu.app.measurement.MeasurementSink;
import id.padu.app.measurement.MeasurementSource;
import id.padu.app.measurement.MinuteUsage;
import id.padu.app.planning.PlanFiles;
import id.padu.app.planning.PlanOfRecord;
import id.padu.app.security.Role;
import id.padu.app.security.UserAccounts;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's alerts end to end on its own measurements and plan of record: the monitor opens an
 * alert only after its condition has held 15 minutes, e-mails engineers (GreenMail) on open and on
 * resolve, an engineer acknowledges with a note, operators see their own agency's alerts only, the
 * page header counts them, Prometheus exposes them, and a cleared condition resolves after an hour.
 * The clock is moved, never waited for; the scheduled evaluation is off here.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
        "padu.data-dir=target/test-data/alerts",
        "spring.datasource.url=jdbc:h2:file:./target/test-data/alerts/padu-${random.uuid}",
        "padu.admin-password=" + AlertMonitorTest.PW,
        "padu.alerts.enabled=false",
        "logging.level.org.flywaydb=warn"
})
class AlertMonitorTest {

    static final String PW = "peringatan-sandi-1";
    static final int SMTP_PORT = LoopbackSmtp.freePort();
    /** 2027-03-01 08:00 WIB. */
    static final Instant T0 = Instant.parse("2027-03-01T01:00:00Z");

    @RegisterExtension
    static GreenMailExtension smtp = LoopbackSmtp.server(SMTP_PORT);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry r) {
        LoopbackSmtp.properties(r, SMTP_PORT);
    }


    @TestConfiguration
    static class Config {
        @Bean
        MovableClock testClock() {
            return new MovableClock(T0);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MovableClock clock;
    @Autowired
    InventoryService inventory;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlanOfRecord record;
    @Autowired
    MeasurementSink measurements;
    @Autowired
    AlertMonitor monitor;

    final JsonMapper json = JsonMapper.builder().build();

    String call(MockHttpServletRequestBuilder b, String user, int expected) throws Exception {
        return mvc.perform(b.with(httpBasic(user, PW))).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    JsonNode alerts(String user, String state) throws Exception {
        return json.readTree(call(get("/api/alerts").param("state", state), user, 200)).get("alerts");
    }

    static List<String> keys(JsonNode alerts) {
        List<String> out = new ArrayList<>();
        alerts.forEach(a -> out.add(a.get("rule").asString() + ":" + (a.get("agency").isNull() ? "-" : a.get("agency").asString())));
        return out;
    }

    AlertMonitor.Result at(Instant t) {
        clock.now = t;
        return monitor.evaluate();
    }

    @Test
    void anAlertOpensAfterItHeldIsAcknowledgedAndResolvesAfterItCleared() throws Exception {
        inventory.replace(Fixtures.small());
        accounts.create("insinyur", PW, Role.ENGINEER, null);
        accounts.setEmail("insinyur", "noc@diskominfo.test");
        accounts.create("pemeriksa", PW, Role.AUDITOR, null);
        accounts.create("op-diskominfo", PW, Role.AGENCY_OPERATOR, "DISKOMINFO");
        accounts.create("op-baamang", PW, Role.AGENCY_OPERATOR, "KEC-BAAMANG");
        // The plan of record: DISKOMINFO and RSUD central on a 100/50 Mbps uplink.
        ByteArrayOutputStream plan = new ByteArrayOutputStream();
        PlanFiles.write(Fixtures.smallPlan(), plan);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO planning_scenario (name, settings_text, plan_json, data_version, created_by, created_at) "
                + "VALUES ('Rencana 2027', '', ?, 1, 'insinyur', ?)").params(plan.toByteArray(), Timestamp.from(T0))
                .update(keys, "id");
        record.adopt(keys.getKey().longValue(), "Ditetapkan", "insinyur");

        // The collectors measured the two hours before T0: DISKOMINFO 60 Mbps and RSUD 30 Mbps down,
        // 90 Mbps together on a 100 Mbps uplink (above 80 %); KEC-BAAMANG was never measured.
        List<MinuteUsage> minutes = new ArrayList<>();
        long first = T0.getEpochSecond() - 2 * 3600;
        for (long t = first; t < T0.getEpochSecond(); t += 60) {
            minutes.add(new MinuteUsage("DISKOMINFO", MeasurementSource.SNMP, t, 60_000_000L * 60 / 8, 5_000_000L * 60 / 8, 60));
            minutes.add(new MinuteUsage("RSUD", MeasurementSource.SNMP, t, 30_000_000L * 60 / 8, 5_000_000L * 60 / 8, 60));
        }
        measurements.record(minutes);

        // Pending for 15 minutes: nothing is open and nobody is mailed.
        for (int m = 0; m < 15; m += 5) {
            AlertMonitor.Result r = at(T0.plusSeconds(m * 60L));
            assertThat(r.opened()).as("minute " + m).isZero();
        }
        assertThat(alerts("insinyur", "open")).isEmpty();
        assertThat(smtp.getReceivedMessages()).isEmpty();
        AlertMonitor.Result opened = at(T0.plusSeconds(15 * 60));
        assertThat(opened.opened()).isEqualTo(2);
        JsonNode open = alerts("insinyur", "open");
        assertThat(keys(open)).containsExactlyInAnyOrder("uplink-busy:-", "no-data:KEC-BAAMANG");
        JsonNode busy = null;
        for (JsonNode a : open) {
            if (a.get("rule").asString().equals("uplink-busy")) {
                busy = a;
            }
        }
        assertThat(busy.get("direction").asString()).isEqualTo("down");
        assertThat(busy.get("value").asLong()).isEqualTo(90_000_000L);
        assertThat(busy.get("threshold").asLong()).isEqualTo(80_000_000L);
        assertThat(busy.get("state").asString()).isEqualTo("open");
        assertThat(busy.get("message").asString()).startsWith("Uplink pusat sibuk (unduh)");
        assertThat(smtp.waitForIncomingEmail(2)).isTrue();
        assertThat(List.of(smtp.getReceivedMessages())).extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder("[Padu] Peringatan: uplink-busy", "[Padu] Peringatan: no-data KEC-BAAMANG");

        // Operators: their own agency's alerts only (the regency's uplink is not an agency's).
        assertThat(alerts("op-diskominfo", "open")).isEmpty();
        assertThat(keys(alerts("op-baamang", "open"))).containsExactly("no-data:KEC-BAAMANG");
        call(get("/api/alerts/" + busy.get("id").asLong()), "op-baamang", 404);
        assertThat(Jsoup.parse(call(get("/alerts"), "insinyur", 200)).select("#alert-count").text()).isEqualTo("2");
        assertThat(Jsoup.parse(call(get("/alerts"), "op-baamang", 200)).select("#alert-count").text()).isEqualTo("1");
        assertThat(Jsoup.parse(call(get("/alerts"), "op-baamang", 200)).select("#alerts form")).isEmpty();
        assertThat(call(get("/actuator/prometheus"), "insinyur", 200))
                .contains("padu_alerts_open{rule=\"uplink-busy\"} 1.0").contains("padu_alerts_open{rule=\"paying-twice\"} 0.0")
                .containsPattern("padu_alert_active\\{agency=\"\",direction=\"down\",rule=\"uplink-busy\",subject=\"\"} 1.0");

        // Acknowledging: engineers only, with a note, once.
        String ack = "/api/alerts/" + busy.get("id").asLong() + "/acknowledge";
        call(post(ack).contentType(MediaType.APPLICATION_JSON).content("{\"note\": \"x\"}"), "pemeriksa", 403);
        call(post(ack).contentType(MediaType.APPLICATION_JSON).content("{\"note\": \"x\"}"), "op-diskominfo", 403);
        assertThat(json.readTree(call(post(ack).contentType(MediaType.APPLICATION_JSON).content("{\"note\": \" \"}"),
                "insinyur", 400)).get("errors").get(0).get("field").asString()).isEqualTo("note");
        JsonNode acked = json.readTree(call(post(ack).contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\": \"Upgrade uplink diajukan\"}"), "insinyur", 200));
        assertThat(acked.get("acknowledgedBy").asString()).isEqualTo("insinyur");
        assertThat(acked.get("note").asString()).isEqualTo("Upgrade uplink diajukan");
        call(post(ack).contentType(MediaType.APPLICATION_JSON).content("{\"note\": \"lagi\"}"), "insinyur", 409);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'alert.acknowledge'").query(Long.class).single())
                .isEqualTo(1);

        // A week and more later the two measured hours are out of the window: the uplink is quiet.
        // The alert stays open while it has been clear for less than an hour, then resolves once.
        Instant later = T0.plusSeconds(8 * 86_400L);
        for (int m = 0; m < 60; m += 5) {
            assertThat(at(later.plusSeconds(m * 60L)).resolved()).as("minute " + m).isZero();
            assertThat(keys(alerts("insinyur", "open"))).contains("uplink-busy:-");
        }
        assertThat(at(later.plusSeconds(60 * 60)).resolved()).isEqualTo(1);
        JsonNode resolved = alerts("insinyur", "resolved");
        assertThat(keys(resolved)).containsExactly("uplink-busy:-");
        assertThat(resolved.get(0).get("resolvedAt").asString()).startsWith("2027-03-09T09:00");
        assertThat(resolved.get(0).get("acknowledgedBy").asString()).isEqualTo("insinyur");
        assertThat(smtp.waitForIncomingEmail(3)).isTrue();
        assertThat(List.of(smtp.getReceivedMessages())).extracting(MimeMessage::getSubject).contains("[Padu] Selesai: uplink-busy");
        // The page keeps the history.
        assertThat(Jsoup.parse(call(get("/alerts"), "pemeriksa", 200)).select("#alerts tr[data-state=resolved]")).hasSize(1);
    }
}
