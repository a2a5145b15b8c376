package id.padu.app.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.app.Fixtures;
import id.padu.app.MovableClock;
import id.padu.app.inventory.InventoryService;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The server evaluates the alerts on its own, without anyone calling it (after the import and on
 * its schedule): a subscription ending in 30 days appears as an open contract-ending alert. (The
 * demo once showed none for five minutes: the first scheduled run came before its data.)
 */
@SpringBootTest
@TestPropertySource(properties = {
        "padu.data-dir=target/test-data/alert-schedule",
        "spring.datasource.url=jdbc:h2:file:./target/test-data/alert-schedule/padu-${random.uuid}",
        "padu.admin-password=jadwal-sandi-1",
        "padu.alerts.initial-delay=PT1S",
        "padu.alerts.interval=PT1S",
        "logging.level.org.flywaydb=warn"
})
class AlertScheduleTest {

    @TestConfiguration
    static class Config {
        @Bean
        MovableClock testClock() {
            // 30 days before DISKOMINFO's subscription of the fixture ends (2026-12-31)
            return new MovableClock(Instant.parse("2026-12-01T01:00:00Z"));
        }
    }

    @Autowired
    InventoryService inventory;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theScheduleEvaluatesOnItsOwn() throws Exception {
        inventory.replace(Fixtures.small());
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        long open = 0;
        while (open == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            open = jdbc.sql("SELECT COUNT(*) FROM alert WHERE state = 'open' AND rule = 'contract-ending' AND agency = 'DISKOMINFO'")
                    .query(Long.class).single();
        }
        assertThat(open).as("a contract-ending alert opened by the scheduled evaluation").isEqualTo(1);
    }
}
