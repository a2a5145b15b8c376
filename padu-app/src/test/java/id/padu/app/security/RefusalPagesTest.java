package id.padu.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.padu.app.H2AppTest;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What a refused request tells its reader (issue 20): a path Padu does not have is a 404 for a
 * logged-in user (it was a 403); a page the role may not use names the role instead of asking to
 * reload; a stale form says to reload. The page a browser shows is rendered through the error
 * page, as the servlet container does.
 */
class RefusalPagesTest extends H2AppTest {

    static final String PW = "penolakan-sandi-1";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @BeforeEach
    void users() {
        if (accounts.find("pemeriksa-refusal").isEmpty()) {
            accounts.create("pemeriksa-refusal", PW, Role.AUDITOR, null);
        }
    }

    /** The status, and the error page as the container renders it for that status. */
    String errorPage(MockHttpServletRequestBuilder b, String user, int expected) throws Exception {
        MvcResult r = mvc.perform((user == null ? b : b.with(httpBasic(user, PW))).header("Accept", "text/html"))
                .andExpect(status().is(expected)).andReturn();
        // MockMvc does not forward to /error: do what the container does, with the request's attributes.
        var forward = get("/error").header("Accept", "text/html").requestAttr("jakarta.servlet.error.status_code", expected)
                .requestAttr("jakarta.servlet.error.request_uri", r.getRequest().getRequestURI());
        if (user != null) {
            forward = forward.with(httpBasic(user, PW));
        }
        for (String name : java.util.Collections.list(r.getRequest().getAttributeNames())) {
            if (name.startsWith("padu.")) {
                forward = forward.requestAttr(name, r.getRequest().getAttribute(name));
            }
        }
        return mvc.perform(forward).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void anUnknownPathIsNotFoundAndARefusedPageNamesTheRole() throws Exception {
        assertThat(Jsoup.parse(errorPage(get("/no/such/page"), "pemeriksa-refusal", 404)).select("h1").text())
                .isEqualTo("Halaman tidak ditemukan");
        mvc.perform(get("/api/no-such-thing").with(httpBasic("pemeriksa-refusal", PW))).andExpect(status().isNotFound());

        String refused = errorPage(post("/planning/run").with(
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()),
                "pemeriksa-refusal", 403);
        assertThat(Jsoup.parse(refused).select("#denied").text())
                .isEqualTo("Peran Anda (Auditor) tidak boleh membuka halaman ini atau melakukan tindakan ini. "
                        + "Minta admin Padu bila Anda memerlukannya.");

        // A form without its CSRF token (e.g. kept open across a logout) says to reload (a Basic or
        // token call has no CSRF token to lose: the browser's form has).
        String stale = errorPage(post("/planning/run"), null, 403);
        assertThat(Jsoup.parse(stale).select("#denied").text()).startsWith("Formulir ini sudah kedaluwarsa");
    }

    /** A reader who may not change things sees no button for it (the auditor here; operators likewise). */
    @Test
    void readOnlyReadersSeeNoButtonTheyCannotUse() throws Exception {
        if (accounts.find("insinyur-refusal").isEmpty()) {
            accounts.create("insinyur-refusal", PW, Role.ENGINEER, null);
        }
        String agencies = mvc.perform(get("/agencies").with(httpBasic("pemeriksa-refusal", PW))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(agencies).select("a[href=/agencies/new]")).isEmpty();
        String planning = mvc.perform(get("/planning").with(httpBasic("pemeriksa-refusal", PW))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(planning).select("#run-form")).isEmpty();
        assertThat(Jsoup.parse(planning).select("#read-only").text()).startsWith("Peran Anda dapat membaca");

        String asEngineer = mvc.perform(get("/planning").with(httpBasic("insinyur-refusal", PW))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(asEngineer).select("#run-form")).hasSize(1);
        assertThat(Jsoup.parse(mvc.perform(get("/agencies").with(httpBasic("insinyur-refusal", PW))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).select("a[href=/agencies/new]")).hasSize(1);
    }

    /** A wrong password keeps the username in the form (issue 20); the password never comes back. */
    @Test
    void afterAFailedLoginTheUsernameStaysFilled() throws Exception {
        String to = mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders
                        .formLogin("/login").user("pemeriksa-refusal").password("salah-sandi"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(to).isEqualTo("/login?error&username=pemeriksa-refusal");
        Document login = Jsoup.parse(mvc.perform(get(to)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(login.select("#username").attr("value")).isEqualTo("pemeriksa-refusal");
        assertThat(login.select("#password").attr("value")).isEmpty();
        assertThat(login.select("#password").hasAttr("autofocus")).isTrue();
        // markup in a name is text, not markup
        String hostile = mvc.perform(get("/login").param("error", "").param("username", "\"><script>x</script>"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(hostile).doesNotContain("<script>x</script>");
    }

    @Test
    void theFaviconIsServedToAnyone() throws Exception {
        assertThat(mvc.perform(get("/favicon.svg")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .startsWith("<svg");
    }
}
