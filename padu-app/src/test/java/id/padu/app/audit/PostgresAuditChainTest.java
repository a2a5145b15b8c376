package id.padu.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.app.PostgresAppTest;
import id.padu.app.TestPostgres;
import id.padu.app.cli.PaduCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine;

/**
 * The chain on a real PostgreSQL (timestamps come back with another precision and offset than
 * on H2): rows written by the server verify with {@code padu audit verify} given PADU_DB_URL-style
 * settings, and an edit made with plain SQL is found.
 */
class PostgresAuditChainTest extends PostgresAppTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog auditLog;

    record Run(int exit, String out) {
    }

    Run verify() {
        StringWriter out = new StringWriter();
        CommandLine cl = PaduCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        int exit = cl.execute("audit", "verify", "--lang", "en", "--db-url", TestPostgres.jdbcUrl(),
                "--db-user", "postgres", "--db-password", "postgres", "--padu.data-dir", "target/test-data/pg",
                "--anchor-file", auditLog.anchorFile().toString());
        return new Run(exit, out.toString());
    }

    @Test
    void serverRowsVerifyAndAnEditIsFound() {
        for (int i = 0; i < 3; i++) {
            int n = i;
            tx.executeWithoutResult(s -> events.publishEvent(new AuditableChange("agency.update", "agency", "PG" + n,
                    Map.of("name", "Lama " + n), Map.of("name", "Baru " + n))));
        }
        Run ok = verify();
        assertThat(ok.exit()).as(ok.out()).isZero();
        long id = jdbc.sql("SELECT id FROM audit_log WHERE entity_key = 'PG1'").query(Long.class).single();
        jdbc.sql("UPDATE audit_log SET actor = 'someone-else' WHERE id = ?").param(id).update();
        try {
            Run broken = verify();
            assertThat(broken.exit()).isEqualTo(1);
            assertThat(broken.out()).contains("BROKEN at row " + id);
        } finally {
            jdbc.sql("UPDATE audit_log SET actor = 'system' WHERE id = ?").param(id).update();
        }
        assertThat(verify().exit()).isZero();
    }
}
