package id.padu.app.requests;

import id.padu.app.LoopbackSmtp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import id.padu.app.H2AppTest;
import id.padu.app.inventory.InventoryService;
import id.padu.app.security.Role;
import id.padu.app.security.UserAccounts;
import id.padu.domain.Agency;
import id.padu.domain.BitRate;
import id.padu.domain.ConnectionKind;
import id.padu.domain.Dataset;
import id.padu.domain.Rupiah;
import id.padu.domain.Subscription;
import id.padu.domain.UsageSeries;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole request workflow against a real SMTP server (GreenMail on a loopback port): an
 * operator files, engineers are mailed, the preview replays stored usage through max-min
 * sharing, an approval changes the allocation, is audited and mailed back; other agencies'
 * operators see none of it.
 */
class RequestWorkflowTest extends H2AppTest {

    static final int SMTP_PORT = LoopbackSmtp.freePort();
    static final String PW = "permintaan-sandi-1";
    static final long M = 1_000_000;

    @RegisterExtension
    static GreenMailExtension smtp = LoopbackSmtp.server(SMTP_PORT);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry r) {
        LoopbackSmtp.properties(r, SMTP_PORT);
        r.add("padu.requests.notify", () -> "noc@diskominfo.test");
    }


    @Autowired
    MockMvc mvc;

    @Autowired
    InventoryService inventory;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    static Subscription tenMbps(String agency) {
        return new Subscription(agency, "Telkom", "Astinet " + agency, ConnectionKind.values()[0], BitRate.ofBps(10 * M),
                BitRate.ofBps(10 * M), Rupiah.of(5_000_000), Rupiah.of(0), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                Rupiah.of(0));
    }

    /** Two 5-minute intervals: a busy one (REQA wants 20 Mbps, the others 10) and a quiet one (5 each). */
    @BeforeEach
    void regency() {
        if (accounts.find("op-reqa").isPresent()) {
            return;
        }
        List<Agency> agencies = List.of(new Agency("REQA", "Dinas A", null, null, null),
                new Agency("REQB", "Dinas B", null, null, null), new Agency("REQC", "Dinas C", null, null, null));
        long start = 1_767_225_600L; // 2026-01-01T00:00Z
        Map<String, UsageSeries> usage = new LinkedHashMap<>();
        usage.put("REQA", new UsageSeries("REQA", start, 300, new long[] {20 * M, 5 * M}, new long[] {M, M}));
        usage.put("REQB", new UsageSeries("REQB", start, 300, new long[] {10 * M, 5 * M}, new long[] {M, M}));
        usage.put("REQC", new UsageSeries("REQC", start, 300, new long[] {10 * M, 5 * M}, new long[] {M, M}));
        inventory.merge(new Dataset(agencies, List.of(tenMbps("REQA"), tenMbps("REQB"), tenMbps("REQC")), null, null, null,
                usage, null));
        accounts.create("op-reqa", PW, Role.AGENCY_OPERATOR, "REQA");
        accounts.setEmail("op-reqa", "operator@reqa.test");
        accounts.create("op-reqb", PW, Role.AGENCY_OPERATOR, "REQB");
        accounts.create("eng-req", PW, Role.ENGINEER, null);
        accounts.setEmail("eng-req", "engineer@diskominfo.test");
    }

    RequestPostProcessor as(String user) {
        return httpBasic(user, PW);
    }

    long file(String operator, String agency, long downCir, long downMir, String reason) throws Exception {
        String body = mvc.perform(post("/api/agencies/" + agency + "/requests").with(as(operator))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"downCirBps\":%d,\"downMirBps\":%d,\"upCirBps\":%d,\"upMirBps\":%d,\"reason\":\"%s\"}"
                                .formatted(downCir, downMir, 10 * M, 10 * M, reason)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asLong();
    }

    /** GreenMail keeps one copy per recipient: the copies of the message with {@code subjectPart}. */
    static List<MimeMessage> withSubject(String subjectPart) throws Exception {
        List<MimeMessage> out = new java.util.ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject().contains(subjectPart)) {
                out.add(m);
            }
        }
        return out;
    }

    static List<String> to(MimeMessage m) throws Exception {
        return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
    }

    @Test
    void operatorFilesEngineerPreviewsAndApproves() throws Exception {
        long id = file("op-reqa", "REQA", 15 * M, 25 * M, "Layanan SIMRS baru");

        // engineers (and the NOC address) hear of it by e-mail
        assertThat(smtp.waitForIncomingEmail(2)).isTrue(); // one copy for each of the two recipients
        MimeMessage filed = withSubject("Permintaan bandwidth #" + id + " dari").get(0);
        assertThat(filed.getSubject()).contains("#" + id).contains("REQA");
        assertThat(to(filed)).contains("engineer@diskominfo.test", "noc@diskominfo.test").doesNotContain("operator@reqa.test");
        assertThat((String) filed.getContent()).contains("Layanan SIMRS baru").contains("15 Mbps");

        // operators decide nothing; another agency's operator sees nothing
        mvc.perform(post("/api/requests/" + id + "/approve").with(as("op-reqa"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/requests/" + id).with(as("op-reqb"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/requests").with(as("op-reqb"))).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/agencies/REQA/requests").with(as("op-reqb"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/agencies/REQA/requests").with(as("op-reqb")).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isForbidden());
        mvc.perform(get("/api/agencies/REQA/allocation").with(as("op-reqb"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/requests/" + id).with(as("op-reqa"))).andExpect(jsonPath("$.status").value("PENDING"));

        // Preview, shared capacity = today's guarantees together (30 Mbps down). Hand-computed:
        // busy interval after approval: guarantees 15+10+10 = 35 > 30, scaled by 30/35:
        // REQA 12.857, REQB and REQC 8.571 each; quiet interval: everyone gets 5.
        String preview = mvc.perform(get("/api/requests/" + id + "/preview").with(as("eng-req")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode p = json.readTree(preview);
        assertThat(p.get("capacityDownBps").asLong()).isEqualTo(30 * M);
        assertThat(p.get("intervals").asInt()).isEqualTo(2);
        Map<String, JsonNode> byAgency = new LinkedHashMap<>();
        p.get("agencies").forEach(a -> byAgency.put(a.get("agency").asString(), a));
        assertThat(byAgency.get("REQA").get("servedDownBefore").asDouble()).isCloseTo(15.0 / 25, within(0.001));
        assertThat(byAgency.get("REQA").get("servedDownAfter").asDouble()).isCloseTo((30.0 * 15 / 35 + 5) / 25, within(0.001));
        assertThat(byAgency.get("REQB").get("servedDownBefore").asDouble()).isCloseTo(1.0, within(0.001));
        assertThat(byAgency.get("REQB").get("servedDownAfter").asDouble()).isCloseTo((30.0 * 10 / 35 + 5) / 15, within(0.001));
        assertThat(byAgency.get("REQC").get("shortIntervalsDownAfter").asInt()).isEqualTo(1);
        assertThat(byAgency.get("REQC").get("shortIntervalsDownBefore").asInt()).isZero();

        mvc.perform(get("/api/agencies/REQA/allocation").with(as("op-reqa")))
                .andExpect(jsonPath("$.downCirBps").value(10 * M));
        mvc.perform(post("/api/requests/" + id + "/approve").with(as("eng-req")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\":\"Disetujui untuk SIMRS\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.decidedBy").value("eng-req"));
        mvc.perform(get("/api/agencies/REQA/allocation").with(as("op-reqa")))
                .andExpect(jsonPath("$.downCirBps").value(15 * M))
                .andExpect(jsonPath("$.downMirBps").value(25 * M));
        mvc.perform(post("/api/requests/" + id + "/approve").with(as("eng-req"))).andExpect(status().isConflict());

        assertThat(smtp.waitForIncomingEmail(3)).isTrue();
        assertThat(withSubject("DISETUJUI")).hasSize(1);
        MimeMessage decided = withSubject("DISETUJUI").get(0);
        assertThat(to(decided)).containsExactly("operator@reqa.test");
        assertThat((String) decided.getContent()).contains("Disetujui untuk SIMRS");

        List<String> actions = jdbc.sql("SELECT action FROM audit_log WHERE entity_key IN (?, 'REQA') ORDER BY id")
                .param(Long.toString(id)).query(String.class).list();
        assertThat(actions).containsSubsequence("request.file", "request.approve", "allocation.update");
        String allocationAfter = jdbc.sql("SELECT after_json FROM audit_log WHERE action = 'allocation.update' AND entity_key = 'REQA'")
                .query(String.class).single();
        assertThat(allocationAfter).contains("15000000");
    }

    @Test
    void aDeclineNeedsANoteAndIsMailedBack() throws Exception {
        long id = file("op-reqa", "REQA", 40 * M, 50 * M, "Streaming rapat");
        mvc.perform(post("/api/requests/" + id + "/decline").with(as("eng-req")).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/requests/" + id + "/decline").with(as("eng-req")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\":\"Kapasitas pusat belum cukup\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DECLINED"));
        assertThat(smtp.waitForIncomingEmail(3)).isTrue();
        assertThat(withSubject("DITOLAK")).hasSize(1);
        MimeMessage decided = withSubject("DITOLAK").get(0);
        assertThat(to(decided)).containsExactly("operator@reqa.test");
        assertThat((String) decided.getContent()).contains("Kapasitas pusat belum cukup");
        // a declined request leaves the allocation alone
        mvc.perform(get("/api/agencies/REQA/allocation").with(as("op-reqa")))
                .andExpect(jsonPath("$.downCirBps").value(org.hamcrest.Matchers.not(40 * M)));
        // invalid: MIR below CIR
        mvc.perform(post("/api/agencies/REQA/requests").with(as("op-reqa")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"downCirBps\":20,\"downMirBps\":10,\"upCirBps\":1,\"upMirBps\":1,\"reason\":\"x\"}"))
                .andExpect(status().isBadRequest());
    }
}
