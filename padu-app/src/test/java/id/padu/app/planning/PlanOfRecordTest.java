package id.padu.app.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.padu.app.Fixtures;
import id.padu.app.audit.AuditLog;
import id.padu.app.inventory.InventoryService;
import id.padu.app.security.Role;
import id.padu.app.security.UserAccounts;
import id.padu.plan.AgencyDecision;
import id.padu.plan.Plan;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One plan of record that the features follow: a scenario is adopted with a note, the live plan
 * is served in the plan file contract, the gateway's configuration is rendered from it, an
 * approved bandwidth request amends it (and so reaches the rendered linux-tc and RouterOS text),
 * and an approval whose guarantees no longer fit the uplinks is refused with the shortfall named.
 * Its own database: adopting a plan changes what other tests' pages show.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
        "padu.data-dir=target/test-data/plan-of-record",
        "spring.datasource.url=jdbc:h2:file:./target/test-data/plan-of-record/padu-${random.uuid}",
        "padu.admin-password=" + PlanOfRecordTest.PW,
        "logging.level.org.flywaydb=warn"
})
class PlanOfRecordTest {

    static final String PW = "rencana-resmi-sandi-1";
    static final long M = 1_000_000;
    final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    InventoryService inventory;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ScenarioRepository scenarios;

    @Autowired
    AuditLog audit;

    static Plan plan() {
        return Fixtures.smallPlan();
    }

    @BeforeEach
    void regency() {
        if (accounts.find("op-diskominfo").isEmpty()) {
            inventory.replace(Fixtures.small());
            accounts.create("op-diskominfo", PW, Role.AGENCY_OPERATOR, "DISKOMINFO");
            accounts.create("insinyur", PW, Role.ENGINEER, null);
        }
    }

    MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder b, String user) {
        return b.with(httpBasic(user, PW));
    }

    String body(MockHttpServletRequestBuilder b, String user, int expected) throws Exception {
        return mvc.perform(as(b, user)).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    long scenario() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlanFiles.write(plan(), out);
        return scenarios.insert("Rencana uji", Map.of(), out.toByteArray(), 1, "insinyur", Instant.now());
    }

    long fileRequest(long cirDown, long mirDown) throws Exception {
        String answer = body(post("/api/agencies/DISKOMINFO/requests").contentType(MediaType.APPLICATION_JSON).content("""
                {"downCirBps": %d, "downMirBps": %d, "upCirBps": %d, "upMirBps": %d, "reason": "ujian daring"}"""
                .formatted(cirDown, mirDown, 10 * M, 50 * M)), "op-diskominfo", 201);
        return json.readTree(answer).get("id").asLong();
    }

    /** The linux-tc class lines of an agency, one per direction: "# padu:expect DEV CLASS rate ceil CODE". */
    static List<String> tcLines(String script, String code) {
        return script.lines().filter(l -> l.startsWith("# padu:expect ") && l.endsWith(" " + code)).toList();
    }

    @Test
    void theAdoptedPlanIsWhatTheGatewayRendersAndWhatRequestsAmend() throws Exception {
        body(get("/api/plan-of-record"), "insinyur", 404);
        long id = scenario();
        // An operator or an adoption without a note is refused; an engineer with a note adopts.
        body(post("/api/plans/" + id + "/adopt").contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"x\"}"),
                "op-diskominfo", 403);
        body(post("/api/plans/" + id + "/adopt").contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"  \"}"),
                "insinyur", 400);
        JsonNode adopted = json.readTree(body(post("/api/plans/" + id + "/adopt").contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\":\"Disepakati rapat 8 Desember\"}"), "insinyur", 200));
        assertThat(adopted.get("version").asInt()).isEqualTo(1);
        assertThat(audit.latest(10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("plan.adopt");
            assertThat(e.actor()).isEqualTo("insinyur");
        });

        // The live plan is the adopted one, readable back through the plan file contract.
        String live = body(get("/api/plan-of-record"), "insinyur", 200);
        Plan read = PlanFiles.read(new java.io.ByteArrayInputStream(live.getBytes(StandardCharsets.UTF_8)), "live");
        assertThat(read.agencies()).isEqualTo(plan().agencies());
        String tc = body(get("/api/plan-of-record/config").param("target", "linux-tc"), "insinyur", 200);
        assertThat(tcLines(tc, "DISKOMINFO")).anySatisfy(l -> assertThat(l).contains(" " + 30 * M + " " + 100 * M + " "));

        // The operator asks for 50 Mbps guaranteed; approved, it amends the plan of record.
        long ok = fileRequest(50 * M, 100 * M);
        body(post("/api/requests/" + ok + "/approve").contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"ok\"}"),
                "insinyur", 200);
        Plan amended = PlanFiles.read(new java.io.ByteArrayInputStream(body(get("/api/plan-of-record"), "insinyur", 200)
                .getBytes(StandardCharsets.UTF_8)), "live");
        AgencyDecision d = amended.agencies().stream().filter(a -> a.code().equals("DISKOMINFO")).findFirst().orElseThrow();
        assertThat(d.cirDownBps()).isEqualTo(50 * M);
        assertThat(json.readTree(body(get("/api/agencies/DISKOMINFO/allocation"), "op-diskominfo", 200))
                .get("downCirBps").asLong()).isEqualTo(50 * M);
        String tcAfter = body(get("/api/plan-of-record/config").param("target", "linux-tc"), "insinyur", 200);
        assertThat(tcLines(tcAfter, "DISKOMINFO")).anySatisfy(l -> assertThat(l).contains(" " + 50 * M + " " + 100 * M + " "))
                .noneSatisfy(l -> assertThat(l).contains(" " + 30 * M + " " + 100 * M + " "));
        String ros = body(get("/api/plan-of-record/config").param("target", "routeros"), "insinyur", 200);
        assertThat(ros.lines().filter(l -> l.contains("DISKOMINFO") && l.contains("limit-at=50M")).count()).isPositive();
        JsonNode amendments = json.readTree(body(get("/api/plan-of-record/amendments"), "insinyur", 200));
        assertThat(amendments).hasSize(1);
        assertThat(amendments.get(0).get("source").asString()).isEqualTo("request " + ok);

        // 100 Mbps with a 10 % reserve guarantees 90 Mbps; RSUD holds 40, so 60 more for DISKOMINFO is 10 short.
        long tooMuch = fileRequest(60 * M, 100 * M);
        String refused = body(post("/api/requests/" + tooMuch + "/approve").contentType(MediaType.APPLICATION_JSON)
                .content("{}").param("lang", "en"), "insinyur", 409);
        assertThat(json.readTree(refused).get("detail").asString()).isEqualTo("Refused: the central agencies' download "
                + "CIRs would add up to 100 Mbps, more than the 90 Mbps that can be guaranteed (uplink download capacity "
                + "100 Mbps less the reserve 10 %); 10 Mbps short.");
        assertThat(json.readTree(body(get("/api/requests/" + tooMuch), "insinyur", 200)).get("status").asString())
                .isEqualTo("PENDING");
        assertThat(json.readTree(body(get("/api/plan-of-record/amendments"), "insinyur", 200))).hasSize(1);

        // The dashboard's figures after consolidation and the agency's page come from the plan of record.
        org.jsoup.nodes.Document dash = org.jsoup.Jsoup.parse(body(get("/dashboard"), "insinyur", 200));
        assertThat(dash.select("#record-plan-cost").text()).isEqualTo("Rp 300.000.000");
        assertThat(dash.select("#record-savings").text()).isEqualTo("Rp 200.000.000");
        org.jsoup.nodes.Document own = org.jsoup.Jsoup.parse(body(get("/dashboard/agencies/DISKOMINFO"), "op-diskominfo", 200));
        assertThat(own.select("#in-plan-allocation").text()).startsWith("unduh CIR 50 Mbps / MIR 100 Mbps");

        // The gateway page shows the plan of record to every engineer, labelled as such.
        String page = body(get("/gateway"), "admin", 200);
        assertThat(page).contains("id=\"plan-of-record\"").doesNotContain("id=\"not-plan-of-record\"");

        // A second scenario adopted through its page supersedes the first: version 2, without the
        // first version's amendment; the first version is kept.
        long second = scenario();
        String form = body(get("/planning/scenarios/" + second), "insinyur", 200);
        assertThat(form).contains("id=\"adopt\"").doesNotContain("id=\"in-force\"");
        mvc.perform(post("/planning/scenarios/" + second + "/adopt").param("note", " ").with(csrf())
                        .with(user("insinyur").roles("ENGINEER")))
                .andExpect(status().is3xxRedirection());
        assertThat(json.readTree(body(get("/api/plan-of-record/versions"), "insinyur", 200))).hasSize(1);
        mvc.perform(post("/planning/scenarios/" + second + "/adopt").param("note", "Revisi setelah pembahasan").with(csrf())
                        .with(user("insinyur").roles("ENGINEER")))
                .andExpect(status().is3xxRedirection());
        JsonNode versions = json.readTree(body(get("/api/plan-of-record/versions"), "insinyur", 200));
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(2);
        assertThat(versions.get(0).get("inForce").asBoolean()).isTrue();
        assertThat(versions.get(1).get("inForce").asBoolean()).isFalse();
        assertThat(body(get("/planning/scenarios/" + second), "insinyur", 200)).contains("id=\"in-force\"");
        assertThat(json.readTree(body(get("/api/plan-of-record/amendments"), "insinyur", 200))).isEmpty();
        Plan superseding = PlanFiles.read(new java.io.ByteArrayInputStream(body(get("/api/plan-of-record"), "insinyur", 200)
                .getBytes(StandardCharsets.UTF_8)), "live");
        assertThat(superseding.agencies()).isEqualTo(plan().agencies());

        // The migration schedules the plan of record's central agencies, not a plan of its own.
        assertThat(body(get("/migration"), "insinyur", 200)).contains("id=\"from-record\"");
        mvc.perform(post("/migration/from-record").with(csrf()).with(user("insinyur").roles("ENGINEER")))
                .andExpect(status().is3xxRedirection());
        String gantt = body(get("/migration/gantt.json"), "insinyur", 200);
        assertThat(gantt).contains("DISKOMINFO").contains("RSUD").doesNotContain("KEC-BAAMANG");
    }
}
