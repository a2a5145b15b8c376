package id.padu.app.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.padu.app.H2AppTest;
import id.padu.domain.Agency;
import id.padu.domain.AgencyKind;
import id.padu.domain.BitRate;
import id.padu.domain.ConnectionKind;
import id.padu.domain.Dataset;
import id.padu.domain.Link;
import id.padu.domain.LinkType;
import id.padu.domain.Offer;
import id.padu.domain.Priority;
import id.padu.domain.Rupiah;
import id.padu.domain.Settings;
import id.padu.domain.Subscription;
import id.padu.domain.UsageSeries;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 19, Medium 6: money and rates have upper bounds ({@link Rupiah#MAX_IDR}, Rp 10^15, one
 * amount and a whole money column of a table; {@link BitRate#MAX_BPS}, 1 Tbit/s) at every entry,
 * refused with the field named; and everything computed from values at those bounds is shown,
 * never a 500 (a database of its own: the inventory is filled to the bounds).
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
        "padu.data-dir=target/test-data/number-bounds",
        "spring.datasource.url=jdbc:h2:file:./target/test-data/number-bounds/padu-${random.uuid}",
        "padu.admin-password=" + H2AppTest.ADMIN_PASSWORD,
        "logging.level.org.flywaydb=warn"
})
class NumberBoundsTest {

    static final RequestPostProcessor ENGINEER = user("insinyur").roles("ENGINEER");
    static final long MAX_IDR = 1_000_000_000_000_000L;
    static final long MAX_BPS = 1_000_000_000_000L;

    @Autowired
    MockMvc mvc;

    @Autowired
    InventoryService inventory;

    /** One agency with an ordinary line; the tests add the extreme ones. */
    @BeforeEach
    void small() {
        inventory.replace(new Dataset(List.of(new Agency("BESAR", "Dinas Angka Besar", AgencyKind.DINAS, Priority.HIGH, null),
                new Agency("KECIL", "Dinas Angka Kecil", AgencyKind.DINAS, Priority.NORMAL, null)),
                List.of(new Subscription("KECIL", "Telkom", "Astinet 20", ConnectionKind.DEDICATED, BitRate.ofMbps(20),
                        BitRate.ofMbps(20), Rupiah.of(6_000_000), null, null, null, null)),
                List.of(), null, List.of(), Map.of(), Settings.DEFAULTS));
    }

    String subscription(String extra) {
        String base = "\"agency\":\"BESAR\",\"provider\":\"Telkom\",\"product\":\"Astinet X\",\"kind\":\"dedicated\"";
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("downBps", "20000000", "upBps", "20000000",
                "monthlyCostIdr", "6000000"));
        for (String kv : extra.split(",")) {
            if (!kv.isBlank()) {
                fields.put(kv.split(":")[0], kv.split(":")[1]);
            }
        }
        StringBuilder sb = new StringBuilder("{" + base);
        fields.forEach((k, v) -> sb.append(",\"").append(k).append("\":").append(v));
        return sb.append("}").toString();
    }

    void refused(String path, String json, String field) throws Exception {
        mvc.perform(post(path).with(ENGINEER).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem(field)));
    }

    @Test
    void theApiRefusesMoneyAndRatesAboveTheBoundsNamingTheField() throws Exception {
        String subs = "/api/agencies/BESAR/subscriptions";
        refused(subs, subscription("monthlyCostIdr:1000000000000000000"), "monthlyCostIdr");
        refused(subs, subscription("monthlyCostIdr:" + (MAX_IDR + 1)), "monthlyCostIdr");
        refused(subs, subscription("installCostIdr:" + (MAX_IDR + 1)), "installCostIdr");
        refused(subs, subscription("exitPenaltyIdr:" + (MAX_IDR + 1)), "exitPenaltyIdr");
        refused(subs, subscription("downBps:9223372036854775808"), "downBps");  // 2^63
        refused(subs, subscription("downBps:9223372036854775807"), "downBps");
        refused(subs, subscription("upBps:" + (MAX_BPS + 1)), "upBps");
        refused("/api/offers", "{\"provider\":\"P\",\"product\":\"Q\",\"kind\":\"dedicated\",\"downBps\":" + (MAX_BPS + 1)
                + ",\"monthlyCostIdr\":1}", "downBps");
        refused("/api/offers", "{\"provider\":\"P\",\"product\":\"Q\",\"kind\":\"dedicated\",\"downBps\":1000000,"
                + "\"monthlyCostIdr\":" + (MAX_IDR + 1) + "}", "monthlyCostIdr");
        mvc.perform(put("/api/agencies/BESAR/link").with(ENGINEER).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"linkType\":\"fiber\",\"monthlyCostIdr\":1,\"capacityBps\":" + (MAX_BPS + 1) + "}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field").value(hasItem("capacityBps")));
        // the bounds themselves are fine
        mvc.perform(post(subs).with(ENGINEER).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(subscription("monthlyCostIdr:" + (MAX_IDR - 6_000_000) + ",downBps:" + MAX_BPS)))
                .andExpect(status().isCreated());
        // a whole money column is bounded too: the sum of every monthly cost would pass Rp 10^15
        mvc.perform(post(subs).with(ENGINEER).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(subscription("monthlyCostIdr:6000001")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("monthlyCostIdr"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("all subscriptions")));
        // requests: CIR/MIR and the preview's capacities
        String request = "{\"downCirBps\":%d,\"downMirBps\":%d,\"upCirBps\":1,\"upMirBps\":1,\"reason\":\"besar\"}";
        refused("/api/agencies/BESAR/requests", request.formatted(MAX_BPS + 1, MAX_BPS + 1), "downCirBps");
        refused("/api/agencies/BESAR/requests", request.formatted(1, Long.MAX_VALUE), "downMirBps");
    }

    @Test
    void formsAndImportsRefuseThemNamingTheField() throws Exception {
        mvc.perform(post("/agencies/BESAR/subscriptions").with(ENGINEER).with(csrf()).param("provider", "Telkom")
                        .param("product", "Astinet Y").param("kind", "dedicated").param("downMbps", "1000000.000001")
                        .param("upMbps", "20").param("monthlyCostIdr", "1000000000000000000"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "downMbps", "monthlyCostIdr"));
        mvc.perform(post("/agencies/BESAR/requests").with(ENGINEER).with(csrf()).param("downCirMbps", "1000001")
                        .param("downMirMbps", "1000001").param("upCirMbps", "1").param("upMirMbps", "1").param("reason", "x"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("problem", containsString("1000001")));
        mvc.perform(multipart("/api/datasets").with(ENGINEER).with(csrf()).param("mode", "merge").param("lang", "en")
                        .file(csv("subscriptions.csv", """
                                agency,provider,product,kind,down_mbps,up_mbps,monthly_cost_idr
                                BESAR,Telkom,Astinet 1,dedicated,10,10,1000000000000000000
                                BESAR,Telkom,Astinet 2,dedicated,1000000.5,10,100
                                """))
                        .file(csv("agencies.csv", "code,name\nBESAR,Dinas Angka Besar\n"))
                        .file(csv("usage.csv", "agency,time,down_bps,up_bps\nBESAR,2025-03-03T08:00:00+07:00,1000000000001,5\n")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[?(@.line == 2 && @.file == 'subscriptions.csv')].column").value(hasItem("monthly_cost_idr")))
                .andExpect(jsonPath("$.errors[?(@.line == 3 && @.file == 'subscriptions.csv')].column").value(hasItem("down_mbps")))
                .andExpect(jsonPath("$.errors[?(@.file == 'usage.csv')].value").value(hasItem("1000000000001")));
        // each row within the bound, but the column together beyond it
        mvc.perform(multipart("/api/datasets").with(ENGINEER).with(csrf()).param("mode", "merge").param("lang", "en")
                        .file(csv("agencies.csv", "code,name\nBESAR,Dinas Angka Besar\n"))
                        .file(csv("subscriptions.csv", """
                                agency,provider,product,kind,down_mbps,up_mbps,monthly_cost_idr
                                BESAR,Telkom,Astinet 1,dedicated,10,10,600000000000000
                                BESAR,Telkom,Astinet 2,dedicated,10,10,600000000000000
                                """)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].file").value("subscriptions.csv"))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("monthly_cost_idr"));
        // the same two rows, one stored and one merged: refused by the stored sum, nothing written
        mvc.perform(multipart("/api/datasets").with(ENGINEER).with(csrf()).param("mode", "merge").param("lang", "en")
                        .file(csv("agencies.csv", "code,name\nBESAR,Dinas Angka Besar\n"))
                        .file(csv("subscriptions.csv", """
                                agency,provider,product,kind,down_mbps,up_mbps,monthly_cost_idr
                                BESAR,Telkom,Astinet 1,dedicated,10,10,600000000000000
                                """)))
                .andExpect(status().isOk());
        mvc.perform(multipart("/api/datasets").with(ENGINEER).with(csrf()).param("mode", "merge").param("lang", "en")
                        .file(csv("agencies.csv", "code,name\nBESAR,Dinas Angka Besar\n"))
                        .file(csv("subscriptions.csv", """
                                agency,provider,product,kind,down_mbps,up_mbps,monthly_cost_idr
                                BESAR,Telkom,Astinet 2,dedicated,10,10,600000000000000
                                """)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].file").value("subscriptions.csv"))
                .andExpect(jsonPath("$.errors[0].column").value("monthly_cost_idr"))
                .andExpect(jsonPath("$.errors[0].value").value("1200000006000000"));
        assertThat(inventory.subscriptions("BESAR")).hasSize(1);
        inventory.replace(new Dataset(List.of(new Agency("BESAR", "Dinas Angka Besar", null, null, null)), List.of(),
                List.of(), null, List.of(), Map.of(), Settings.DEFAULTS));
        assertThat(inventory.subscriptions("BESAR")).isEmpty();
    }

    static MockMultipartFile csv(String name, String text) {
        return new MockMultipartFile("files", name, "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    /** Every money figure at its bound, rates at 1 Tbit/s and at 1 bit/s, usage at the bound. */
    @Test
    void valuesAtTheBoundsShowEverywhere() throws Exception {
        long start = OffsetDateTime.parse("2025-03-03T00:00:00+07:00").toEpochSecond();
        int n = 2 * 288;
        long[] full = new long[n];
        java.util.Arrays.fill(full, MAX_BPS);
        long[] tiny = new long[n];
        java.util.Arrays.fill(tiny, 1);
        Rupiah max = Rupiah.of(MAX_IDR);
        Rupiah half = Rupiah.of(MAX_IDR / 2);
        inventory.replace(new Dataset(
                List.of(new Agency("BESAR", "Dinas Angka Besar", AgencyKind.DINAS, Priority.HIGH, null),
                        new Agency("KECIL", "Dinas Angka Kecil", AgencyKind.DINAS, Priority.NORMAL, null)),
                List.of(new Subscription("BESAR", "Telkom", "Astinet Maks", ConnectionKind.DEDICATED, BitRate.ofBps(MAX_BPS),
                                BitRate.ofBps(MAX_BPS), half, max, LocalDate.of(2020, 1, 1), LocalDate.of(2074, 12, 31), max),
                        new Subscription("KECIL", "Telkom", "Satu bit", ConnectionKind.BROADBAND, BitRate.ofBps(1),
                                BitRate.ofBps(1), half, null, null, LocalDate.of(2026, 6, 30), null)),
                List.of(new Offer("Telkom", "Metro-E Maks", ConnectionKind.DEDICATED, BitRate.ofBps(MAX_BPS), null, max, max, 12, null)),
                List.of(new Link("BESAR", LinkType.FIBER, max, max, BitRate.ofBps(MAX_BPS)),
                        new Link("KECIL", LinkType.FIBER, Rupiah.ZERO, Rupiah.ZERO, null)),
                List.of(), Map.of("BESAR", new UsageSeries("BESAR", start, 300, full, full),
                        "KECIL", new UsageSeries("KECIL", start, 300, tiny, tiny)),
                Settings.DEFAULTS));
        for (String page : List.of("/dashboard", "/dashboard/agencies/BESAR", "/dashboard/agencies/KECIL",
                "/dashboard/charts/aggregate.json", "/dashboard/agencies/BESAR/usage.json?range=week",
                "/dashboard/agencies/BESAR/hourly.json", "/dashboard/export.xlsx", "/dashboard/export.pdf", "/agencies",
                "/agencies/BESAR", "/agencies/KECIL", "/export/dataset.xlsx", "/api/datasets/export?format=zip",
                "/measurements/BESAR")) {
            mvc.perform(get(page).with(ENGINEER)).andExpect(status().isOk());
        }
        // the operator's own pages
        mvc.perform(get("/dashboard/agencies/BESAR").with(user("op").roles("AGENCY_OPERATOR")
                .authorities(() -> "ROLE_AGENCY_OPERATOR", () -> "AGENCY_BESAR"))).andExpect(status().isOk());

        // a request for the largest CIR and MIR, approved
        String body = mvc.perform(post("/api/agencies/BESAR/requests").with(ENGINEER).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"downCirBps\":%d,\"downMirBps\":%d,\"upCirBps\":%d,\"upMirBps\":%d,\"reason\":\"maks\"}"
                                .formatted(MAX_BPS, MAX_BPS, MAX_BPS, MAX_BPS)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = tools.jackson.databind.json.JsonMapper.builder().build().readTree(body).get("id").asLong();
        mvc.perform(get("/api/requests/" + id + "/preview").with(ENGINEER)).andExpect(status().isOk());
        mvc.perform(get("/requests/" + id).with(ENGINEER).param("capacityDownMbps", "1000000").param("capacityUpMbps", "1000000"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/requests/" + id + "/approve").with(ENGINEER).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\":\"ok\"}")).andExpect(status().isOk());
        mvc.perform(get("/requests/" + id).with(ENGINEER)).andExpect(status().isOk());
        mvc.perform(get("/api/requests/" + id).with(ENGINEER)).andExpect(status().isOk());
        mvc.perform(get("/api/agencies/BESAR/allocation").with(ENGINEER)).andExpect(status().isOk())
                .andExpect(content().string(containsString("\"downCirBps\":" + MAX_BPS)));
    }
}
