package id.padu.app.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.lowagie.text.pdf.PdfReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import id.padu.app.Fixtures;
import id.padu.app.inventory.InventoryService;
import id.padu.app.planning.PlanFiles;
import id.padu.app.security.Role;
import id.padu.app.security.UserAccounts;
import id.padu.plan.Plan;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A review round end to end over the API: an engineer opens it on a scenario, each agency's
 * operator reads only its own packet and answers with a signer, nobody else may answer for it,
 * the minutes list every answer, and adopting through the round makes the scenario the plan of
 * record and closes the round. Its own database: adopting changes what other tests see.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
        "padu.data-dir=target/test-data/review",
        "spring.datasource.url=jdbc:h2:file:./target/test-data/review/padu-${random.uuid}",
        "padu.admin-password=" + ReviewRoundTest.PW,
        "logging.level.org.flywaydb=warn"
})
class ReviewRoundTest {

    static final String PW = "pembahasan-sandi-1";
    static final long M = 1_000_000;
    static final String NIP = "198501012010011001";
    final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    InventoryService inventory;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void regency() {
        if (accounts.find("op-diskominfo").isEmpty()) {
            inventory.replace(Fixtures.small());
            accounts.create("op-diskominfo", PW, Role.AGENCY_OPERATOR, "DISKOMINFO");
            accounts.create("op-rsud", PW, Role.AGENCY_OPERATOR, "RSUD");
            accounts.create("insinyur", PW, Role.ENGINEER, null);
            accounts.create("pemeriksa", PW, Role.AUDITOR, null);
        }
    }

    /** A stored scenario as the planning page would have stored it. */
    long scenario() throws Exception {
        return scenario(Fixtures.smallPlan());
    }

    long scenario(Plan plan) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlanFiles.write(plan, out);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO planning_scenario (name, settings_text, plan_json, data_version, created_by, created_at) "
                + "VALUES ('Rencana 2027', '', ?, 1, 'insinyur', ?)").params(out.toByteArray(), Timestamp.from(Instant.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    String call(MockHttpServletRequestBuilder b, String user, int expected) throws Exception {
        return mvc.perform(b.with(httpBasic(user, PW))).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    static MockHttpServletRequestBuilder postJson(String url, String body) {
        return post(url).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    static String answer(String decision, String comment, String nip) {
        return """
                {"decision": "%s", "comment": "%s", "signerName": "Siti Rahmah", "signerNip": "%s", "signerTitle": "Sekretaris"}"""
                .formatted(decision, comment, nip);
    }

    @Test
    void aRoundIsAnsweredAgencyByAgencyAndClosedByAdoptingItsScenario() throws Exception {
        long scenario = scenario();
        String open = "{\"scenarioId\": " + scenario + ", \"title\": \"Pembahasan rencana 2027\", \"dueDate\": \"2026-12-20\"}";
        call(postJson("/api/reviews", open), "op-diskominfo", 403);
        call(postJson("/api/reviews", open), "pemeriksa", 403);
        call(postJson("/api/reviews", "{\"scenarioId\": " + scenario + ", \"title\": \"x\", \"dueDate\": \"20-12-2026\"}"),
                "insinyur", 400);
        long r = json.readTree(call(postJson("/api/reviews", open), "insinyur", 201)).get("id").asLong();
        String base = "/api/reviews/" + r;

        // Engineers see every agency; an operator only its own.
        JsonNode all = json.readTree(call(get(base), "insinyur", 200));
        assertThat(all.get("status").asString()).isEqualTo("open");
        assertThat(all.get("scenarioId").asLong()).isEqualTo(scenario);
        assertThat(all.get("agencies")).extracting(a -> a.get("code").asString())
                .containsExactly("DISKOMINFO", "RSUD", "KEC-BAAMANG");
        assertThat(all.get("agencies").get(0).get("response").isNull()).isTrue();
        JsonNode own = json.readTree(call(get(base), "op-diskominfo", 200));
        assertThat(own.get("agencies")).extracting(a -> a.get("code").asString()).containsExactly("DISKOMINFO");

        // The packet: today's spend, the decision and the proposed allocation; another agency's is closed.
        JsonNode packet = json.readTree(call(get(base + "/agencies/DISKOMINFO"), "op-diskominfo", 200));
        assertThat(packet.get("annualSpendIdr").asLong()).isEqualTo(12 * 12_500_000L);
        assertThat(packet.get("decision").asString()).isEqualTo("central");
        assertThat(packet.get("cirDownBps").asLong()).isEqualTo(30 * M);
        assertThat(packet.get("mirUpBps").asLong()).isEqualTo(50 * M);
        assertThat(packet.get("cutoverDate").asString()).isEqualTo("2027-02-08");
        assertThat(packet.get("p95DownBps").isNumber()).isTrue();
        assertThat(packet.get("servedFractionDown").isNumber()).isTrue();
        assertThat(packet.get("response").isNull()).isTrue();
        call(get(base + "/agencies/DISKOMINFO"), "op-rsud", 403);

        // Only the agency's own operator answers for it; bad values name their field.
        call(postJson(base + "/agencies/DISKOMINFO/response", answer("agree", "", NIP)), "op-rsud", 403);
        call(postJson(base + "/agencies/DISKOMINFO/response", answer("agree", "", NIP)), "insinyur", 403);
        call(postJson(base + "/agencies/DISKOMINFO/response", answer("agree", "", NIP)), "pemeriksa", 403);
        JsonNode bad = json.readTree(call(postJson(base + "/agencies/DISKOMINFO/response", answer("agree", "", "123")),
                "op-diskominfo", 400));
        assertThat(bad.get("errors").get(0).get("field").asString()).isEqualTo("signerNip");
        assertThat(json.readTree(call(postJson(base + "/agencies/DISKOMINFO/response", answer("maybe", "", NIP)),
                "op-diskominfo", 400)).get("errors").get(0).get("field").asString()).isEqualTo("decision");
        call(postJson(base + "/agencies/RSUD/response", answer("object", "", NIP)), "op-rsud", 400);
        JsonNode agreed = json.readTree(call(postJson(base + "/agencies/DISKOMINFO/response",
                answer("agree", "Sesuai kebutuhan", NIP)), "op-diskominfo", 201));
        assertThat(agreed.get("signerNip").asString()).isEqualTo(NIP);
        call(postJson(base + "/agencies/RSUD/response", answer("object", "SIMRS butuh 60 Mbps saat jam praktik", NIP)),
                "op-rsud", 201);

        JsonNode answered = json.readTree(call(get(base), "insinyur", 200));
        assertThat(answered.get("agencies")).extracting(a -> a.get("response").isNull() ? null : a.get("response").asString())
                .containsExactly("agree", "object", null);
        assertThat(json.readTree(call(get(base + "/agencies/RSUD"), "op-rsud", 200)).get("response").get("comment")
                .asString()).isEqualTo("SIMRS butuh 60 Mbps saat jam praktik");

        // The minutes name every agency with its answer and signer; not for operators.
        call(get(base + "/minutes.pdf"), "op-diskominfo", 403);
        byte[] pdf = mvc.perform(get(base + "/minutes.pdf").with(httpBasic("insinyur", PW))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(p)).append('\n');
        }
        assertThat(text.toString()).contains("DISKOMINFO").contains("setuju").contains("RSUD").contains("keberatan")
                .contains("KEC-BAAMANG").contains("belum menjawab").contains(NIP).contains("SIMRS butuh 60 Mbps");

        // Adopting closes the round; the plan of record is the round's scenario, and no more answers are taken.
        call(get("/api/plan-of-record"), "insinyur", 404);
        call(postJson(base + "/adopt", "{\"note\": \"Disepakati\"}"), "op-diskominfo", 403);
        JsonNode adopted = json.readTree(call(postJson(base + "/adopt", "{\"note\": \"Disepakati\"}"), "insinyur", 200));
        assertThat(adopted.get("version").asInt()).isEqualTo(1);
        assertThat(adopted.get("note").asString()).contains("tanpa jawaban: KEC-BAAMANG");
        assertThat(json.readTree(call(get(base), "insinyur", 200)).get("status").asString()).isEqualTo("closed");
        assertThat(call(get("/api/plan-of-record"), "insinyur", 200)).contains("\"DISKOMINFO\"");
        call(postJson(base + "/agencies/DISKOMINFO/response", answer("agree", "", NIP)), "op-diskominfo", 409);

        // The minutes as they stood at adoption are kept with the round: the adopted plan's attachment.
        byte[] kept = jdbc.sql("SELECT minutes_pdf FROM review_round WHERE id = ?").param(r).query((rs, n) -> rs.getBytes(1))
                .single();
        assertThat(kept).isNotNull();
        byte[] served = mvc.perform(get(base + "/minutes.pdf").with(httpBasic("pemeriksa", PW))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(served).isEqualTo(kept);
        assertThat(pdfText(served)).contains("Ditetapkan sebagai rencana resmi versi 1");
    }

    static String pdfText(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(p)).append('\n');
        }
        return text.toString();
    }

    /**
     * After an objection Diskominfo replies and moves the round onto a revised scenario: the packet
     * shows what changed, the agency whose terms changed answers again while the one whose terms
     * stayed keeps its answer, and the agency's own minutes hold its needs, both answers and the reply.
     */
    @Test
    void anObjectionIsRepliedToRevisedAndAnsweredAgain() throws Exception {
        long first = scenario();
        long r = json.readTree(call(postJson("/api/reviews", "{\"scenarioId\": " + first
                + ", \"title\": \"Pembahasan revisi\", \"dueDate\": \"2026-12-21\"}"), "insinyur", 201)).get("id").asLong();
        String base = "/api/reviews/" + r;
        call(postJson(base + "/agencies/DISKOMINFO/response", answer("agree", "", NIP)), "op-diskominfo", 201);
        String objection = """
                {"decision": "object", "comment": "CIR terlalu kecil untuk SIMRS", "signerName": "dr. Andi", "signerNip": "%s",
                 "signerTitle": "Direktur", "needs": "SIMRS dan BPJS daring sepanjang jam praktik", "staffAtPeak": 120,
                 "hostedServices": "SIMRS", "events": "Akreditasi RS bulan Maret"}""".formatted(NIP);
        call(postJson(base + "/agencies/RSUD/response", objection.replace("120", "-5")), "op-rsud", 400);
        JsonNode objected = json.readTree(call(postJson(base + "/agencies/RSUD/response", objection), "op-rsud", 201));
        assertThat(objected.get("staffAtPeak").asInt()).isEqualTo(120);
        assertThat(objected.get("events").asString()).isEqualTo("Akreditasi RS bulan Maret");

        // The packet lists the agency's services with what the runbook does to them.
        JsonNode packet = json.readTree(call(get(base + "/agencies/RSUD"), "op-rsud", 200));
        assertThat(packet.get("revision").asInt()).isEqualTo(1);
        assertThat(packet.get("regencySavingsAnnualIdr").asLong()).isEqualTo(200_000_000L);
        JsonNode simrs = packet.get("services").get(0);
        assertThat(simrs.get("name").asString()).isEqualTo("SIMRS");
        assertThat(simrs.get("runbook").toString()).contains("simrs.example.go.id").contains("203.0.113.10");

        // Diskominfo replies; only engineers may, and only to an answer that exists.
        String reply = "{\"comment\": \"CIR unduh RSUD dinaikkan menjadi 60 Mbps pada revisi berikut\"}";
        call(postJson(base + "/agencies/RSUD/reply", reply), "op-rsud", 403);
        call(postJson(base + "/agencies/RSUD/reply", reply), "pemeriksa", 403);
        call(postJson(base + "/agencies/KEC-BAAMANG/reply", reply), "insinyur", 409);
        call(postJson(base + "/agencies/RSUD/reply", reply), "insinyur", 201);

        // The revision: RSUD's CIR down goes from 40 to 60 Mbps; DISKOMINFO's terms stay.
        Plan p = Fixtures.smallPlan();
        java.util.List<id.padu.plan.AgencyDecision> agencies = new java.util.ArrayList<>(p.agencies());
        id.padu.plan.AgencyDecision rsud = agencies.get(1);
        agencies.set(1, new id.padu.plan.AgencyDecision(rsud.code(), rsud.decision(), 60 * M, rsud.mirDownBps(),
                rsud.cirUpBps(), rsud.mirUpBps(), rsud.cutoverDate(), rsud.reason()));
        long second = scenario(new Plan(p.statusQuoAnnualIdr(), p.planAnnualIdr(), p.savingsAnnualIdr(), p.oneOffCostIdr(),
                p.paybackMonths(), p.requiredDownBps(), p.requiredUpBps(), p.optimal(), p.gap(), p.uplinks(), agencies));
        String revise = "{\"scenarioId\": " + second + ", \"note\": \"CIR RSUD dinaikkan setelah keberatan\"}";
        call(postJson(base + "/revise", revise), "op-rsud", 403);
        call(postJson(base + "/revise", "{\"scenarioId\": " + first + ", \"note\": \"x\"}"), "insinyur", 400);
        JsonNode revised = json.readTree(call(postJson(base + "/revise", revise), "insinyur", 200));
        assertThat(revised.get("revision").asInt()).isEqualTo(2);
        assertThat(revised.get("scenarioId").asLong()).isEqualTo(second);
        assertThat(revised.get("agencies")).extracting(a -> a.get("response").isNull() ? null : a.get("response").asString())
                .containsExactly("agree", null, null);

        JsonNode changed = json.readTree(call(get(base + "/agencies/RSUD"), "op-rsud", 200));
        assertThat(changed.get("revision").asInt()).isEqualTo(2);
        assertThat(changed.get("cirDownBps").asLong()).isEqualTo(60 * M);
        assertThat(changed.get("changes")).hasSize(1);
        assertThat(changed.get("changes").get(0).get("field").asString()).isEqualTo("cirDownBps");
        assertThat(changed.get("changes").get(0).get("before").asLong()).isEqualTo(40 * M);
        assertThat(changed.get("changes").get(0).get("after").asLong()).isEqualTo(60 * M);
        assertThat(changed.get("response").isNull()).isTrue();
        JsonNode earlier = changed.get("earlierResponses").get(0);
        assertThat(earlier.get("decision").asString()).isEqualTo("object");
        assertThat(earlier.get("revision").asInt()).isEqualTo(1);
        assertThat(earlier.get("replies").get(0).get("comment").asString()).contains("60 Mbps");
        JsonNode unchanged = json.readTree(call(get(base + "/agencies/DISKOMINFO"), "op-diskominfo", 200));
        assertThat(unchanged.get("changes")).isEmpty();
        assertThat(unchanged.get("response").get("decision").asString()).isEqualTo("agree");

        call(postJson(base + "/agencies/RSUD/response", answer("agree", "Sesuai setelah revisi", NIP)), "op-rsud", 201);
        assertThat(json.readTree(call(get(base), "insinyur", 200)).get("agencies"))
                .extracting(a -> a.get("response").isNull() ? null : a.get("response").asString())
                .containsExactly("agree", "agree", null);

        // The agency's own minutes: for its operator (not another agency's), with needs, both answers and the reply.
        call(get(base + "/agencies/RSUD/minutes.pdf"), "op-diskominfo", 403);
        call(get(base + "/minutes.pdf"), "op-rsud", 403);
        byte[] own = mvc.perform(get(base + "/agencies/RSUD/minutes.pdf").with(httpBasic("op-rsud", PW)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(pdfText(own)).contains("RSUD").contains("Revisi rencana yang dijawab: 2").contains("setuju")
                .contains("keberatan").contains("Akreditasi RS bulan Maret").contains("120")
                .contains("dinaikkan menjadi 60 Mbps").doesNotContain("DISKOMINFO");
        assertThat(pdfText(mvc.perform(get(base + "/agencies/RSUD/minutes.pdf?lang=en").with(httpBasic("insinyur", PW)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()))
                .contains("Plan revision answered: 2").contains("Staff online at peak");

        // The pages: the change and the revision list for everyone, the reply and revise forms for engineers only.
        Document page = Jsoup.parse(call(get("/reviews/" + r + "/agencies/RSUD"), "op-rsud", 200));
        assertThat(page.select("#changes li[data-field=cirDownBps]").text()).contains("40 Mbps").contains("60 Mbps");
        assertThat(page.select("#services").text()).contains("SIMRS");
        assertThat(page.select("#earlier").text()).contains("keberatan");
        assertThat(page.select("#reply-form")).isEmpty();
        assertThat(Jsoup.parse(call(get("/reviews/" + r + "/agencies/RSUD"), "insinyur", 200)).select("#reply-form")).hasSize(1);
        Document roundPage = Jsoup.parse(call(get("/reviews/" + r), "insinyur", 200));
        assertThat(roundPage.select("#revisions li")).hasSize(2);
        assertThat(roundPage.select("#revise-form")).hasSize(1);
        assertThat(Jsoup.parse(call(get("/reviews/" + r), "op-rsud", 200)).select("#revise-form")).isEmpty();
        // The operator's home lists the open round with its answer.
        assertThat(Jsoup.parse(call(get("/dashboard/agencies/RSUD"), "op-rsud", 200)).select("#open-reviews").text())
                .contains("Pembahasan revisi").contains("setuju");
    }

    /** The pages an operator and an engineer use for the same round (no adoption here: the API test adopts). */
    @Test
    void anOperatorReadsItsPacketAndSignsOffOnThePages() throws Exception {
        long scenario = scenario();
        mvc.perform(post("/reviews").param("scenarioId", Long.toString(scenario)).param("title", "Pembahasan halaman")
                        .param("dueDate", "2026-12-22").with(csrf()).with(httpBasic("insinyur", PW)))
                .andExpect(status().is3xxRedirection());
        long r = json.readTree(call(get("/api/reviews"), "insinyur", 200)).get(0).get("id").asLong();
        String base = "/reviews/" + r;

        Document round = Jsoup.parse(call(get(base), "op-diskominfo", 200));
        assertThat(round.select("#progress tbody tr")).extracting(e -> e.attr("data-agency")).containsExactly("DISKOMINFO");
        assertThat(round.select("#adopt")).isEmpty();
        assertThat(round.select("#minutes")).isEmpty();
        Document packet = Jsoup.parse(call(get(base + "/agencies/DISKOMINFO"), "op-diskominfo", 200));
        assertThat(packet.select("#packet").text()).contains("Rp 150.000.000").contains("bergabung ke pusat");
        assertThat(packet.select("#answer-form")).hasSize(1);
        call(get(base + "/agencies/DISKOMINFO"), "op-rsud", 403);
        // An engineer reads the packet but cannot answer for the agency.
        assertThat(Jsoup.parse(call(get(base + "/agencies/DISKOMINFO"), "insinyur", 200)).select("#answer-form")).isEmpty();

        mvc.perform(post(base + "/agencies/DISKOMINFO/response").param("decision", "agree").param("comment", "")
                        .param("signerName", "Siti Rahmah").param("signerNip", "1985 0101 2010 0110 01")
                        .param("signerTitle", "Sekretaris").with(csrf()).with(httpBasic("op-diskominfo", PW)))
                .andExpect(status().is3xxRedirection());
        assertThat(Jsoup.parse(call(get(base + "/agencies/DISKOMINFO"), "op-diskominfo", 200)).select("#answer").text())
                .startsWith("setuju (Siti Rahmah");
        mvc.perform(post(base + "/agencies/DISKOMINFO/response").param("decision", "agree").with(csrf())
                        .with(httpBasic("op-rsud", PW)))
                .andExpect(status().isForbidden());

        Document progress = Jsoup.parse(call(get(base), "insinyur", 200));
        assertThat(progress.select("#progress tbody tr")).hasSize(3);
        assertThat(progress.select("#progress tr[data-agency=DISKOMINFO] .answer").text()).isEqualTo("setuju");
        assertThat(progress.select("#progress tr[data-agency=RSUD] .answer").text()).isEqualTo("belum menjawab");
        assertThat(progress.select("#adopt")).hasSize(1);
        assertThat(progress.select("#minutes")).hasSize(1);
    }
}
