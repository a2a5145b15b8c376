package id.padu.app.web;

import id.padu.app.shared.Formats;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.padu.app.Fixtures;
import id.padu.app.H2AppTest;
import id.padu.app.inventory.InventoryService;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The server-rendered pages as a logged-in planner sees them. */
class PagesTest extends H2AppTest {

    static final RequestPostProcessor PLANNER = user("admin").roles("ADMIN");

    @Autowired
    MockMvc mvc;

    @Autowired
    InventoryService inventory;

    @BeforeEach
    void load() {
        inventory.replace(Fixtures.small());
    }

    @Test
    void agenciesListInIndonesianWithRupiahAndLocalHtmx() throws Exception {
        mvc.perform(get("/agencies").with(PLANNER))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("lang=\"id\""),
                        containsString("Perangkat daerah"),
                        containsString("Dinas Komunikasi dan Informatika"),
                        containsString("Rp 12.500.000"),
                        // RSUD: 920.000 + 427.000
                        containsString("Rp 1.347.000"),
                        containsString("/webjars/htmx.org/2.0.4/dist/htmx.min.js"),
                        not(containsString("unpkg")), not(containsString("cdn")))));
    }

    @Test
    void searchFiltersTheList() throws Exception {
        mvc.perform(get("/agencies").param("q", "baamang").with(PLANNER))
                .andExpect(content().string(allOf(containsString("Kecamatan Baamang"), not(containsString("RSUD dr. Murjani")))));
    }

    @Test
    void languageSwitchToEnglishIsRemembered() throws Exception {
        mvc.perform(get("/agencies").param("lang", "en").with(PLANNER))
                .andExpect(status().isOk())
                .andExpect(cookie().value("padu-lang", "en"))
                .andExpect(content().string(allOf(containsString("lang=\"en\""), containsString("Monthly cost"),
                        containsString("Rp 12.500.000"))));
        mvc.perform(get("/agencies").cookie(new Cookie("padu-lang", "en")).with(PLANNER))
                .andExpect(content().string(containsString("Add agency")));
    }

    @Test
    void agencyDetailShowsSubscriptionsServicesAndLink() throws Exception {
        mvc.perform(get("/agencies/RSUD").with(PLANNER))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("IndiHome 100"), containsString("Iconnet 100"),
                        containsString("100,5 Mbps"), containsString("Rp 920.000"), containsString("SIMRS"),
                        containsString("Serat optik"), containsString("1 Gbps"),
                        // usage period in WIB: the fixture starts at midnight WIB
                        containsString("2025-03-03 00:00 WIB"))));
        mvc.perform(get("/agencies/NOPE").with(PLANNER)).andExpect(status().isNotFound());
        // The error page itself is the framework's /error dispatch, which MockMvc does not perform;
        // the 404 and 403 pages were checked against a running server.
    }

    @Test
    void editingASubscriptionValidatesAndSaves() throws Exception {
        long id = inventory.subscriptions("DISKOMINFO").get(0).id();
        mvc.perform(get("/subscriptions/" + id + "/edit").with(PLANNER))
                .andExpect(content().string(allOf(containsString("Astinet 50"), containsString("value=\"12500000\""))));
        mvc.perform(post("/subscriptions/" + id).with(PLANNER).with(csrf())
                        .param("provider", "Telkom").param("product", "Astinet 50").param("kind", "dedicated")
                        .param("downMbps", "50").param("upMbps", "50").param("monthlyCostIdr", "12.500.000")
                        .param("startDate", "2025-01-01").param("endDate", "2024-01-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("bilangan bulat"),
                        containsString("Akhir kontrak tidak boleh sebelum mulai kontrak"))));
        mvc.perform(post("/subscriptions/" + id).with(PLANNER).with(csrf())
                        .param("provider", "Telkom").param("product", "Astinet 100").param("kind", "dedicated")
                        .param("downMbps", "100").param("upMbps", "100").param("monthlyCostIdr", "20000000"))
                .andExpect(redirectedUrl("/agencies/DISKOMINFO"));
        mvc.perform(get("/agencies/DISKOMINFO").with(PLANNER))
                .andExpect(content().string(allOf(containsString("Astinet 100"), containsString("Rp 20.000.000"))));
    }

    @Test
    void anAgencyWithABadNetworkIsNotSaved() throws Exception {
        mvc.perform(post("/agencies").with(PLANNER).with(csrf())
                        .param("code", "DINSOS").param("name", "Dinas Sosial").param("kind", "dinas")
                        .param("priority", "normal").param("prefixes", "10.1.2.3/24"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("10.1.2.3/24")));
        mvc.perform(get("/agencies/DINSOS").with(PLANNER)).andExpect(status().isNotFound());
    }

    @Test
    void importAndExportPagesOfferTheChoices() throws Exception {
        mvc.perform(get("/import").with(PLANNER))
                .andExpect(content().string(allOf(containsString("value=\"replace\""), containsString("value=\"merge\""),
                        containsString("Ganti"), containsString("Gabung"), containsString("multipart/form-data"))));
        mvc.perform(get("/export").with(PLANNER))
                .andExpect(content().string(allOf(containsString("/export/dataset.zip"), containsString("/export/dataset.xlsx"))));
    }

    @Test
    void formattingHelpers() {
        Formats f = new Formats();
        org.assertj.core.api.Assertions.assertThat(f.money(1_234_567)).isEqualTo("Rp 1.234.567");
        org.assertj.core.api.Assertions.assertThat(f.time(java.time.Instant.parse("2025-03-03T01:05:00Z")))
                .isEqualTo("2025-03-03 08:05 WIB");
    }
}
