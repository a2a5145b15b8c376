package id.padu.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.padu.app.H2AppTest;
import id.padu.app.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue #19: HTTP Basic on pages cost a bcrypt per request. A verified credential is remembered
 * briefly, by a hash that includes the account's credentials version.
 */
class VerifiedCredentialsTest extends H2AppTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    VerifiedCredentials cache;

    /** Every real check counted; passwords as a map, "pw" by default. */
    static final class Passwords implements org.springframework.security.authentication.AuthenticationProvider {
        int checks;
        final Map<String, String> passwords = new HashMap<>();
        final Map<String, AccountDetails.Stamp> stamps = new HashMap<>();

        @Override
        public org.springframework.security.core.Authentication authenticate(org.springframework.security.core.Authentication a) {
            checks++;
            if (!passwords.getOrDefault(a.getName(), "pw").equals(a.getCredentials())) {
                throw new BadCredentialsException("wrong");
            }
            AccountDetails d = new AccountDetails(a.getName(), "", true, List.of(new SimpleGrantedAuthority("ROLE_ENGINEER")),
                    stamps.getOrDefault(a.getName(), new AccountDetails.Stamp(1, 0)));
            return UsernamePasswordAuthenticationToken.authenticated(d, null, d.getAuthorities());
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    }

    static UsernamePasswordAuthenticationToken login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    @Test
    void aVerifiedPasswordIsCheckedOncePerTtlAndNeverAWrongOne() {
        Passwords real = new Passwords();
        MovableClock clock = new MovableClock(Instant.parse("2026-12-08T01:00:00Z"));
        VerifiedCredentials cache = new VerifiedCredentials(real, u -> Optional.of(real.stamps.getOrDefault(u, new AccountDetails.Stamp(1, 0))),
                Duration.ofSeconds(60), 100, clock);
        for (int i = 0; i < 50; i++) {
            assertThat(cache.authenticate(login("budi", "pw")).isAuthenticated()).isTrue();
        }
        assertThat(real.checks).isEqualTo(1);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cache.authenticate(login("budi", "not-it"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(real.checks).as("a wrong password is always checked").isEqualTo(4);

        // A new credentials version (password reset, new role) makes the remembered entry unreachable.
        real.stamps.put("budi", new AccountDetails.Stamp(1, 1));
        real.passwords.put("budi", "new-pw");
        assertThatThrownBy(() -> cache.authenticate(login("budi", "pw"))).isInstanceOf(BadCredentialsException.class);
        cache.authenticate(login("budi", "new-pw"));
        cache.authenticate(login("budi", "new-pw"));
        assertThat(real.checks).isEqualTo(6);

        clock.now = clock.now.plusSeconds(61); // past the lifetime: checked for real again
        cache.authenticate(login("budi", "new-pw"));
        assertThat(real.checks).isEqualTo(7);

        for (int i = 0; i < 500; i++) {
            cache.authenticate(login("user" + i, "pw"));
        }
        assertThat(cache.size()).as("bounded").isLessThanOrEqualTo(100);
        VerifiedCredentials noAccount = new VerifiedCredentials(real, u -> Optional.empty(), Duration.ofSeconds(60), 100, clock);
        noAccount.authenticate(login("gone", "pw"));
        noAccount.authenticate(login("gone", "pw"));
        assertThat(noAccount.size()).as("no account, nothing remembered").isZero();
    }

    @Test
    void basicOnPagesCostsOneRealCheckAndAResetPasswordStopsWorkingAtOnce() throws Exception {
        mvc.perform(post("/api/users").with(httpBasic("admin", ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"eng-basic\",\"password\":\"kabel-basic-2026\",\"role\":\"ENGINEER\"}"))
                .andExpect(status().isCreated());
        long before = cache.verifications();
        for (int i = 0; i < 30; i++) {
            mvc.perform(get("/agencies").with(httpBasic("eng-basic", "kabel-basic-2026"))).andExpect(status().isOk());
        }
        assertThat(cache.verifications() - before).as("bcrypt checks for 30 pages").isEqualTo(1);

        mvc.perform(put("/api/users/eng-basic").with(httpBasic("admin", ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"ENGINEER\",\"password\":\"kabel-lain-2027\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/agencies").with(httpBasic("eng-basic", "kabel-basic-2026"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/agencies").with(httpBasic("eng-basic", "kabel-lain-2027"))).andExpect(status().isOk());
    }
}
