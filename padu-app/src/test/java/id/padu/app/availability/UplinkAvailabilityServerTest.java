package id.padu.app.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import id.padu.app.Fixtures;
import id.padu.app.LoopbackSmtp;
import id.padu.app.MovableClock;
import id.padu.app.alerts.AlertMonitor;
import id.padu.app.collection.SnmpAgents;
import id.padu.app.inventory.InventoryService;
import id.padu.app.planning.PlanFiles;
import id.padu.app.planning.PlanOfRecord;
import id.padu.app.security.Role;
import id.padu.app.security.UserAccounts;
import id.padu.domain.BitRate;
import id.padu.domain.ConnectionKind;
import id.padu.domain.Dataset;
import id.padu.domain.Offer;
import id.padu.domain.Rupiah;
import id.padu.domain.Wib;
import id.padu.plan.Plan;
import id.padu.plan.Uplink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
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
 * A central uplink monitored against net-snmp's real {@code snmpd}, whose {@code pass_persist}
 * script reads a state file the test rewrites: the WAN interface is up, then down (ifOperStatus
 * 2, counters stopped), then up without traffic, then up again. The server polls it every two
 * seconds; the test waits for polls to happen (counting them through the API), never for time.
 * Then: the month's report (JSON, page, XLSX cells, PDF text) shows one outage from the first
 * bad poll to the first good one with the polls of each kind, the availability against the
 * offer's SLA in the plan of record, not met; {@code uplink-down} opens (the alert clock is moved
 * past {@code alert.open_after_minutes}), engineers are mailed and Prometheus shows it, and it
 * resolves once the uplink has been back for the clearing hour.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
        "padu.data-dir=target/test-data/uplinks",
        "spring.datasource.url=jdbc:h2:file:./target/test-data/uplinks/padu-${random.uuid}",
        "padu.admin-password=" + UplinkAvailabilityServerTest.PW,
        "padu.alerts.enabled=false",
        "padu.collection.snmp-interval=2s",
        "padu.collection.snmp-timeout=700ms",
        "padu.collection.drain-interval=1s",
        "padu.region-name=Kabupaten Uji Coba",
        "logging.level.org.flywaydb=warn"
})
class UplinkAvailabilityServerTest {

    static final String PW = "ketersediaan-sandi-1";
    static final int SMTP_PORT = LoopbackSmtp.freePort();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    static GreenMailExtension smtp = LoopbackSmtp.server(SMTP_PORT);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry r) {
        LoopbackSmtp.properties(r, SMTP_PORT);
    }


    /** The alerts' clock: moved ahead of the wall clock to pass the opening and clearing times. */
    @TestConfiguration
    static class Config {
        @Bean
        MovableClock testClock() {
            return new MovableClock(Instant.now());
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
    AlertMonitor monitor;
    @Autowired
    AvailabilityPurge purge;

    @TempDir
    Path dir;

    MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder b, String user) {
        return b.with(httpBasic(user, PW));
    }

    String call(MockHttpServletRequestBuilder b, String user, int expected) throws Exception {
        return mvc.perform(as(b, user)).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    byte[] bytes(MockHttpServletRequestBuilder b, String user) throws Exception {
        return mvc.perform(as(b, user)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    JsonNode post(String path, String body, String user, int expected) throws Exception {
        return JSON.readTree(call(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .contentType(MediaType.APPLICATION_JSON).content(body), user, expected));
    }

    JsonNode report(YearMonth month) throws Exception {
        return JSON.readTree(call(get("/api/uplinks/availability").param("month", month.toString()), "pemeriksa", 200));
    }

    /** The month's only uplink, once the polls satisfy {@code until} (waiting for polls, never for a time). */
    JsonNode uplinkWhen(YearMonth month, Predicate<JsonNode> until) throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        JsonNode last = null;
        while (System.currentTimeMillis() < deadline) {
            JsonNode uplinks = report(month).get("uplinks");
            if (uplinks.size() == 1) {
                last = uplinks.get(0);
                if (until.test(last)) {
                    return last;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the polls never got there: " + last + "\n" + call(get("/api/collection/status"), "admin", 200));
    }

    static long polls(JsonNode uplink, String outcome) {
        return uplink.get("polls").get(outcome).asLong();
    }

    /** Rewrites the device's state at once (a rename), so the script never reads half a file. */
    void state(Path device, String state) throws Exception {
        Path tmp = device.resolve("state.tmp");
        Files.writeString(tmp, state + "\n");
        Files.move(tmp, device.resolve("state"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static long epoch(JsonNode isoTime) {
        return OffsetDateTime.parse(isoTime.asString()).toEpochSecond();
    }

    AlertMonitor.Result evaluateAt(Instant t) {
        clock.now = t;
        return monitor.evaluate();
    }

    /** The uplink-down alerts the user sees (the fixture's agencies fire other rules too). */
    List<JsonNode> uplinkDown(String user, String state) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(call(get("/api/alerts").param("state", state), user, 200)).get("alerts").forEach(a -> {
            if (a.get("rule").asString().equals("uplink-down")) {
                out.add(a);
            }
        });
        return out;
    }

    List<String> mailSubjects() {
        return List.of(smtp.getReceivedMessages()).stream().map(m -> {
            try {
                return m.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).filter(s -> s.contains("uplink")).toList();
    }

    @Test
    void aScriptedOutageOfARealAgentIsReportedAgainstTheSlaAndAlerted() throws Exception {
        // The plan of record buys Telkom (offer with a 99.5 % SLA) and Lintasarta; only Telkom is monitored.
        Dataset small = Fixtures.small();
        List<Offer> offers = new ArrayList<>(small.offers());
        offers.add(new Offer("Telkom", "Astinet 100", ConnectionKind.DEDICATED, BitRate.ofMbps(100), BitRate.ofMbps(50),
                Rupiah.of(25_000_000), Rupiah.ZERO, 12, 99.5));
        inventory.replace(new Dataset(small.agencies(), small.subscriptions(), offers, small.links(), small.services(),
                small.usage(), small.settings()));
        Plan p = Fixtures.smallPlan();
        Plan plan = new Plan(p.statusQuoAnnualIdr(), p.planAnnualIdr(), p.savingsAnnualIdr(), p.oneOffCostIdr(), p.paybackMonths(),
                p.requiredDownBps(), p.requiredUpBps(), p.optimal(), p.gap(),
                List.of(p.uplinks().get(0), new Uplink("Lintasarta", "IP Transit 300", 300, 300, 30_000_000L, 0)), p.agencies());
        ByteArrayOutputStream planJson = new ByteArrayOutputStream();
        PlanFiles.write(plan, planJson);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO planning_scenario (name, settings_text, plan_json, data_version, created_by, created_at) "
                + "VALUES ('Rencana 2027', '', ?, 1, 'admin', ?)").params(planJson.toByteArray(), Timestamp.from(Instant.now()))
                .update(keys, "id");
        record.adopt(keys.getKey().longValue(), "Ditetapkan", "admin");
        accounts.create("insinyur", PW, Role.ENGINEER, null);
        accounts.setEmail("insinyur", "noc@diskominfo.test");
        accounts.create("pemeriksa", PW, Role.AUDITOR, null);
        accounts.create("op-rsud", PW, Role.AGENCY_OPERATOR, "RSUD");

        Path snmpd = SnmpAgents.snmpd();
        try (SnmpAgents agents = new SnmpAgents(dir)) {
            Path gw = agents.device("gw", 64, 1_250_000, 250_000, 9_000_000_000L, 3_000_000_000L, "ether1-telkom", "wan-telkom");
            state(gw, "1 1");
            int port = SnmpAgents.freePort();
            agents.agent(snmpd, agents.script(), gw, port);

            // The gateway's WAN interface towards Telkom, as an uplink target of its own.
            String target = """
                    {"kind":"uplink","provider":"Telkom","host":"127.0.0.1","port":%d,"version":"2c","community":"padutest",
                     "interface":"wan-telkom","wanDirection":"in-is-down"}""".formatted(port);
            JsonNode created = post("/api/collection/snmp-targets", target, "insinyur", 201);
            assertThat(created.get("kind").asString()).isEqualTo("uplink");
            assertThat(created.get("provider").asString()).isEqualTo("Telkom");
            assertThat(created.get("agency").isNull()).isTrue();
            assertThat(created.has("community")).isFalse();
            // Bad input is named; a second target for the same uplink is a conflict.
            assertThat(post("/api/collection/snmp-targets", target.replace("\"uplink\"", "\"isp\""), "insinyur", 400)
                    .get("errors").get(0).get("field").asString()).isEqualTo("kind");
            assertThat(post("/api/collection/snmp-targets", target.replace("\"Telkom\"", "\"\""), "insinyur", 400)
                    .get("errors").get(0).get("field").asString()).isEqualTo("provider");
            assertThat(post("/api/collection/snmp-targets", target.replace("\"kind\":\"uplink\",", "\"kind\":\"uplink\",\"agency\":\"RSUD\","),
                    "insinyur", 400).get("errors").get(0).get("field").asString()).isEqualTo("agency");
            assertThat(post("/api/collection/snmp-targets", target.replace("\"wan-telkom\"", "\"2\""), "insinyur", 409)
                    .get("detail").asString()).contains("Telkom");

            YearMonth month = YearMonth.from(Instant.now().atZone(Wib.ZONE));
            uplinkWhen(month, u -> polls(u, "up") >= 3);

            // Down: ifOperStatus 2, the counters stop.
            long downAt = Instant.now().getEpochSecond();
            state(gw, "2 0");
            uplinkWhen(month, u -> polls(u, "down") >= 4);

            // uplink-down: pending at first, open once it has held for alert.open_after_minutes (15).
            // (A contract of the fixture ending within 60 days may open at once: a calendar rule.)
            Instant t1 = Instant.now();
            evaluateAt(t1);
            assertThat(uplinkDown("insinyur", "open")).isEmpty();
            assertThat(mailSubjects()).isEmpty();
            evaluateAt(t1.plus(Duration.ofMinutes(15)));
            List<JsonNode> open = uplinkDown("insinyur", "open");
            assertThat(open).hasSize(1);
            assertThat(open.get(0).get("rule").asString()).isEqualTo("uplink-down");
            assertThat(open.get(0).get("subject").asString()).isEqualTo("Telkom");
            assertThat(open.get(0).get("agency").isNull()).isTrue();
            assertThat(open.get(0).get("message").asString()).startsWith("Uplink Telkom mati pada ");
            assertThat(epoch(open.get(0).get("since"))).isBetween(downAt - 2, downAt + 4);
            assertThat(smtp.waitForIncomingEmail(1)).isTrue();
            assertThat(mailSubjects()).containsExactly("[Padu] Peringatan: uplink-down Telkom");
            assertThat(uplinkDown("op-rsud", "open")).isEmpty(); // the regency's uplink is no agency's
            assertThat(call(get("/actuator/prometheus"), "pemeriksa", 200))
                    .contains("padu_alerts_open{rule=\"uplink-down\"} 1.0")
                    .containsPattern("padu_alert_active\\{agency=\"\",direction=\"\",rule=\"uplink-down\",subject=\"Telkom\"} 1.0");

            // Up, but passing nothing: still an outage.
            state(gw, "1 0");
            uplinkWhen(month, u -> polls(u, "idle") >= 3);
            // Back to normal.
            long upAt = Instant.now().getEpochSecond();
            state(gw, "1 1");
            JsonNode u = uplinkWhen(month, x -> x.get("outages").size() > 0
                    && x.get("outages").get(x.get("outages").size() - 1).get("ended").asString().equals("up")
                    && polls(x, "up") >= 9);
            String report = u.toPrettyString() + "\n" + call(get("/api/collection/status"), "admin", 200);

            // One outage, from the first bad poll to the first good one, made of the down and idle polls.
            assertThat(u.get("outages")).as(report).hasSize(1);
            JsonNode outage = u.get("outages").get(0);
            long start = epoch(outage.get("start"));
            long end = epoch(outage.get("end"));
            assertThat(start).as(report).isBetween(downAt - 2, downAt + 4);
            assertThat(end).as(report).isBetween(upAt - 2, upAt + 4);
            assertThat(outage.get("durationSeconds").asLong()).isEqualTo(end - start);
            assertThat(outage.get("downPolls").asLong()).as(report).isEqualTo(polls(u, "down"));
            assertThat(outage.get("idlePolls").asLong()).as(report).isEqualTo(polls(u, "idle"));
            assertThat(outage.get("fromPreviousMonth").asBoolean()).isFalse();
            assertThat(u.get("outageSeconds").asLong()).isEqualTo(end - start);
            // Availability: answered polls up and passing traffic; the SLA of the plan's offer, not met.
            long answered = polls(u, "answered");
            assertThat(answered).isEqualTo(polls(u, "up") + polls(u, "idle") + polls(u, "down"));
            double pct = Math.floor(polls(u, "up") * 100_000.0 / answered) / 1000;
            assertThat(u.get("availabilityPct").asDouble()).as(report).isCloseTo(pct, within(1e-9));
            assertThat(u.get("sla").get("status").asString()).isEqualTo("found");
            assertThat(u.get("sla").get("product").asString()).isEqualTo("Astinet 100");
            assertThat(u.get("sla").get("slaPct").asDouble()).isEqualTo(99.5);
            assertThat(u.get("sla").get("met").asBoolean()).isFalse();
            assertThat(u.get("sla").get("monthlyCostIdr").asLong()).isEqualTo(25_000_000L);
            JsonNode whole = report(month);
            assertThat(whole.get("complete").asBoolean()).isFalse();
            assertThat(whole.get("notMonitored").get(0).asString()).isEqualTo("Lintasarta IP Transit 300");

            // uplink-down clears with the uplink and resolves after the clearing hour, with a mail.
            Instant t2 = Instant.now().plus(Duration.ofMinutes(16));
            evaluateAt(t2);
            assertThat(uplinkDown("insinyur", "open")).hasSize(1);
            evaluateAt(t2.plus(Duration.ofMinutes(60)));
            assertThat(uplinkDown("insinyur", "open")).isEmpty();
            assertThat(uplinkDown("insinyur", "resolved")).hasSize(1);
            long deadline = System.currentTimeMillis() + 10_000;
            while (mailSubjects().size() < 2 && System.currentTimeMillis() < deadline) {
                smtp.waitForIncomingEmail(1_000, smtp.getReceivedMessages().length + 1);
            }
            assertThat(mailSubjects()).containsExactly("[Padu] Peringatan: uplink-down Telkom", "[Padu] Selesai: uplink-down Telkom");

            // The workbook: the same figures as numbers, the outage's times in WIB.
            byte[] xlsx = bytes(get("/api/uplinks/availability.xlsx").param("month", month.toString()), "pemeriksa");
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                Sheet sum = wb.getSheet("Ringkasan");
                assertThat(sum.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Laporan ketersediaan uplink");
                assertThat(sum.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Kabupaten Uji Coba");
                Row head = sum.getRow(6);
                assertThat(head.getCell(2).getStringCellValue()).isEqualTo("Ketersediaan");
                Row telkom = sum.getRow(7);
                assertThat(telkom.getCell(0).getStringCellValue()).isEqualTo("Telkom");
                assertThat(telkom.getCell(1).getStringCellValue()).isEqualTo("Astinet 100");
                long answeredAtDownload = (long) telkom.getCell(5).getNumericCellValue();
                long upAtDownload = (long) telkom.getCell(6).getNumericCellValue();
                assertThat(answeredAtDownload).isGreaterThanOrEqualTo(answered);
                assertThat(telkom.getCell(2).getNumericCellValue())
                        .isCloseTo(Math.floor(upAtDownload * 100_000.0 / answeredAtDownload) / 100_000, within(1e-12));
                assertThat(telkom.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.000%");
                assertThat(telkom.getCell(3).getNumericCellValue()).isCloseTo(0.995, within(1e-12));
                assertThat(telkom.getCell(4).getStringCellValue()).isEqualTo("Tidak");
                assertThat((long) telkom.getCell(8).getNumericCellValue()).isEqualTo(polls(u, "down"));
                assertThat((long) telkom.getCell(11).getNumericCellValue()).isEqualTo(1);
                assertThat(Math.round(telkom.getCell(12).getNumericCellValue() * 86_400)).isEqualTo(end - start);
                assertThat((long) telkom.getCell(13).getNumericCellValue()).isEqualTo(25_000_000L);
                Sheet outages = wb.getSheet("Gangguan");
                Row o = outages.getRow(1);
                assertThat(o.getCell(2).getLocalDateTimeCellValue())
                        .isEqualTo(LocalDateTime.ofInstant(Instant.ofEpochSecond(start), Wib.ZONE));
                assertThat(o.getCell(3).getLocalDateTimeCellValue())
                        .isEqualTo(LocalDateTime.ofInstant(Instant.ofEpochSecond(end), Wib.ZONE));
                assertThat(Math.round(o.getCell(4).getNumericCellValue() * 86_400)).isEqualTo(end - start);
                assertThat((long) o.getCell(5).getNumericCellValue()).isEqualTo(polls(u, "down"));
                assertThat(o.getCell(7).getStringCellValue()).isEqualTo("uplink kembali normal");
                assertThat(outages.getRow(2)).isNull();
            }

            // The PDF for the ISP: the figures, the outage to the second in WIB, in either language.
            String pdf = pdfText(bytes(get("/api/uplinks/availability.pdf").param("month", month.toString()), "pemeriksa"));
            assertThat(pdf).contains("Laporan ketersediaan uplink", "Kabupaten Uji Coba", "Uplink Telkom Astinet 100", "99,5 %",
                    "Tidak", ReportText.time(start), ReportText.time(end), ReportText.duration(end - start),
                    "uplink kembali normal", "Lintasarta IP Transit 300");
            String en = pdfText(bytes(get("/api/uplinks/availability.pdf").param("month", month.toString()).param("lang", "en"),
                    "pemeriksa"));
            assertThat(en).contains("Uplink availability report", "99.5 %", "SLA met", "uplink back to normal");

            // The page: auditors read it, operators do not; a bad month is named.
            var page = Jsoup.parse(call(get("/availability").param("month", month.toString()), "pemeriksa", 200));
            assertThat(page.select("#uplinks tr[data-provider=Telkom] td.sla").text()).isEqualTo("99,5 %");
            assertThat(page.select("#uplinks tr[data-provider=Telkom] td.met").text()).isEqualTo("Tidak");
            assertThat(page.select("table.outages tbody tr")).hasSize(1);
            assertThat(page.select("a#download-pdf").attr("href")).isEqualTo("/api/uplinks/availability.pdf?month=" + month);
            call(get("/availability"), "op-rsud", 403);
            call(get("/api/uplinks/availability.pdf"), "op-rsud", 403);
            assertThat(JSON.readTree(call(get("/api/uplinks/availability").param("month", "2027-13"), "pemeriksa", 400))
                    .get("errors").get(0).get("field").asString()).isEqualTo("month");

            // The collection pages and status name the uplink; its traffic is nobody's usage.
            assertThat(Jsoup.parse(call(get("/collection"), "pemeriksa", 200)).select("td[data-kind=uplink]").text())
                    .contains("Telkom");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'collection.target.create' AND after_json LIKE '%uplink%'")
                    .query(Long.class).single()).isEqualTo(1);
        }

        // Retention: polls older than 400 days go.
        jdbc.sql("INSERT INTO uplink_poll (provider, product, target_id, polled_at, outcome, interval_s) "
                + "VALUES ('Telkom', '', 1, ?, 'up', 60)").param(Timestamp.from(clock.instant().minus(Duration.ofDays(401)))).update();
        assertThat(purge.run()).isEqualTo(1);
    }

    static String pdfText(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor x = new PdfTextExtractor(reader);
            StringBuilder all = new StringBuilder();
            for (int i = 1; i <= reader.getNumberOfPages(); i++) {
                all.append(x.getTextFromPage(i)).append('\n');
            }
            return all.toString();
        } finally {
            reader.close();
        }
    }
}
