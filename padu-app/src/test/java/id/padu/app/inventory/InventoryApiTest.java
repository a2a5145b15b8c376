package id.padu.app.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.padu.app.Fixtures;
import id.padu.app.H2AppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The JSON API as a client with HTTP Basic sees it: CRUD and RFC 9457 problem details. */
class InventoryApiTest extends H2AppTest {

    static final RequestPostProcessor ADMIN = httpBasic("admin", ADMIN_PASSWORD);

    @Autowired
    MockMvc mvc;

    @Autowired
    InventoryService inventory;

    @BeforeEach
    void load() {
        inventory.replace(Fixtures.small());
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, String body) {
        return b.contentType(MediaType.APPLICATION_JSON).content(body).with(ADMIN);
    }

    @Test
    void aRejectedValueIsShownCutNotEchoedWhole() throws Exception {
        // Issue #19: a 200 MB body came back as a 200 MB 400.
        String name = "N".repeat(1_000_000);
        String body = mvc.perform(json(post("/api/agencies"), "{\"code\":\"LONG\",\"name\":\"" + name + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].value").value("N".repeat(80) + "…"))
                .andReturn().getResponse().getContentAsString();
        assertThat(body.length()).isLessThan(1_000);
    }

    @Test
    void unreadableBodiesAreAnsweredWithFieldNamesNotInternalClasses() throws Exception {
        // Issue #19: messages named InventoryJson$AgencyJson and a controller method's signature.
        String[][] cases = {
                {"", "body", "a JSON body is required"},
                {"[]", "body", "must be a JSON object"},
                {"{\"code\":\"X\",\"name\":\"Y\"", "body", "not valid JSON"},
                {"{\"code\":\"X\",\"name\":\"Y\",\"prefixes\":{\"a\":1}}", "prefixes", "must be a list"},
                {"{\"code\":\"X\",\"name\":{\"a\":1}}", "name", "must be text"},
                {"{\"code\":\"X\",\"name\":\"Y\",\"prefixes\":[\"10.0.0.0/8\",{\"a\":1}]}", "prefixes[1]", "must be text"},
        };
        for (String[] c : cases) {
            String body = mvc.perform(json(post("/api/agencies"), c[0]))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(c[1]))
                    .andExpect(jsonPath("$.errors[0].message").value(containsString(c[2])))
                    .andReturn().getResponse().getContentAsString();
            assertThat(body).as(c[0]).doesNotContain("id.padu", "java.", "$", "`", "tools.jackson", "InventoryJson", "public ");
        }
        String subscription = mvc.perform(json(post("/api/agencies/RSUD/subscriptions"), """
                        {"agency":"RSUD","provider":"T","product":"P","kind":"dedicated","downBps":"fast","upBps":1,"monthlyCostIdr":1}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("downBps"))
                .andExpect(jsonPath("$.errors[0].value").value("fast"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("must be a number")))
                .andReturn().getResponse().getContentAsString();
        assertThat(subscription).doesNotContain("id.padu", "java.", "$", "`", "tools.jackson");
    }

    @Test
    void theApiTakesOnlyWhatTheDatasetExportCanWriteAndReadBack() throws Exception {
        // Issue #19: a host name with ; and a line break, not-an-ip and the year 999999999 were accepted (201),
        // and the export of them did not import.
        mvc.perform(json(post("/api/agencies/RSUD/services"), """
                        {"agency":"RSUD","name":"SIMRS","hostname":"simrs.example;\\nrm -rf","publicIp":"203.0.113.7"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("hostname"));
        mvc.perform(json(post("/api/agencies/RSUD/services"), """
                        {"agency":"RSUD","name":"SIMRS","hostname":"simrs.example.go.id","publicIp":"not-an-ip"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("publicIp"))
                .andExpect(jsonPath("$.errors[0].value").value("not-an-ip"));
        mvc.perform(json(post("/api/agencies/RSUD/subscriptions"), """
                        {"agency":"RSUD","provider":"T","product":"P","kind":"dedicated","downBps":1000000,"upBps":1000000,
                         "monthlyCostIdr":100000,"startDate":"+999999999-01-01"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("startDate"));
        // What the API takes, the export writes and the import reads back.
        mvc.perform(json(post("/api/agencies/RSUD/services"), """
                        {"agency":"RSUD","name":"=HYPERLINK(\\"http://x\\")","hostname":"simrs.example.go.id","publicIp":"2001:db8::7"}"""))
                .andExpect(status().isCreated());
        mvc.perform(json(post("/api/agencies/RSUD/subscriptions"), """
                        {"agency":"RSUD","provider":"-Telkom","product":"@P","kind":"dedicated","downBps":1000000,"upBps":1000000,
                         "monthlyCostIdr":100000,"startDate":"9999-12-31"}"""))
                .andExpect(status().isCreated());
        var stored = inventory.current();
        byte[] zip = mvc.perform(get("/api/datasets/export").param("format", "zip").with(ADMIN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        Fixtures.assertSameDataset(id.padu.dataset.DatasetReader.readZip(new java.io.ByteArrayInputStream(zip)), stored);
    }

    @Test
    void agenciesCrud() throws Exception {
        mvc.perform(get("/api/agencies").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(3)))
                .andExpect(jsonPath("$[0].code").value("DISKOMINFO"))
                .andExpect(jsonPath("$[0].prefixes[1]").value("2001:db8:1::/48"));

        mvc.perform(json(post("/api/agencies"), """
                        {"code":"DINKES","name":"Dinas Kesehatan","kind":"dinas","priority":"high","prefixes":["10.30.0.0/16"]}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/agencies/DINKES"))
                .andExpect(jsonPath("$.priority").value("high"));

        mvc.perform(json(put("/api/agencies/DINKES"), """
                        {"code":"DINKES","name":"Dinas Kesehatan Kabupaten","kind":"dinas"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Dinas Kesehatan Kabupaten"))
                .andExpect(jsonPath("$.priority").value("normal"))
                .andExpect(jsonPath("$.prefixes", hasSize(0)));

        mvc.perform(delete("/api/agencies/DINKES").with(ADMIN)).andExpect(status().isNoContent());
        mvc.perform(get("/api/agencies/DINKES").with(ADMIN))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void invalidAgencyIsAProblemDetailNamingFieldAndValue() throws Exception {
        mvc.perform(json(post("/api/agencies"), """
                        {"code":"dinas kesehatan","name":"","kind":"ministry"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[?(@.field == 'code')].value").value(hasItem("dinas kesehatan")))
                .andExpect(jsonPath("$.errors[?(@.field == 'kind')].value").value(hasItem("ministry")))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists());

        mvc.perform(json(post("/api/agencies"), """
                        {"code":"DINKES","name":"Dinas Kesehatan","prefixes":["10.30.0.1/16"]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("prefixes[0]"))
                .andExpect(jsonPath("$.errors[0].value").value("10.30.0.1/16"));

        mvc.perform(json(post("/api/agencies"), """
                        {"code":"RSUD","name":"Again"}"""))
                .andExpect(status().isConflict());
    }

    @Test
    void subscriptionsCrudAndValidation() throws Exception {
        String body = """
                {"agency":"KEC-BAAMANG","provider":"Telkom","product":"IndiHome 50","kind":"broadband",
                 "downBps":50000000,"upBps":10000000,"monthlyCostIdr":560000,"startDate":"2025-01-01","endDate":"2026-01-01"}""";
        String location = mvc.perform(json(post("/api/agencies/KEC-BAAMANG/subscriptions"), body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.monthlyCostIdr").value(560000))
                .andExpect(jsonPath("$.installCostIdr").value(0))
                .andReturn().getResponse().getHeader("Location");

        mvc.perform(get("/api/agencies/KEC-BAAMANG/subscriptions").with(ADMIN))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].product").value("IndiHome 50"));

        mvc.perform(json(put(location), body.replace("560000", "600000")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.monthlyCostIdr").value(600000));

        mvc.perform(json(put(location), body.replace("560000", "-5")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("monthlyCostIdr"))
                .andExpect(jsonPath("$.errors[0].value").value(-5));

        mvc.perform(json(put(location), body.replace("\"endDate\":\"2026-01-01\"", "\"endDate\":\"2024-01-01\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("endDate"))
                .andExpect(jsonPath("$.errors[0].value").value("2024-01-01"));

        mvc.perform(json(put(location), body.replace("\"2025-01-01\"", "\"2025-13-01\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("startDate"));

        mvc.perform(json(post("/api/agencies/KEC-BAAMANG/subscriptions"), body.replace("\"KEC-BAAMANG\"", "\"NOPE\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("agency"))
                .andExpect(jsonPath("$.errors[0].value").value("NOPE"));

        mvc.perform(delete(location).with(ADMIN)).andExpect(status().isNoContent());
        mvc.perform(get(location).with(ADMIN)).andExpect(status().isNotFound());
    }

    @Test
    void offersLinksAndServices() throws Exception {
        mvc.perform(get("/api/offers").with(ADMIN)).andExpect(jsonPath("$", hasSize(2)));
        String offer = mvc.perform(json(post("/api/offers"), """
                        {"provider":"Biznet","product":"Dedicated 200","kind":"dedicated","downBps":200000000,
                         "monthlyCostIdr":18000000,"slaPct":99.5}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.upBps").value(200000000))
                .andExpect(jsonPath("$.minTermMonths").value(12))
                .andReturn().getResponse().getHeader("Location");
        mvc.perform(json(put(offer), """
                        {"provider":"Biznet","product":"Dedicated 200","kind":"dedicated","downBps":200000000,
                         "monthlyCostIdr":18000000,"slaPct":120}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("slaPct"));
        mvc.perform(delete(offer).with(ADMIN)).andExpect(status().isNoContent());

        mvc.perform(json(put("/api/agencies/KEC-BAAMANG/link"), """
                        {"linkType":"radio","monthlyCostIdr":750000,"capacityBps":100000000}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agency").value("KEC-BAAMANG"));
        mvc.perform(json(put("/api/agencies/KEC-BAAMANG/link"), """
                        {"linkType":"laser","monthlyCostIdr":750000}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("linkType"))
                .andExpect(jsonPath("$.errors[0].value").value("laser"));
        mvc.perform(get("/api/links").with(ADMIN)).andExpect(jsonPath("$", hasSize(3)));
        mvc.perform(delete("/api/agencies/KEC-BAAMANG/link").with(ADMIN)).andExpect(status().isNoContent());

        String service = mvc.perform(json(post("/api/agencies/RSUD/services"), """
                        {"agency":"RSUD","name":"SIMPEG","criticality":"high"}"""))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getHeader("Location");
        mvc.perform(get("/api/agencies/RSUD/services").with(ADMIN)).andExpect(jsonPath("$", hasSize(2)));
        mvc.perform(delete(service).with(ADMIN)).andExpect(status().isNoContent());
    }

    @Test
    void usageIsAveragedOnTheServer() throws Exception {
        // DISKOMINFO: samples 5,6,7 missing; hour 0 (WIB) holds samples 0..11.
        long sum = 0;
        int n = 0;
        var series = Fixtures.small().usageOf("DISKOMINFO").orElseThrow();
        for (int i = 0; i < 12; i++) {
            if (series.downBps()[i] >= 0) {
                sum += series.downBps()[i];
                n++;
            }
        }
        mvc.perform(get("/api/agencies/DISKOMINFO/usage")
                        .param("from", "2025-03-03").param("to", "2025-03-04").param("step", "1h").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nativeStepSeconds").value(300))
                .andExpect(jsonPath("$.stepSeconds").value(3600))
                .andExpect(jsonPath("$.time", hasSize(24)))
                .andExpect(jsonPath("$.time[0]").value("2025-03-02T17:00:00Z"))
                .andExpect(jsonPath("$.downBps[0]").value(Math.round(sum / (double) n)));

        mvc.perform(get("/api/agencies/DISKOMINFO/usage").param("from", "2025-03-03T00:00:00+07:00")
                        .param("to", "2025-03-03T00:30:00+07:00").with(ADMIN))
                .andExpect(jsonPath("$.downBps", hasSize(6)))
                .andExpect(jsonPath("$.downBps[5]").doesNotExist());

        mvc.perform(get("/api/agencies/DISKOMINFO/usage").param("step", "fast").with(ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("step"))
                .andExpect(jsonPath("$.errors[0].value").value("fast"));
        mvc.perform(get("/api/agencies/NOPE/usage").with(ADMIN)).andExpect(status().isNotFound());
    }

    @Test
    void openApiDocumentsTheInventoryPaths() throws Exception {
        mvc.perform(get("/v3/api-docs").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/agencies/{code}'].put").exists())
                .andExpect(jsonPath("$.paths['/api/subscriptions/{id}'].delete").exists())
                .andExpect(jsonPath("$.paths['/api/agencies/{code}/usage'].get").exists())
                .andExpect(jsonPath("$.paths['/api/datasets'].post").exists())
                .andExpect(content().string(containsString("offers")));
    }
}
