package id.padu.app;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** Base of tests that run the application on a real PostgreSQL server (one shared context), configured by PADU_DB_URL. */
@SpringBootTest
@TestPropertySource(properties = {
        "padu.data-dir=target/test-data/pg",
        "padu.audit.anchor-file=target/test-data/pg/audit-anchors-${random.uuid}.txt",
        "padu.admin-password=" + H2AppTest.ADMIN_PASSWORD,
        "logging.level.org.flywaydb=warn"
})
public abstract class PostgresAppTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        // The same variables an operator sets (application.properties maps them to the datasource).
        registry.add("PADU_DB_URL", TestPostgres::jdbcUrl);
        registry.add("PADU_DB_USER", () -> "postgres");
        registry.add("PADU_DB_PASSWORD", () -> "postgres");
    }
}
