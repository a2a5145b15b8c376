package id.padu.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.padu.app.H2AppTest;
import id.padu.app.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Issue 19, Medium 5: failed logins slow the guesser, not the guessed user. The defaults of
 * application.properties (3 free failures, 30 s doubled up to 15 min, 100 failures per username
 * or per address within an hour lock for 15 min); the time is a {@link MovableClock} the test
 * moves instead of waiting. Requests come from chosen client addresses over HTTP Basic (401 when
 * refused) and the login form ({@code /login?locked}).
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
        "padu.data-dir=target/test-data/login-throttle",
        "spring.datasource.url=jdbc:h2:file:./target/test-data/login-throttle/padu-${random.uuid}",
        "padu.admin-password=" + H2AppTest.ADMIN_PASSWORD,
        "logging.level.org.flywaydb=warn"
})
class LoginThrottleTest {

    static final String PW = "kata-sandi-benar-1";

    @TestConfiguration
    static class Time {
        @Bean
        MovableClock clock() {
            return new MovableClock(Instant.parse("2027-03-01T02:00:00Z"));
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MovableClock clock;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ApplicationEventPublisher events;

    static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    /** A user of its own per test; every test starts an hour after the previous one's events. */
    String user;

    @BeforeEach
    void freshUser(org.junit.jupiter.api.TestInfo info) {
        clock.now = clock.now.plus(Duration.ofDays(1));
        user = "u" + Math.abs(info.getDisplayName().hashCode());
        accounts.create(user, PW, Role.AUDITOR, null);
    }

    int login(String username, String password, String address) throws Exception {
        return mvc.perform(get("/api/agencies").with(httpBasic(username, password)).with(from(address)))
                .andReturn().getResponse().getStatus();
    }

    void later(Duration d) {
        clock.now = clock.now.plus(d);
    }

    long audited(String action, String key) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND entity_key = ?").params(action, key)
                .query(Long.class).single();
    }

    @Test
    void anotherAddressFailuresDoNotRefuseTheUser() throws Exception {
        // Ten guessing addresses, five wrong passwords each (the old rule locked the user at five).
        for (int a = 0; a < 10; a++) {
            for (int i = 0; i < 5; i++) {
                assertThat(login(user, "tebakan-" + i, "203.0.113." + a)).isEqualTo(401);
            }
        }
        assertThat(login(user, PW, "10.1.1.1")).as("from an address that never failed").isEqualTo(200);
        assertThat(mvc.perform(formLogin("/login").user(user).password(PW))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/");
        // the guessers themselves wait, even with the right password
        assertThat(login(user, PW, "203.0.113.3")).isEqualTo(401);
    }

    @Test
    void delaysGrowForOneUsernameAndAddress() throws Exception {
        String guesser = "198.51.100.7";
        for (int i = 0; i < 3; i++) {
            assertThat(login(user, "salah-" + i, guesser)).as("free failure %d", i + 1).isEqualTo(401);
        }
        assertThat(login(user, PW, guesser)).as("three failures cost nothing").isEqualTo(200);
        // the success started the count over: three free again, then 30 s, 1, 2, 4, 8, 15, 15 min
        for (int i = 0; i < 3; i++) {
            assertThat(login(user, "salah-" + i, guesser)).isEqualTo(401);
        }
        List<Duration> waits = List.of(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
                Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(15), Duration.ofMinutes(15));
        for (Duration wait : waits) {
            assertThat(login(user, "salah-lagi", guesser)).isEqualTo(401); // this failure sets the wait
            later(wait.minusSeconds(1));
            assertThat(login(user, PW, guesser)).as("the right password before %s are over", wait).isEqualTo(401);
            later(Duration.ofSeconds(1));
        }
        assertThat(login(user, PW, guesser)).as("after the last wait").isEqualTo(200);
        assertThat(login(user, "salah", guesser)).as("and the count started over").isEqualTo(401);
        assertThat(login(user, PW, guesser)).isEqualTo(200);
    }

    @Test
    void aHundredFailuresFromManyAddressesLockTheUsernameForEveryone() throws Exception {
        // 33 addresses with their three free failures each: 99, one short of the username's limit
        for (int a = 0; a < 33; a++) {
            for (int i = 0; i < 3; i++) {
                assertThat(login(user, "tebak-" + i, "192.0.2." + a)).isEqualTo(401);
            }
        }
        assertThat(login(user, PW, "10.7.7.7")).isEqualTo(200);
        assertThat(login(user, "tebak-terakhir", "192.0.2.200")).isEqualTo(401); // the 100th
        assertThat(audited("login.lockout", user)).isEqualTo(1);
        assertThat(login(user, PW, "10.7.7.7")).as("locked for everyone").isEqualTo(401);
        assertThat(mvc.perform(formLogin("/login").user(user).password(PW))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/login?locked&username=" + user);
        assertThat(login("admin", H2AppTest.ADMIN_PASSWORD, "10.7.7.7")).as("others are not").isEqualTo(200);
        later(Duration.ofMinutes(15));
        assertThat(login(user, PW, "10.7.7.7")).as("after the lockout").isEqualTo(200);

        // the admin reset lifts a lockout at once (new guessing addresses: the old ones now wait)
        for (int a = 0; a < 34; a++) {
            for (int i = 0; i < 3 && a * 3 + i < 100; i++) {
                login(user, "tebak-" + i, "192.0.3." + a);
            }
        }
        assertThat(login(user, PW, "10.7.7.7")).isEqualTo(401);
        mvc.perform(put("/api/users/" + user).with(httpBasic("admin", H2AppTest.ADMIN_PASSWORD)).with(from("10.0.0.1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"sandi-setelah-kunci-1\",\"role\":\"AUDITOR\"}"))
                .andExpect(status().isOk());
        assertThat(login(user, "sandi-setelah-kunci-1", "10.7.7.7")).isEqualTo(200);
    }

    @Test
    void oneAddressGuessingManyUsernamesKeepsItsKnownUsers() throws Exception {
        String office = "10.20.30.40"; // one NAT address for a whole office
        accounts.create(user + "-baru", PW, Role.AUDITOR, null);
        assertThat(login(user, PW, office)).as("logged in from the office before").isEqualTo(200);
        for (int i = 0; i < 100; i++) {
            assertThat(login("tebak" + i, "kata-sandi", office)).isEqualTo(401);
        }
        assertThat(audited("login.lockout", office)).isEqualTo(1);
        assertThat(login("tebak-lain", "kata-sandi", office)).as("the address is refused").isEqualTo(401);
        assertThat(login(user, PW, office)).as("a user known at that address is not").isEqualTo(200);
        assertThat(login(user + "-baru", PW, office)).as("a user new to it waits").isEqualTo(401);
        assertThat(login(user + "-baru", PW, "10.99.0.1")).as("elsewhere not").isEqualTo(200);
        later(Duration.ofMinutes(15));
        assertThat(login(user + "-baru", PW, office)).isEqualTo(200);
    }

    @Test
    void theStateSurvivesARestart() throws Exception {
        String guesser = "198.51.100.99";
        for (int i = 0; i < 4; i++) {
            login(user, "salah-" + i, guesser);
        }
        assertThat(login(user, PW, guesser)).isEqualTo(401);
        // What a restart builds: a new LoginAttempts over the same database, nothing else kept.
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("clock", clock);
        LoginAttempts restarted = new LoginAttempts(jdbc, transactions, events, beans.getBeanProvider(Clock.class),
                3, Duration.ofSeconds(30), Duration.ofMinutes(15), 100, 100, Duration.ofHours(1), Duration.ofMinutes(15));
        assertThat(restarted.refusal(user, guesser)).hasValueSatisfying(r -> {
            assertThat(r.reason()).isEqualTo("delay");
            assertThat(r.until()).isEqualTo(clock.now.plusSeconds(30));
        });
        assertThat(restarted.refusal(user, "10.0.0.2")).isEmpty();
    }

    @Test
    void loginsFailuresAndLockoutsAreAudited() throws Exception {
        mvc.perform(formLogin("/login").user(user).password(PW));
        assertThat(audited("login.success", user)).isEqualTo(1);
        for (int i = 0; i < 4; i++) {
            login(user, "salah-" + i, "198.51.100.50");
        }
        assertThat(audited("login.failure", user)).isEqualTo(4);
        String last = jdbc.sql("SELECT after_json FROM audit_log WHERE action = 'login.failure' AND entity_key = ? "
                + "ORDER BY id DESC").param(user).query(String.class).list().get(0);
        assertThat(last).contains("\"address\":\"198.51.100.50\"", "\"failuresFromAddress\":4",
                "\"refusedUntil\":\"" + clock.now.plusSeconds(30) + "\"");
        // a refused attempt is not checked and not recorded
        login(user, PW, "198.51.100.50");
        assertThat(audited("login.failure", user)).isEqualTo(4);
        assertThat(audited("login.success", user)).isEqualTo(1);
    }
}
