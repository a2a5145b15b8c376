package id.padu.app.security;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The own-tokens page: a token is shown once, works as a Bearer token, and stops working when revoked. */
class TokensPagesTest extends H2AppTest {

    static final String PW = "token-halaman-2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Test
    void aTokenIsShownOnceWorksAndIsRevoked() throws Exception {
        accounts.create("eng-tok", PW, Role.ENGINEER, null);
        accounts.create("aud-tok", PW, Role.AUDITOR, null);
        MvcResult made = mvc.perform(post("/tokens").with(httpBasic("eng-tok", PW)).with(csrf()).param("name", "prometheus-noc"))
                .andExpect(status().is3xxRedirection()).andReturn();
        ApiTokens.Created created = (ApiTokens.Created) made.getFlashMap().get("created");
        assertThat(created.name()).isEqualTo("prometheus-noc");
        String token = created.token();

        // the page right after creation shows it; any later visit does not
        mvc.perform(get("/tokens").with(httpBasic("eng-tok", PW)).flashAttr("created", created))
                .andExpect(content().string(containsString(token)))
                .andExpect(content().string(containsString("hanya ditampilkan sekali")));
        mvc.perform(get("/tokens").with(httpBasic("eng-tok", PW)))
                .andExpect(content().string(containsString("prometheus-noc")))
                .andExpect(content().string(not(containsString(token))));

        mvc.perform(get("/api/agencies").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        // the list shows when it was last used
        mvc.perform(get("/tokens").with(httpBasic("eng-tok", PW)))
                .andExpect(content().string(containsString("WIB")));

        // someone else cannot revoke it; its owner can, and then it is refused
        mvc.perform(post("/tokens/" + created.id() + "/revoke").with(httpBasic("aud-tok", PW)).with(csrf()))
                .andExpect(flash().attribute("problemKey", "tokens.notFound"));
        mvc.perform(get("/api/agencies").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        mvc.perform(post("/tokens/" + created.id() + "/revoke").with(httpBasic("eng-tok", PW)).with(csrf()))
                .andExpect(flash().attribute("revoked", created.id()));
        mvc.perform(get("/api/agencies").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
        mvc.perform(get("/tokens").with(httpBasic("eng-tok", PW))).andExpect(content().string(containsString("dicabut")));

        // a token needs a name
        mvc.perform(post("/tokens").with(httpBasic("eng-tok", PW)).with(csrf()).param("name", " "))
                .andExpect(flash().attribute("problemKey", "tokens.nameRequired"));
    }
}
