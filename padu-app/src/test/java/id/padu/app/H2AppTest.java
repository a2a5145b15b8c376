package id.padu.app;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of every test that runs the application on H2: one shared Spring context for all of
 * them (same annotations, so the context cache reuses it), a file database under target/
 * as in production, and a known admin password.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
        "padu.data-dir=target/test-data/h2",
        "spring.datasource.url=jdbc:h2:file:./target/test-data/h2/padu-${random.uuid}",
        // anchors belong to one log: each run's new database gets its own file (AuditLog.anchorFile())
        "padu.audit.anchor-file=target/test-data/h2/audit-anchors-${random.uuid}.txt",
        "padu.admin-password=" + H2AppTest.ADMIN_PASSWORD,
        "logging.level.org.flywaydb=warn"
})
public abstract class H2AppTest {

    public static final String ADMIN_PASSWORD = "test-admin-secret";
}
