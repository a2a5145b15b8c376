package id.padu.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
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
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 19, High 1: an open browser session follows the account. Each case logs in through the
 * form (a real session), has the admin change the account through the users API, and checks that
 * the very next request of the old session no longer carries the old rights.
 */
class SessionRightsTest extends H2AppTest {

    static final String PW = "sesi-lama-2026-x";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    RequestPostProcessor admin() {
        return httpBasic("admin", ADMIN_PASSWORD);
    }

    @BeforeEach
    void twoAgencies() throws Exception {
        for (String code : new String[] {"SESA", "SESB"}) {
            mvc.perform(post("/api/agencies").with(admin()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"code\":\"" + code + "\",\"name\":\"Dinas " + code + "\"}"));
        }
    }

    MockHttpSession login(String username) throws Exception {
        var result = mvc.perform(formLogin("/login").user(username).password(PW))
                .andExpect(redirectedUrl("/")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    void createUser(String username, String role, String agency) throws Exception {
        mvc.perform(post("/api/users").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"%s\",\"password\":\"%s\",\"role\":\"%s\",\"agency\":%s}"
                                .formatted(username, PW, role, agency == null ? "null" : "\"" + agency + "\"")))
                .andExpect(status().isCreated());
    }

    void changeUser(String username, String body) throws Exception {
        mvc.perform(put("/api/users/" + username).with(admin()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk());
    }

    boolean agencyExists(String code) {
        return mvcStatus(get("/api/agencies/" + code).with(admin())) == 200;
    }

    int mvcStatus(org.springframework.test.web.servlet.RequestBuilder request) {
        try {
            return mvc.perform(request).andReturn().getResponse().getStatus();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void createAgency(MockHttpSession session, String code, int expectedStatus) throws Exception {
        mvc.perform(post("/api/agencies").session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + code + "\",\"name\":\"x\"}"))
                .andExpect(status().is(expectedStatus));
    }

    @Test
    void aDeletedEngineersOpenSessionCreatesNothing() throws Exception {
        createUser("eng-hapus", "ENGINEER", null);
        MockHttpSession session = login("eng-hapus");
        createAgency(session, "SESOK", 201); // the session works while the account exists
        mvc.perform(delete("/api/users/eng-hapus").with(admin())).andExpect(status().isNoContent());

        createAgency(session, "SESGONE", 401);
        assertThat(agencyExists("SESGONE")).isFalse();
        mvc.perform(get("/agencies").session(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aDemotedEngineerLosesTheRightOnTheNextRequest() throws Exception {
        createUser("eng-turun", "ENGINEER", null);
        MockHttpSession session = login("eng-turun");
        createAgency(session, "SESUP", 201);
        changeUser("eng-turun", "{\"role\":\"AUDITOR\"}");

        createAgency(session, "SESDOWN", 401);
        assertThat(agencyExists("SESDOWN")).isFalse();
        // Logged in again, the account has its new role: an auditor reads but does not create.
        MockHttpSession again = login("eng-turun");
        createAgency(again, "SESDOWN", 403);
        mvc.perform(get("/api/agencies").session(again)).andExpect(status().isOk());
    }

    @Test
    void anOperatorMovedToAnotherAgencyNoLongerReadsTheOldOne() throws Exception {
        createUser("op-pindah", "AGENCY_OPERATOR", "SESA");
        MockHttpSession session = login("op-pindah");
        mvc.perform(get("/api/agencies/SESA").session(session)).andExpect(status().isOk());
        changeUser("op-pindah", "{\"role\":\"AGENCY_OPERATOR\",\"agency\":\"SESB\"}");

        mvc.perform(get("/api/agencies/SESA").session(session)).andExpect(status().isUnauthorized());
        mvc.perform(get("/agencies/SESA").session(session)).andExpect(redirectedUrl("/login"));
        MockHttpSession again = login("op-pindah");
        mvc.perform(get("/api/agencies").session(again))
                .andExpect(content().string(containsString("SESB")))
                .andExpect(content().string(not(containsString("SESA"))));
    }

    @Test
    void aPasswordResetEndsTheOpenSession() throws Exception {
        createUser("aud-reset", "AUDITOR", null);
        MockHttpSession session = login("aud-reset");
        mvc.perform(get("/api/agencies").session(session)).andExpect(status().isOk());
        changeUser("aud-reset", "{\"role\":\"AUDITOR\",\"password\":\"sandi-baru-2026-y\"}");

        mvc.perform(get("/api/agencies").session(session)).andExpect(status().isUnauthorized());
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void anEditThatChangesNoRightsKeepsTheSession() throws Exception {
        createUser("eng-email", "ENGINEER", null);
        MockHttpSession session = login("eng-email");
        // Same role, only an e-mail address: the user keeps working without logging in again.
        changeUser("eng-email", "{\"role\":\"ENGINEER\",\"email\":\"eng@example.go.id\"}");
        createAgency(session, "SESMAIL", 201);
    }

    @Test
    void aUserChangesTheirOwnPasswordAndTheirOtherSessionsEnd() throws Exception {
        // Issue #19: there was no self-service password change.
        createUser("eng-sendiri", "ENGINEER", null);
        MockHttpSession desk = login("eng-sendiri");
        MockHttpSession laptop = login("eng-sendiri");
        String page = mvc.perform(get("/account/password").session(desk)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("name=\"currentPassword\"").contains("name=\"newPassword\"");

        // The current password is required; the new one meets the policy.
        mvc.perform(post("/account/password").session(desk).with(csrf()).param("currentPassword", "not-the-one-123")
                        .param("newPassword", "sandi-baru-sendiri-9").param("repeatPassword", "sandi-baru-sendiri-9"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("current password is not right")));
        mvc.perform(post("/account/password").session(desk).with(csrf()).param("currentPassword", PW)
                        .param("newPassword", "Password1234").param("repeatPassword", "Password1234"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("most common passwords")));
        createAgency(laptop, "SESPW0", 201); // nothing changed yet

        mvc.perform(post("/account/password").session(desk).with(csrf()).param("currentPassword", PW)
                        .param("newPassword", "sandi-baru-sendiri-9").param("repeatPassword", "sandi-baru-sendiri-9"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Kata sandi diubah")));
        createAgency(desk, "SESPW1", 201);   // the session that changed it goes on
        createAgency(laptop, "SESPW2", 401); // the other one has ended
        mvc.perform(formLogin("/login").user("eng-sendiri").password(PW)).andExpect(redirectedUrl("/login?error&username=eng-sendiri"));
        mvc.perform(formLogin("/login").user("eng-sendiri").password("sandi-baru-sendiri-9")).andExpect(redirectedUrl("/"));

        // The same through the API (HTTP Basic with the password itself).
        mvc.perform(put("/api/account/password").with(httpBasic("eng-sendiri", "sandi-baru-sendiri-9"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"currentPassword\":\"wrong-one-2026\",\"newPassword\":\"lain-lagi-sandi-7\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("currentPassword"))
                .andExpect(jsonPath("$.errors[0].value").doesNotExist());
        mvc.perform(put("/api/account/password").with(httpBasic("eng-sendiri", "sandi-baru-sendiri-9"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"currentPassword\":\"sandi-baru-sendiri-9\",\"newPassword\":\"short\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("newPassword"));
        mvc.perform(put("/api/account/password").with(httpBasic("eng-sendiri", "sandi-baru-sendiri-9"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"currentPassword\":\"sandi-baru-sendiri-9\",\"newPassword\":\"lain-lagi-sandi-7\"}"))
                .andExpect(status().isNoContent());
        createAgency(desk, "SESPW3", 401);
        mvc.perform(get("/api/agencies").with(httpBasic("eng-sendiri", "lain-lagi-sandi-7"))).andExpect(status().isOk());
    }
}
