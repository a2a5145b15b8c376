package id.padu.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.app.MovableClock;
import id.padu.app.PostgresAppTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** {@link LoginAttempts}' stored counters on a real PostgreSQL (LoginThrottleTest covers the rules on H2). */
class PostgresLoginThrottleTest extends PostgresAppTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ApplicationEventPublisher events;

    LoginAttempts attempts(MovableClock clock) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("clock", clock);
        return new LoginAttempts(jdbc, transactions, events, beans.getBeanProvider(Clock.class), 3, Duration.ofSeconds(30),
                Duration.ofMinutes(15), 5, 100, Duration.ofHours(1), Duration.ofMinutes(15));
    }

    @Test
    void delaysLockoutsAndPurgeOnPostgres() {
        MovableClock clock = new MovableClock(Instant.parse("2027-05-01T00:00:00Z"));
        LoginAttempts a = attempts(clock);
        for (int i = 0; i < 4; i++) {
            a.failed("pg-user", "10.9.0.1");
        }
        assertThat(a.refusal("pg-user", "10.9.0.1")).hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo("delay"));
        assertThat(attempts(clock).refusal("pg-user", "10.9.0.2")).isEmpty();
        a.failed("pg-user", "10.9.0.3"); // the fifth for the username: its limit in this test
        assertThat(attempts(clock).refusal("pg-user", "10.9.0.2")).hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo("username"));
        clock.now = clock.now.plus(Duration.ofMinutes(15));
        assertThat(a.refusal("pg-user", "10.9.0.2")).isEmpty();
        a.succeeded("pg-user", "10.9.0.2");
        clock.now = clock.now.plus(Duration.ofDays(31));
        a.purge();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM login_throttle WHERE username = 'pg-user'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'login.lockout' AND entity_key = 'pg-user'")
                .query(Long.class).single()).isEqualTo(1);
    }
}
