package id.padu.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.padu.app.H2AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 19, Medium 4: there is always an admin. Deleting or demoting the last one is refused
 * (409), and so is the second of two changes that each would leave one admin if the other had
 * not happened: two admins deleting, or demoting, each other at the same moment.
 */
class LastAdminTest extends H2AppTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    long admins() {
        return accounts.all().stream().filter(u -> u.role() == Role.ADMIN).count();
    }

    @Test
    void theLastAdminCannotBeDemoted() throws Exception {
        assertThat(accounts.all().stream().filter(u -> u.role() == Role.ADMIN).map(UserAccount::username))
                .as("this test needs admin as the only admin").containsExactly("admin");
        mvc.perform(put("/api/users/admin").with(httpBasic("admin", ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"AUDITOR\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("last admin")));
        mvc.perform(post("/users/admin").with(user("admin").roles("ADMIN")).with(csrf()).param("role", "ENGINEER"))
                .andExpect(flash().attribute("problem", containsString("last admin")));
        assertThat(accounts.find("admin").orElseThrow().role()).isEqualTo(Role.ADMIN);
        // still an admin: may manage users
        mvc.perform(get("/api/users").with(httpBasic("admin", ADMIN_PASSWORD))).andExpect(status().isOk());
        mvc.perform(delete("/api/users/admin").with(httpBasic("admin", ADMIN_PASSWORD))).andExpect(status().isConflict());

        // with a second admin, either may step down
        accounts.create("admin-kedua", "pengganti-2026-x", Role.ADMIN, null);
        try {
            mvc.perform(put("/api/users/admin-kedua").with(httpBasic("admin", ADMIN_PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"AUDITOR\"}"))
                    .andExpect(status().isOk());
        } finally {
            accounts.delete("admin-kedua");
        }
    }

    @Test
    void twoAdminsDeletingEachOtherAtOnceLeaveOne() throws Exception {
        race((a, b) -> new Runnable[] {() -> accounts.delete(b), () -> accounts.delete(a)});
    }

    @Test
    void twoAdminsDemotingEachOtherAtOnceLeaveOne() throws Exception {
        race((a, b) -> new Runnable[] {() -> accounts.update(b, null, Role.AUDITOR, null),
                () -> accounts.update(a, null, Role.AUDITOR, null)});
    }

    interface Changes {
        Runnable[] of(String a, String b);
    }

    /** Two admins {@code race-a} and {@code race-b} are the only ones (admin steps down meanwhile). */
    void race(Changes changes) throws Exception {
        raceOn(accounts, tx, jdbc, AdminRace.H2_WAITING, changes);
    }

    static void raceOn(UserAccounts accounts, TransactionTemplate tx, JdbcClient jdbc, String waitingSql, Changes changes)
            throws Exception {
        accounts.create("race-a", "wettlauf-a-2026", Role.ADMIN, null);
        accounts.create("race-b", "wettlauf-b-2026", Role.ADMIN, null);
        try {
            accounts.update("admin", null, Role.AUDITOR, null);
            assertThat(accounts.all().stream().filter(u -> u.role() == Role.ADMIN).map(UserAccount::username))
                    .containsExactlyInAnyOrder("race-a", "race-b");
            Runnable[] both = changes.of("race-a", "race-b");
            AdminRace.Outcome outcome = AdminRace.run(tx, jdbc, waitingSql, both[0], both[1]);
            assertThat(outcome.first()).isEqualTo("ok");
            assertThat(outcome.second()).contains("last admin");
            assertThat(accounts.all().stream().filter(u -> u.role() == Role.ADMIN).map(UserAccount::username))
                    .containsExactly("race-a");
        } finally {
            accounts.update("admin", null, Role.ADMIN, null);
            accounts.delete("race-a");
            accounts.delete("race-b");
        }
    }
}
