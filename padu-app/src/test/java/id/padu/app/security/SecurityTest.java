package id.padu.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.padu.app.H2AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Login from day one: what is open, what needs a login, Basic for the API, CSRF on forms. */
class SecurityTest extends H2AppTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    @Test
    void healthLoginPageAndStaticAssetsAreOpen() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(containsString("name=\"password\"")));
        mvc.perform(get("/css/padu.css")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/2.0.4/dist/htmx.min.js")).andExpect(status().isOk());
    }

    @Test
    void pagesRedirectToLoginAndApiAnswers401() throws Exception {
        mvc.perform(get("/agencies")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/agencies"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Basic")));
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/agencies").with(httpBasic("admin", "wrong"))).andExpect(status().isUnauthorized());
    }

    @Test
    void basicAuthWorksAndNeedsNoCsrfToken() throws Exception {
        mvc.perform(get("/api/agencies").with(httpBasic("admin", ADMIN_PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
        mvc.perform(post("/api/agencies").with(httpBasic("admin", ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"CSRFTEST\",\"name\":\"x\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void formsNeedTheCsrfToken() throws Exception {
        mvc.perform(post("/agencies").with(user("admin").roles("ADMIN"))
                        .param("code", "NOCSRF").param("name", "No token"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/agencies").with(user("admin").roles("ADMIN")).with(csrf())
                        .param("code", "WITHCSRF").param("name", "With token").param("kind", "dinas").param("priority", "low"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/agencies/WITHCSRF"));
        // A session-authenticated API call from a browser is a form of its own: it needs the token too.
        mvc.perform(post("/api/agencies").with(user("admin").roles("ADMIN"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"SESSION\",\"name\":\"x\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void getLogoutAsksToConfirmWithAPostForm() throws Exception {
        // Issue #19: GET /logout answered 403.
        String page = mvc.perform(get("/logout").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        org.jsoup.nodes.Element form = org.jsoup.Jsoup.parse(page).selectFirst("main form[action=/logout]");
        assertThat(form).isNotNull();
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.select("input[name=_csrf]")).hasSize(1);
        mvc.perform(get("/logout")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void formLoginWithTheBootstrapPassword() throws Exception {
        mvc.perform(formLogin("/login").user("admin").password(ADMIN_PASSWORD))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/"));
        mvc.perform(formLogin("/login").user("admin").password("not-it"))
                .andExpect(redirectedUrl("/login?error&username=admin"));
    }

    @Test
    void theAdminIsStoredWithABcryptHashAndTheRoleModelHasFourRoles() {
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'admin'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(ADMIN_PASSWORD);
        assertThat(accounts.find("admin").orElseThrow().role()).isEqualTo(Role.ADMIN);
        assertThat(Role.values()).extracting(Enum::name)
                .containsExactly("ADMIN", "ENGINEER", "AGENCY_OPERATOR", "AUDITOR");
    }

    @Test
    void anOperatorIsBoundToOneAgency() {
        // an operator's agency must exist (issue 19)
        if (jdbc.sql("SELECT COUNT(*) FROM agency WHERE code = 'RSUD'").query(Long.class).single() == 0) {
            jdbc.sql("INSERT INTO agency (code, name, kind, priority) VALUES ('RSUD', 'RSUD', 'rsud', 'critical')").update();
        }
        accounts.create("op-rsud", "operator-secret", Role.AGENCY_OPERATOR, "RSUD");
        assertThat(accounts.find("op-rsud").orElseThrow().agencyCode()).isEqualTo("RSUD");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.create("op-none", "operator-secret", Role.AGENCY_OPERATOR, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomAdminPasswordsDiffer() {
        assertThat(AdminBootstrap.randomPassword()).hasSize(16).isNotEqualTo(AdminBootstrap.randomPassword());
    }
}
