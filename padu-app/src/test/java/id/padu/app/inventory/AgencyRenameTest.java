package id.padu.app.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.padu.app.Fixtures;
import id.padu.app.H2AppTest;
import id.padu.app.measurement.MeasurementSink;
import id.padu.app.measurement.MeasurementSource;
import id.padu.app.measurement.MinuteUsage;
import id.padu.app.planning.PlanFiles;
import id.padu.app.security.Role;
import id.padu.app.security.UserAccounts;
import id.padu.domain.Agency;
import id.padu.domain.Dataset;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 19, Medium 7: an agency's code is the key other records carry. A rename moves every one
 * of them in one transaction, so that a new agency that takes the old code starts with nothing of
 * the old one; an operator is bound to an agency that exists; an agency that records refer to is
 * not deleted (409 naming them); a request whose agency is gone is not approved. Its own
 * database: a plan of record, a migration and a review are adopted and opened.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
        "padu.data-dir=target/test-data/agency-rename",
        "spring.datasource.url=jdbc:h2:file:./target/test-data/agency-rename/padu-${random.uuid}",
        "padu.admin-password=" + H2AppTest.ADMIN_PASSWORD,
        "logging.level.org.flywaydb=warn"
})
class AgencyRenameTest {

    static final String PW = "kode-lama-baru-2026";
    static final long M = 1_000_000;
    static final String NIP = "198001012005011001";
    final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    InventoryService inventory;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeasurementSink measurements;

    @Autowired
    id.padu.app.planning.PlanOfRecord record;

    String call(MockHttpServletRequestBuilder b, String user, int expected) throws Exception {
        return mvc.perform(b.with(httpBasic(user, PW))).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    static MockHttpServletRequestBuilder postJson(String url, String body) {
        return post(url).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    void ensure(String username, Role role, String agency) {
        if (accounts.find(username).isEmpty()) {
            accounts.create(username, PW, role, agency);
        } else {
            accounts.update(username, null, role, agency);
        }
    }

    /** Every table and stored plan that carries agency codes, and how often each holds {@code code}. */
    Map<String, Long> carrying(String code) {
        Map<String, Long> found = new java.util.TreeMap<>();
        for (String[] t : new String[][] {{"app_user", "agency_code"}, {"bandwidth_request", "agency_code"},
                {"allocation_override", "agency_code"}, {"snmp_target", "agency_code"}, {"measurement", "agency_code"},
                {"mig_cutover", "agency_code"}, {"mig_status_change", "agency_code"}, {"mig_checklist_tick", "agency_code"},
                {"plan_amendment", "agency"}, {"review_response", "agency"}}) {
            long n = jdbc.sql("SELECT COUNT(*) FROM " + t[0] + " WHERE " + t[1] + " = ?").param(code).query(Long.class).single();
            if (n > 0) {
                found.put(t[0], n);
            }
        }
        String quoted = "\"code\" : \"" + code + "\"";
        for (String table : List.of("plan_of_record", "planning_scenario", "mig_migration")) {
            long n = jdbc.sql("SELECT plan_json FROM " + table).query((rs, i) -> new String(rs.getBytes(1), StandardCharsets.UTF_8))
                    .list().stream().filter(j -> j.replace("\"code\":\"", "\"code\" : \"").contains(quoted)).count();
            if (n > 0) {
                found.put(table, n);
            }
        }
        return found;
    }

    /** RSUD with an operator, an approved request, an SNMP target, measurements, in the plan of record, the migration and a review. */
    long rsudWithHistory() throws Exception {
        inventory.replace(Fixtures.small());
        ensure("insinyur", Role.ENGINEER, null);
        ensure("op-rsud", Role.AGENCY_OPERATOR, "RSUD");
        ByteArrayOutputStream plan = new ByteArrayOutputStream();
        PlanFiles.write(Fixtures.smallPlan(), plan);
        jdbc.sql("INSERT INTO planning_scenario (name, settings_text, plan_json, data_version, created_by, created_at) "
                        + "VALUES ('Rencana uji', '', ?, 1, 'insinyur', CURRENT_TIMESTAMP)")
                .param(plan.toByteArray()).update();
        long scenario = jdbc.sql("SELECT MAX(id) FROM planning_scenario").query(Long.class).single();
        call(postJson("/api/plans/" + scenario + "/adopt", "{\"note\":\"ditetapkan\"}"), "insinyur", 200);
        mvc.perform(post("/migration/from-record").with(csrf()).with(user("insinyur").roles("ENGINEER")))
                .andExpect(status().is3xxRedirection());
        long round = json.readTree(call(postJson("/api/reviews", "{\"scenarioId\": " + scenario
                + ", \"title\": \"Pembahasan\", \"dueDate\": \"2026-12-20\"}"), "insinyur", 201)).get("id").asLong();
        call(postJson("/api/reviews/" + round + "/agencies/RSUD/response", """
                {"decision": "agree", "comment": "setuju", "signerName": "Siti", "signerNip": "%s", "signerTitle": "Direktur"}"""
                .formatted(NIP)), "op-rsud", 201);
        long request = json.readTree(call(postJson("/api/agencies/RSUD/requests", """
                {"downCirBps": %d, "downMirBps": %d, "upCirBps": %d, "upMirBps": %d, "reason": "permintaan-lama-unik"}"""
                .formatted(45 * M, 100 * M, 20 * M, 50 * M)), "op-rsud", 201)).get("id").asLong();
        call(postJson("/api/requests/" + request + "/approve", "{\"note\":\"ok\"}"), "insinyur", 200);
        call(postJson("/api/collection/snmp-targets", """
                {"agency":"RSUD","host":"192.0.2.7","port":161,"version":"2c","community":"rahasia",
                 "interface":"wan0","wanDirection":"in-is-down","enabled":false}"""), "insinyur", 201);
        long minute = Instant.parse("2027-01-05T01:00:00Z").getEpochSecond();
        measurements.record(List.of(new MinuteUsage("RSUD", MeasurementSource.SNMP, minute, 600_000, 60_000, 60)));
        return request;
    }

    @Test
    void aRenameMovesEveryRecordAndANewAgencyWithTheOldCodeSeesNoneOfThem() throws Exception {
        long request = rsudWithHistory();
        assertThat(carrying("RSUD")).containsKeys("app_user", "bandwidth_request", "snmp_target", "measurement",
                "mig_cutover", "mig_status_change", "plan_amendment", "review_response", "plan_of_record",
                "planning_scenario", "mig_migration");

        String renamed = call(put("/api/agencies/RSUD").contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"RSUD-MURJANI\",\"name\":\"RSUD dr. Murjani\",\"kind\":\"rsud\",\"priority\":\"critical\"}"),
                "insinyur", 200);
        assertThat(json.readTree(renamed).get("code").asString()).isEqualTo("RSUD-MURJANI");
        assertThat(carrying("RSUD")).as("nothing keeps the old code").isEmpty();
        assertThat(carrying("RSUD-MURJANI")).containsKeys("app_user", "bandwidth_request", "snmp_target", "measurement",
                "mig_cutover", "plan_amendment", "review_response", "plan_of_record", "planning_scenario", "mig_migration");
        String audit = jdbc.sql("SELECT after_json FROM audit_log WHERE action = 'agency.update' AND entity_key = 'RSUD' "
                + "ORDER BY id DESC").query(String.class).list().get(0);
        assertThat(audit).contains("\"renamedFrom\":\"RSUD\"", "\"bandwidth requests\":1", "\"SNMP targets\":1",
                "\"operator accounts\":1");

        // The renamed agency keeps its history: its operator, request, allocation and place in the plan.
        JsonNode own = json.readTree(call(get("/api/requests"), "op-rsud", 200));
        assertThat(own).extracting(r -> r.get("id").asLong()).containsExactly(request);
        assertThat(own.get(0).get("agency").asString()).isEqualTo("RSUD-MURJANI");
        assertThat(json.readTree(call(get("/api/agencies/RSUD-MURJANI/allocation"), "op-rsud", 200)).get("downCirBps").asLong())
                .isEqualTo(45 * M);
        assertThat(record.live().orElseThrow().agencies()).extracting(a -> a.code()).contains("RSUD-MURJANI").doesNotContain("RSUD");
        assertThat(call(get("/dashboard/agencies/RSUD-MURJANI"), "op-rsud", 200)).contains("2027-02-09");

        // A new agency takes the old code; its operator sees nothing of the old one.
        call(postJson("/api/agencies", "{\"code\":\"RSUD\",\"name\":\"RSUD Baru\"}"), "insinyur", 201);
        accounts.create("op-rsud-baru", PW, Role.AGENCY_OPERATOR, "RSUD");
        assertThat(json.readTree(call(get("/api/requests"), "op-rsud-baru", 200))).isEmpty();
        call(get("/api/requests/" + request), "op-rsud-baru", 404);
        assertThat(call(get("/requests"), "op-rsud-baru", 200)).doesNotContain("permintaan-lama-unik");
        assertThat(json.readTree(call(get("/api/agencies/RSUD/allocation"), "op-rsud-baru", 200)).get("downCirBps").asLong())
                .isZero();
        assertThat(call(get("/dashboard/agencies/RSUD"), "op-rsud-baru", 200)).doesNotContain("2027-02-09");
        assertThat(call(get("/migration/agencies/RSUD"), "op-rsud-baru", 404)).doesNotContain("2027-02-09");
        assertThat(call(get("/api/measurements/RSUD?from=2027-01-05T00:00:00Z&to=2027-01-06T00:00:00Z&resolution=1m"),
                "op-rsud-baru", 200)).doesNotContain("600000");
        long round = jdbc.sql("SELECT MAX(id) FROM review_round").query(Long.class).single();
        assertThat(json.readTree(call(get("/api/reviews/" + round), "op-rsud-baru", 200)).get("agencies")).isEmpty();
    }

    @Test
    void anOperatorIsBoundToAnAgencyThatExists() throws Exception {
        inventory.replace(Fixtures.small());
        mvc.perform(post("/api/users").with(httpBasic("admin", H2AppTest.ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"op-nope\",\"password\":\"" + PW + "\",\"role\":\"AGENCY_OPERATOR\",\"agency\":\"NOPE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("agency"))
                .andExpect(jsonPath("$.errors[0].value").value("NOPE"));
        mvc.perform(post("/users").with(user("admin").roles("ADMIN")).with(csrf()).param("username", "op-nope")
                        .param("password", PW).param("role", "AGENCY_OPERATOR").param("agency", "NOPE"))
                .andExpect(flash().attribute("problem", containsString("NOPE")));
        assertThat(accounts.find("op-nope")).isEmpty();
        // the users page offers the stored agencies
        assertThat(mvc.perform(get("/users").with(user("admin").roles("ADMIN"))).andReturn().getResponse()
                .getContentAsString()).contains("<option value=\"KEC-BAAMANG\">KEC-BAAMANG</option>");
        mvc.perform(post("/api/users").with(httpBasic("admin", H2AppTest.ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"op-ada\",\"password\":\"" + PW + "\",\"role\":\"AGENCY_OPERATOR\",\"agency\":\"RSUD\"}"))
                .andExpect(status().isCreated());
        mvc.perform(put("/api/users/op-ada").with(httpBasic("admin", H2AppTest.ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"AGENCY_OPERATOR\",\"agency\":\"NOPE\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("agency"));
        accounts.delete("op-ada");
    }

    @Test
    void anAgencyWithRecordsIsNotDeletedAndARequestOfAGoneAgencyIsNotApproved() throws Exception {
        inventory.replace(Fixtures.small());
        ensure("insinyur", Role.ENGINEER, null);
        ensure("op-baamang", Role.AGENCY_OPERATOR, "KEC-BAAMANG");
        long request = json.readTree(call(postJson("/api/agencies/KEC-BAAMANG/requests", """
                {"downCirBps": 1, "downMirBps": 2, "upCirBps": 1, "upMirBps": 2, "reason": "lebih cepat"}"""),
                "op-baamang", 201)).get("id").asLong();
        String refused = call(delete("/api/agencies/KEC-BAAMANG"), "insinyur", 409);
        assertThat(json.readTree(refused).get("detail").asString())
                .contains("agency KEC-BAAMANG cannot be deleted", "1 operator accounts (op-baamang)",
                        "1 bandwidth requests (#" + request + ")");
        mvc.perform(post("/agencies/KEC-BAAMANG/delete").with(user("insinyur").roles("ENGINEER")).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("1 akun operator (op-baamang)")));
        assertThat(inventory.agency("KEC-BAAMANG")).isPresent();

        // An agency nothing refers to goes, with its measurements.
        call(postJson("/api/agencies", "{\"code\":\"SEMENTARA\",\"name\":\"Uji\"}"), "insinyur", 201);
        measurements.record(List.of(new MinuteUsage("SEMENTARA", MeasurementSource.FLOW,
                Instant.parse("2027-01-05T01:00:00Z").getEpochSecond(), 1000, 1000, 60)));
        call(delete("/api/agencies/SEMENTARA"), "insinyur", 204);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM measurement WHERE agency_code = 'SEMENTARA'").query(Long.class).single()).isZero();

        // An import that leaves the agency out removes it; its pending request cannot be approved.
        Dataset small = Fixtures.small();
        List<Agency> kept = new ArrayList<>(small.agencies());
        kept.removeIf(a -> a.code().equals("KEC-BAAMANG"));
        inventory.replace(new Dataset(kept, small.subscriptions(), small.offers(), small.links(), small.services(),
                small.usage(), small.settings()));
        String gone = call(postJson("/api/requests/" + request + "/approve", "{\"note\":\"ok\"}"), "insinyur", 409);
        assertThat(json.readTree(gone).get("detail").asString()).contains("KEC-BAAMANG no longer exists");
        assertThat(jdbc.sql("SELECT status FROM bandwidth_request WHERE id = ?").param(request).query(String.class).single())
                .isEqualTo("PENDING");

        // Renaming another agency to that code would hand it the gone agency's records: refused.
        String carried = call(put("/api/agencies/RSUD").contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"KEC-BAAMANG\",\"name\":\"RSUD\"}"), "insinyur", 409);
        assertThat(json.readTree(carried).get("detail").asString()).contains("KEC-BAAMANG is still carried",
                "1 bandwidth requests");
    }
}
