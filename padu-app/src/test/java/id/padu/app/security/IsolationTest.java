package id.padu.app.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.padu.app.H2AppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * An agency operator sees their own agency and nothing of the others: lists, details, usage,
 * exports, the dashboard, with real accounts logging in with HTTP Basic.
 */
class IsolationTest extends H2AppTest {

    static final String PW = "operator-sandi-2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    RequestPostProcessor admin() {
        return httpBasic("admin", ADMIN_PASSWORD);
    }

    RequestPostProcessor operator() {
        return httpBasic("op-isoa", PW);
    }

    @BeforeEach
    void twoAgencies() throws Exception {
        for (String code : new String[] {"ISOA", "ISOB"}) {
            mvc.perform(post("/api/agencies").with(admin()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"code\":\"" + code + "\",\"name\":\"Dinas " + code + "\"}"));
            mvc.perform(post("/api/agencies/" + code + "/subscriptions").with(admin()).contentType(MediaType.APPLICATION_JSON)
                    .content("""
                            {"agency":"%s","provider":"Telkom","product":"Astinet %s","kind":"dedicated","downBps":50000000,
                             "upBps":50000000,"monthlyCostIdr":5000000,"startDate":"2026-01-01","endDate":"2026-12-31"}"""
                            .formatted(code, code)));
        }
        if (accounts.find("op-isoa").isEmpty()) {
            accounts.create("op-isoa", PW, Role.AGENCY_OPERATOR, "ISOA");
        }
    }

    @Test
    void listsHoldOnlyTheOperatorsAgency() throws Exception {
        mvc.perform(get("/api/agencies").with(operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].code").value("ISOA"));
        mvc.perform(get("/api/agencies").with(admin()))
                .andExpect(content().string(containsString("ISOB")));
        mvc.perform(get("/agencies").with(operator()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ISOA")))
                .andExpect(content().string(not(containsString("ISOB"))));
        // regency-wide lists are not theirs at all
        mvc.perform(get("/api/subscriptions").with(operator())).andExpect(status().isForbidden());
        mvc.perform(get("/api/links").with(operator())).andExpect(status().isForbidden());
        mvc.perform(get("/api/services").with(operator())).andExpect(status().isForbidden());
        mvc.perform(get("/api/offers").with(operator())).andExpect(status().isForbidden());
    }

    @Test
    void detailsOfAnotherAgencyAreRefused() throws Exception {
        mvc.perform(get("/api/agencies/ISOA").with(operator())).andExpect(status().isOk());
        mvc.perform(get("/api/agencies/ISOB").with(operator())).andExpect(status().isForbidden());
        mvc.perform(get("/api/agencies/ISOA/subscriptions").with(operator()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Astinet ISOA")));
        mvc.perform(get("/api/agencies/ISOB/subscriptions").with(operator())).andExpect(status().isForbidden());
        mvc.perform(get("/api/agencies/ISOB/services").with(operator())).andExpect(status().isForbidden());
        mvc.perform(get("/api/agencies/ISOB/link").with(operator())).andExpect(status().isForbidden());
        mvc.perform(get("/agencies/ISOB").with(operator())).andExpect(status().isForbidden());
        mvc.perform(get("/agencies/ISOA").with(operator())).andExpect(status().isOk())
                // the menu offers no regency-wide pages to an operator
                .andExpect(content().string(not(containsString("href=\"/dashboard\""))))
                .andExpect(content().string(not(containsString("href=\"/export\""))));
        mvc.perform(get("/dashboard/agencies/ISOB").with(operator())).andExpect(status().isForbidden());
    }

    @Test
    void usageOfAnotherAgencyIsRefused() throws Exception {
        mvc.perform(get("/api/agencies/ISOA/usage").with(operator())).andExpect(status().is(not403()));
        mvc.perform(get("/api/agencies/ISOB/usage").with(operator())).andExpect(status().isForbidden());
        mvc.perform(get("/dashboard/agencies/ISOB/usage.json").with(operator())).andExpect(status().isForbidden());
        mvc.perform(get("/dashboard/agencies/ISOB/hourly.json").with(operator())).andExpect(status().isForbidden());
    }

    @Test
    void exportsAndTheRegencyDashboardAreNotForOperators() throws Exception {
        mvc.perform(get("/api/datasets/export").with(operator())).andExpect(status().isForbidden());
        mvc.perform(get("/export/dataset.zip").with(operator())).andExpect(status().isForbidden());
        mvc.perform(get("/dashboard/export.xlsx").with(operator())).andExpect(status().isForbidden());
        mvc.perform(get("/dashboard/export.pdf").with(operator())).andExpect(status().isForbidden());
        mvc.perform(get("/dashboard").with(operator())).andExpect(status().isForbidden());
        mvc.perform(get("/dashboard/charts/aggregate.json").with(operator())).andExpect(status().isForbidden());
        // their start page is their agency's page
        mvc.perform(get("/").with(operator())).andExpect(redirectedUrl("/dashboard/agencies/ISOA"));
    }

    @Test
    void operatorsAndAuditorsChangeNothing() throws Exception {
        mvc.perform(post("/api/agencies/ISOA/subscriptions").with(operator()).contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
        accounts.find("aud-iso").ifPresentOrElse(u -> { }, () -> accounts.create("aud-iso", PW, Role.AUDITOR, null));
        mvc.perform(get("/api/agencies/ISOB").with(httpBasic("aud-iso", PW))).andExpect(status().isOk());
        mvc.perform(get("/api/datasets/export").with(httpBasic("aud-iso", PW))).andExpect(status().isOk());
        mvc.perform(post("/api/agencies").with(httpBasic("aud-iso", PW)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"AUDX\",\"name\":\"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/audit").with(httpBasic("aud-iso", PW))).andExpect(status().isOk());
        mvc.perform(get("/api/audit").with(operator())).andExpect(status().isForbidden());
    }

    static org.hamcrest.Matcher<Integer> not403() {
        return org.hamcrest.Matchers.not(org.hamcrest.Matchers.is(403));
    }
}
