package id.padu.app.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.padu.app.Fixtures;
import id.padu.app.H2AppTest;
import id.padu.app.inventory.InventoryService;
import id.padu.domain.BitRate;
import id.padu.domain.Dataset;
import id.padu.domain.Link;
import id.padu.domain.LinkType;
import id.padu.domain.Rupiah;
import java.util.ArrayList;
import java.util.List;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The gateway page as an engineer uses it: plan in, configurations out, applied, diffed, counters. */
class GatewayPageTest extends H2AppTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    InventoryService inventory;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void load() {
        inventory.replace(Fixtures.small());
        jdbc.sql("DELETE FROM gateway_config").update();
    }

    /** Each test its own engineer: the working plan is kept per user. */
    private static RequestPostProcessor engineer(String name) {
        return user(name).roles("ADMIN");
    }

    /** DISKOMINFO (high) and RSUD (critical) central on a 100/50 Mbps uplink; the Kecamatan stays local. */
    private static String planJson(long diskominfoMirDownMbps) {
        return """
                {
                  "uplinks": [{"provider": "Telkom", "product": "Metro-E 100", "downMbps": 100, "upMbps": 50,
                               "monthlyCostIdr": 20000000, "installCostIdr": 0}],
                  "agencies": [
                    {"code": "DISKOMINFO", "decision": "central", "cirDownBps": 7000000, "mirDownBps": %d,
                     "cirUpBps": 3000000, "mirUpBps": 20000000, "cutoverDate": "2025-07-01"},
                    {"code": "RSUD", "decision": "central", "cirDownBps": 20000000, "mirDownBps": 80000000,
                     "cirUpBps": 10000000, "mirUpBps": 40000000, "cutoverDate": "2025-07-01"},
                    {"code": "KEC-BAAMANG", "decision": "local", "cirDownBps": 0, "mirDownBps": 0, "cirUpBps": 0, "mirUpBps": 0,
                     "cutoverDate": null}
                  ]
                }
                """.formatted(diskominfoMirDownMbps * 1_000_000);
    }

    private void upload(RequestPostProcessor who, String json) throws Exception {
        mvc.perform(multipart("/gateway/plan").file(new MockMultipartFile("plan", "plan.json", "application/json",
                        json.getBytes(StandardCharsets.UTF_8))).with(who).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    private MvcResult download(RequestPostProcessor who, String target, String query) throws Exception {
        return mvc.perform(get("/gateway/download/" + target + query).with(who))
                .andExpect(status().isOk())
                .andReturn();
    }

    @Test
    void uploadedPlanRendersAndDownloadsEveryTarget() throws Exception {
        RequestPostProcessor who = engineer("eng-render");
        upload(who, planJson(40));
        mvc.perform(get("/gateway").with(who))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("plan.json"), containsString("2 perangkat daerah pusat"),
                        containsString("padu-shape.sh"), containsString("padu.rsc"), containsString("padu-libreqos.zip"),
                        containsString("Belum pernah ditandai diterapkan"))));

        MvcResult tc = download(who, "linux-tc", "?wan=enp1s0&leaf=pfifo");
        assertThat(tc.getResponse().getHeader("Content-Disposition")).contains("padu-shape.sh");
        String script = tc.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(script).startsWith("#!");
        // The download direction: DISKOMINFO's class has CIR 7 Mbit/s as rate and MIR 40 Mbit/s as ceil, on the IFB.
        assertThat(script.lines().filter(l -> l.contains("# DISKOMINFO") && l.contains("rate 7mbit ceil 40mbit"))).isNotEmpty();
        assertThat(script.lines().filter(l -> l.contains("# RSUD") && l.contains("rate 20mbit ceil 80mbit"))).isNotEmpty();
        assertThat(script).contains("enp1s0").contains("pfifo").doesNotContain("KEC-BAAMANG");

        String rsc = download(who, "routeros", "?mode=tree").getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(rsc).contains("/queue tree");
        assertThat(rsc.lines().filter(l -> l.contains("DISKOMINFO") && l.contains("limit-at=7M max-limit=40M"))).isNotEmpty();
        String simple = download(who, "routeros", "?mode=simple").getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(simple).contains("/queue simple").doesNotContain("parent=global");

        MvcResult zip = download(who, "libreqos", "");
        assertThat(zip.getResponse().getContentType()).isEqualTo("application/zip");
        Map<String, String> files = unzip(zip.getResponse().getContentAsByteArray());
        assertThat(files).containsOnlyKeys("ShapedDevices.csv", "network.json");
        assertThat(files.get("ShapedDevices.csv")).startsWith("Circuit ID,Circuit Name,Device ID,Device Name,Parent Node,MAC,IPv4,IPv6,")
                .contains("DISKOMINFO").contains("10.20.1.0/24");
        assertThat(files.get("network.json")).contains("Padu-Uplink");
    }

    @Test
    void markAppliedThenAChangedPlanShowsTheChangedRateAsDiff() throws Exception {
        RequestPostProcessor who = engineer("eng-diff");
        upload(who, planJson(40));
        for (String target : new String[] {"linux-tc", "routeros"}) {
            mvc.perform(post("/gateway/applied").param("target", target).with(who).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(jdbc.sql("SELECT entity_key FROM audit_log WHERE action = 'gateway.config.apply' AND actor = 'eng-diff'")
                .query(String.class).list()).containsExactlyInAnyOrder("linux-tc", "routeros");
        mvc.perform(get("/gateway").with(who))
                .andExpect(content().string(allOf(containsString("Terakhir diterapkan"), containsString("eng-diff"),
                        containsString("Sama dengan yang terakhir diterapkan"))));

        upload(who, planJson(60));
        String page = mvc.perform(get("/gateway").param("lang", "en").with(who)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Diff against the last applied one");
        assertThat(Pattern.compile("class=\"del\">-[^<]*ceil 40mbit[^<]*# DISKOMINFO").matcher(page).find()).as(page).isTrue();
        assertThat(Pattern.compile("class=\"add\">\\+[^<]*ceil 60mbit[^<]*# DISKOMINFO").matcher(page).find()).isTrue();
        assertThat(Pattern.compile("class=\"del\">-[^<]*DISKOMINFO[^<]*max-limit=40M").matcher(page).find()).isTrue();
        assertThat(Pattern.compile("class=\"add\">\\+[^<]*DISKOMINFO[^<]*max-limit=60M").matcher(page).find()).isTrue();
        // RSUD did not change: its class is no changed line of the diff.
        assertThat(Pattern.compile("class=\"(add|del)\">[-+][^<]*# RSUD").matcher(page).find()).isFalse();
        // LibreQoS was never applied: nothing to compare with.
        assertThat(page).contains("Never marked as applied");
    }

    @Test
    void badPlanJsonIsRejectedNamingTheField() throws Exception {
        RequestPostProcessor who = engineer("eng-bad");
        String bad = planJson(40).replace("\"cirDownBps\": 20000000", "\"cirDownBps\": \"twenty\"");
        mvc.perform(multipart("/gateway/plan").file(new MockMultipartFile("plan", "rencana.json", "application/json",
                        bad.getBytes(StandardCharsets.UTF_8))).with(who).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Rencana ditolak"), containsString("rencana.json"),
                        containsString("agencies[1].cirDownBps"), containsString("twenty"))));
        mvc.perform(get("/gateway/download/linux-tc").with(who)).andExpect(status().isConflict());
    }

    @Test
    void planNamingAnAgencyTheInventoryDoesNotKnowIsNotRendered() throws Exception {
        RequestPostProcessor who = engineer("eng-unknown");
        upload(who, planJson(40).replace("\"RSUD\"", "\"RSUD-BARU\""));
        mvc.perform(get("/gateway").with(who))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Rencana tidak dapat dirender"), containsString("RSUD-BARU"))));
    }

    @Test
    void countersUploadShowsEachAgencysLatestRateAgainstThePlan() throws Exception {
        RequestPostProcessor who = engineer("eng-counters");
        upload(who, planJson(40));
        // The fixture's usage is on the 300 s grid from 2025-03-03 00:00 WIB; the gateway continues it.
        String csv = """
                agency,time,down_bps,up_bps
                DISKOMINFO,2025-03-06T10:00:00+07:00,30000000,1000000
                RSUD,2025-03-06T10:00:00+07:00,50000000,2000000
                DISKOMINFO,2025-03-06T10:05:00+07:00,85000000,1500000
                RSUD,2025-03-06T10:05:00+07:00,15000000,2500000
                """;
        mvc.perform(multipart("/gateway/counters").file(new MockMultipartFile("counters", "gateway.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8))).with(who).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Diimpor: 2 perangkat daerah, 4 sampel.")));
        String page = mvc.perform(get("/gateway").with(who)).andReturn().getResponse().getContentAsString();
        String diskominfo = row(page, "DISKOMINFO");
        // 85 Mbit/s down against MIR 40: the gateway does not hold it.
        assertThat(diskominfo).contains("2025-03-06 10:05", "85 Mbps", "40 Mbps", "di atas MIR", "1,5 Mbps");
        // 85 + 15 = the whole 100 Mbit/s uplink, and RSUD got 15 of its guaranteed 20.
        assertThat(row(page, "RSUD")).contains("15 Mbps", "20 Mbps", "di bawah CIR saat tautan penuh");
        assertThat(page).contains("rencana yang sedang dikerjakan");
    }

    @Test
    void countersApiTakesCsvAndRefusesABadRowWithoutWriting() throws Exception {
        RequestPostProcessor api = httpBasic("admin", ADMIN_PASSWORD);
        mvc.perform(post("/api/gateway/counters").contentType("text/csv").with(api).content("""
                        agency,time,down_bps,up_bps
                        RSUD,2025-03-07T00:00:00+07:00,12000000,3000000
                        """))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agencies").value(1))
                .andExpect(jsonPath("$.samples").value(1));
        mvc.perform(post("/api/gateway/counters").contentType("text/csv").with(api).content("""
                        agency,time,down_bps,up_bps
                        RSUD,2025-03-07T00:05:00+07:00,13000000,3000000
                        NOPE,2025-03-07T00:05:00+07:00,1,1
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("NOPE")));
        // Nothing of the refused import was stored: the latest RSUD rate is still 12 Mbit/s.
        RequestPostProcessor who = engineer("eng-api");
        upload(who, planJson(40));
        assertThat(row(mvc.perform(get("/gateway").with(who)).andReturn().getResponse().getContentAsString(), "RSUD"))
                .contains("2025-03-07 00:00", "12 Mbps").doesNotContain("13 Mbps");
    }

    @Test
    void computedPlanIsPendingThenReadyOrShowsWhyNot() throws Exception {
        RequestPostProcessor who = engineer("eng-compute");
        // The fixture plans every agency (plan.scope=all) but has no link to the hub for the Kecamatan.
        compute(who);
        mvc.perform(get("/gateway").with(who))
                .andExpect(content().string(allOf(containsString("Rencana gagal dihitung"), containsString("KEC-BAAMANG"))));

        Dataset d = Fixtures.small();
        List<Link> links = new ArrayList<>(d.links());
        links.add(new Link("KEC-BAAMANG", LinkType.RADIO, Rupiah.of(500_000), Rupiah.of(5_000_000), BitRate.ofMbps(100)));
        inventory.replace(new Dataset(d.agencies(), d.subscriptions(), d.offers(), links, d.services(), d.usage(), d.settings()));
        compute(who);
        mvc.perform(get("/gateway").with(who))
                .andExpect(content().string(allOf(containsString("Rencana dihitung dari inventaris"),
                        containsString("padu-shape.sh"))));
    }

    /** Starts the planner and polls as the page does until the status answer reloads the page. */
    private void compute(RequestPostProcessor who) throws Exception {
        mvc.perform(post("/gateway/plan/compute").with(who).with(csrf())).andExpect(status().is3xxRedirection());
        String refresh = null;
        for (int i = 0; i < 1200 && refresh == null; i++) {
            MockHttpServletResponse r = mvc.perform(get("/gateway/status").with(who)).andReturn().getResponse();
            refresh = r.getHeader("HX-Refresh");
            if (refresh == null) {
                // still pending: the answer polls again
                assertThat(r.getContentAsString()).contains("hx-trigger=\"every 2s\"");
                Thread.sleep(100);
            }
        }
        assertThat(refresh).isEqualTo("true");
    }

    @Test
    void pageIsInTheNavigationInBothLanguages() throws Exception {
        mvc.perform(get("/gateway").with(engineer("eng-nav")))
                .andExpect(content().string(allOf(containsString(">Gerbang<"), containsString("Belum ada rencana"))));
        mvc.perform(get("/dashboard").param("lang", "en").with(engineer("eng-nav")))
                .andExpect(content().string(containsString(">Gateway<")));
        mvc.perform(get("/gateway/status").with(engineer("eng-nav"))).andExpect(header().string("HX-Refresh", "true"));
    }

    private static String row(String page, String agency) {
        int at = page.indexOf("id=\"load-" + agency + "\"");
        assertThat(at).as("row of " + agency).isGreaterThanOrEqualTo(0);
        return page.substring(at, page.indexOf("</tr>", at));
    }

    private static Map<String, String> unzip(byte[] bytes) throws Exception {
        Map<String, String> out = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                out.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
