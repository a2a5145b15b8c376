package id.padu.app.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.padu.app.H2AppTest;
import id.padu.app.inventory.InventoryService;
import id.padu.app.security.Role;
import id.padu.app.security.UserAccounts;
import id.padu.domain.Agency;
import id.padu.domain.Dataset;
import id.padu.domain.UsageSeries;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The request pages as their users meet them: an operator files in Mbps from the form and
 * follows the request, mistakes come back as sentences with what was typed kept, an engineer
 * sees the effect table and decides, and nobody reaches what is not theirs.
 */
class RequestsPagesTest extends H2AppTest {

    static final String PW = "halaman-permintaan-1";
    static final long M = 1_000_000;

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
        if (accounts.find("op-pga").isPresent()) {
            return;
        }
        List<Agency> agencies = List.of(new Agency("PGA", "Dinas Pendidikan", null, null, null),
                new Agency("PGB", "Dinas Sosial", null, null, null));
        long start = 1_767_225_600L; // 2026-01-01T00:00Z
        Map<String, UsageSeries> usage = new LinkedHashMap<>();
        usage.put("PGA", new UsageSeries("PGA", start, 300, new long[] {20 * M, 5 * M}, new long[] {M, M}));
        usage.put("PGB", new UsageSeries("PGB", start, 300, new long[] {10 * M, 5 * M}, new long[] {M, M}));
        inventory.merge(new Dataset(agencies, List.of(RequestWorkflowTest.tenMbps("PGA"), RequestWorkflowTest.tenMbps("PGB")),
                null, null, null, usage, null));
        accounts.create("op-pga", PW, Role.AGENCY_OPERATOR, "PGA");
        accounts.create("op-pgb", PW, Role.AGENCY_OPERATOR, "PGB");
        accounts.create("eng-pg", PW, Role.ENGINEER, null);
        accounts.create("aud-pg", PW, Role.AUDITOR, null);
    }

    RequestPostProcessor as(String user) {
        return httpBasic(user, PW);
    }

    long fileFromTheForm(String agency, String operator, String reason) throws Exception {
        MvcResult r = mvc.perform(post("/agencies/" + agency + "/requests").with(as(operator)).with(csrf())
                        .param("downCirMbps", "15").param("downMirMbps", "25,5")
                        .param("upCirMbps", "10").param("upMirMbps", "10").param("reason", reason))
                .andExpect(status().is3xxRedirection())
                // no SMTP here: the page must not claim an e-mail
                .andExpect(flash().attribute("mailed", false)).andReturn();
        String location = r.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/requests/");
        return Long.parseLong(location.substring("/requests/".length()));
    }

    @Test
    void anOperatorFilesInMbpsAndFollowsTheRequest() throws Exception {
        mvc.perform(get("/requests").with(as("op-pga")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/agencies/PGA/requests/new")));
        mvc.perform(get("/agencies/PGA/requests/new").with(as("op-pga")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Alokasi sekarang: unduh CIR 10 Mbps / MIR 10 Mbps")));

        long id = fileFromTheForm("PGA", "op-pga", "Ujian daring sekolah");
        // stored in bps, a decimal comma understood
        Long downMir = jdbc.sql("SELECT down_mir_bps FROM bandwidth_request WHERE id = ?").param(id).query(Long.class).single();
        assertThat(downMir).isEqualTo(25_500_000L);
        mvc.perform(get("/requests/" + id).with(as("op-pga")).flashAttr("filed", id).flashAttr("mailed", false))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("e-mail tidak dikirim")))
                .andExpect(content().string(not(containsString("diberi tahu lewat e-mail"))))
                .andExpect(content().string(containsString("Ujian daring sekolah")))
                .andExpect(content().string(containsString("menunggu")))
                // operators see no effect table and no decision forms
                .andExpect(content().string(not(containsString("/requests/" + id + "/approve"))));
        mvc.perform(get("/requests").with(as("op-pga"))).andExpect(content().string(containsString("/requests/" + id + "\"")));

        // another agency's operator: not in the list, the page is "not found", filing for PGA refused
        mvc.perform(get("/requests").with(as("op-pgb"))).andExpect(content().string(not(containsString("/requests/" + id + "\""))));
        mvc.perform(get("/requests/" + id).with(as("op-pgb"))).andExpect(status().isNotFound());
        mvc.perform(get("/agencies/PGA/requests/new").with(as("op-pgb"))).andExpect(status().isForbidden());
        mvc.perform(post("/agencies/PGA/requests").with(as("op-pgb")).with(csrf())
                .param("downCirMbps", "1").param("downMirMbps", "1").param("upCirMbps", "1").param("upMirMbps", "1")
                .param("reason", "x")).andExpect(status().isForbidden());
        // operators and auditors decide nothing
        mvc.perform(post("/requests/" + id + "/approve").with(as("op-pga")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/requests/" + id + "/approve").with(as("aud-pg")).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void mistakesComeBackAsSentencesWithWhatWasTyped() throws Exception {
        long before = jdbc.sql("SELECT COUNT(*) FROM bandwidth_request").query(Long.class).single();
        mvc.perform(post("/agencies/PGA/requests").with(as("op-pga")).with(csrf())
                        .param("downCirMbps", "sepuluh").param("downMirMbps", "20")
                        .param("upCirMbps", "5").param("upMirMbps", "5").param("reason", "Rapat daring"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "CIR unduh: \"sepuluh\" bukan laju dalam Mbps (angka 0 sampai 1000000, yaitu 1 Tbit/s, misalnya 12,5)."));
        mvc.perform(post("/agencies/PGA/requests").with(as("op-pga")).with(csrf()).param("lang", "en")
                        .param("downCirMbps", "30").param("downMirMbps", "20")
                        .param("upCirMbps", "5").param("upMirMbps", "5").param("reason", "Rapat daring"))
                .andExpect(flash().attribute("problem", "MIR must not be below CIR, for download and for upload."));
        mvc.perform(post("/agencies/PGA/requests").with(as("op-pga")).with(csrf())
                        .param("downCirMbps", "10").param("downMirMbps", "20")
                        .param("upCirMbps", "5").param("upMirMbps", "5").param("reason", "  "))
                .andExpect(flash().attribute("problem", containsString("Alasan wajib diisi")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM bandwidth_request").query(Long.class).single()).isEqualTo(before);
        // the form shows the problem and keeps what was typed
        mvc.perform(get("/agencies/PGA/requests/new").with(as("op-pga"))
                        .flashAttr("problem", "CIR unduh: \"sepuluh\" bukan laju")
                        .flashAttr("entered", new RequestsPages.Entered("sepuluh", "20", "5", "5", "Rapat daring")))
                .andExpect(content().string(containsString("value=\"sepuluh\"")))
                .andExpect(content().string(containsString("Rapat daring")));
    }

    @Test
    void anEngineerSeesTheEffectAndDecides() throws Exception {
        long id = fileFromTheForm("PGB", "op-pgb", "Layanan PPDB");
        // The effect table shows, in the user's number format, what the preview computes (its
        // figures are checked by hand in RequestWorkflowTest; other tests' agencies share this
        // database, so the figures here depend on them).
        tools.jackson.databind.JsonNode preview = tools.jackson.databind.json.JsonMapper.builder().build().readTree(
                mvc.perform(get("/api/requests/" + id + "/preview").with(as("eng-pg"))).andReturn().getResponse().getContentAsString());
        double after = 0;
        for (tools.jackson.databind.JsonNode a : preview.get("agencies")) {
            if (a.get("agency").asString().equals("PGB")) {
                after = a.get("servedDownAfter").asDouble();
            }
        }
        String shown = String.format(java.util.Locale.forLanguageTag("id"), "%.1f%%", after * 100);
        mvc.perform(get("/requests/" + id).with(as("eng-pg")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<td>PGB</td>")))
                .andExpect(content().string(containsString(shown)))
                .andExpect(content().string(containsString("/requests/" + id + "/approve")));
        // a decline without a note is refused with a sentence, nothing changes
        mvc.perform(post("/requests/" + id + "/decline").with(as("eng-pg")).with(csrf()).param("note", " "))
                .andExpect(flash().attribute("problem", "Permintaan yang ditolak memerlukan catatan alasannya."));
        mvc.perform(post("/requests/" + id + "/approve").with(as("eng-pg")).with(csrf()).param("note", "Untuk masa PPDB"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/requests/" + id).with(as("op-pgb")))
                .andExpect(content().string(containsString("disetujui")))
                .andExpect(content().string(containsString("Untuk masa PPDB")))
                .andExpect(content().string(containsString("unduh CIR 15 Mbps / MIR 25,5 Mbps")));
        mvc.perform(post("/requests/" + id + "/approve").with(as("eng-pg")).with(csrf()))
                .andExpect(flash().attribute("problem", "Permintaan ini sudah diputuskan."));
        List<String> actions = jdbc.sql("SELECT action FROM audit_log WHERE entity_key IN (?, 'PGB') ORDER BY id")
                .param(Long.toString(id)).query(String.class).list();
        assertThat(actions).containsSubsequence("request.file", "request.approve", "allocation.update");
    }
}
