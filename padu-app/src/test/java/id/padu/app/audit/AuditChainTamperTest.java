package id.padu.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.app.H2AppTest;
import id.padu.app.cli.PaduCommand;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine;

/**
 * Issue #19, finding 9: what someone who can write the database, but not read the server's files
 * (the audit key, the anchors), can do to the log, and what {@code padu audit verify} says then.
 * Each tamper is undone afterwards by putting back the rows and the head as they were.
 */
class AuditChainTamperTest extends H2AppTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog auditLog;

    @Autowired
    AuditAnchoring anchoring;

    @Autowired
    javax.sql.DataSource dataSource;

    record Run(int exit, String out) {
    }

    String dbUrl() {
        try (var c = dataSource.getConnection()) {
            return c.getMetaData().getURL();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> verifyArgs() {
        return List.of("audit", "verify", "--lang", "en", "--db-url", dbUrl(), "--padu.data-dir", "target/test-data/h2",
                "--anchor-file", auditLog.anchorFile().toString());
    }

    Run verify() {
        StringWriter out = new StringWriter();
        CommandLine cl = PaduCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        int exit = cl.execute(verifyArgs().toArray(String[]::new));
        return new Run(exit, out.toString());
    }

    void change(String key) {
        tx.executeWithoutResult(s -> events.publishEvent(new AuditableChange("agency.update", "agency", key,
                Map.of("name", "Lama"), Map.of("name", "Baru " + key))));
    }

    List<Map<String, Object>> rows() {
        return jdbc.sql("SELECT * FROM audit_log ORDER BY id").query().listOfRows();
    }

    Map<String, Object> head() {
        return jdbc.sql("SELECT last_id, last_hash, keyed_from, head_mac FROM audit_head WHERE id = 1").query().singleRow();
    }

    /** Puts the whole log and head back as they were (undoes a tamper). */
    void restore(List<Map<String, Object>> rows, Map<String, Object> head) {
        jdbc.sql("DELETE FROM audit_log").update();
        for (Map<String, Object> r : rows) {
            jdbc.sql("""
                    INSERT INTO audit_log (id, at, actor, action, entity, entity_key, before_json, after_json, prev_hash, hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(r.get("ID"), r.get("AT"), r.get("ACTOR"), r.get("ACTION"), r.get("ENTITY"), r.get("ENTITY_KEY"),
                            r.get("BEFORE_JSON"), r.get("AFTER_JSON"), r.get("PREV_HASH"), r.get("HASH"))
                    .update();
        }
        jdbc.sql("UPDATE audit_head SET last_id = ?, last_hash = ?, keyed_from = ?, head_mac = ? WHERE id = 1")
                .params(head.get("LAST_ID"), head.get("LAST_HASH"), head.get("KEYED_FROM"), head.get("HEAD_MAC")).update();
    }

    @Test
    void recomputingTheChainAfterAnEditNoLongerHidesIt() {
        for (int i = 0; i < 5; i++) {
            change("REWRITE" + i);
        }
        assertThat(verify().exit()).as(verify().out()).isZero();
        List<Map<String, Object>> rows = rows();
        Map<String, Object> head = head();
        long edited = jdbc.sql("SELECT id FROM audit_log WHERE entity_key = 'REWRITE1'").query(Long.class).single();
        try {
            // The attack of the issue: edit a row, then recompute every hash from it to the end and the head,
            // as the chain is documented (SHA-256 of the previous hash and the canonical content).
            jdbc.sql("UPDATE audit_log SET after_json = '{\"name\":\"Palsu\"}' WHERE id = ?").param(edited).update();
            String prev = (String) jdbc.sql("SELECT prev_hash FROM audit_log WHERE id = ?").param(edited).query().singleValue();
            for (Map<String, Object> r : jdbc.sql("SELECT * FROM audit_log WHERE id >= ? ORDER BY id").param(edited).query().listOfRows()) {
                long id = ((Number) r.get("ID")).longValue();
                String hash = AuditChain.hash(prev, AuditChain.canonical(id, AuditChain.instantText((OffsetDateTime) r.get("AT")),
                        (String) r.get("ACTOR"), (String) r.get("ACTION"), (String) r.get("ENTITY"), (String) r.get("ENTITY_KEY"),
                        (String) r.get("BEFORE_JSON"), (String) r.get("AFTER_JSON")));
                jdbc.sql("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?").params(prev, hash, id).update();
                prev = hash;
            }
            jdbc.sql("UPDATE audit_head SET last_hash = ? WHERE id = 1").param(prev).update();
            // ... and move the keyed boundary past the end, so that every row would be checked unkeyed.
            jdbc.sql("UPDATE audit_head SET keyed_from = last_id + 1 WHERE id = 1").update();

            Run broken = verify();
            assertThat(broken.exit()).as(broken.out()).isEqualTo(1);
            assertThat(broken.out()).contains("BROKEN at row");
            assertThat(auditLog.verify().ok()).isFalse();
        } finally {
            restore(rows, head);
        }
        assertThat(verify().exit()).isZero();
    }

    @Test
    void rowsCutOffWithAnOlderHeadPutBackAreFoundByTheAnchor() throws Exception {
        change("CUT0");
        List<Map<String, Object>> before = rows();
        Map<String, Object> olderHead = head();
        change("CUT1");
        change("CUT2");
        assertThat(anchoring.anchor()).isPresent();
        assertThat(anchoring.anchor()).as("nothing new: no second anchor").isEmpty();
        List<Map<String, Object>> all = rows();
        Map<String, Object> head = head();
        long lastAnchored = ((Number) head.get("LAST_ID")).longValue();
        try {
            // The two newest rows deleted, and the head as it was before them (a valid seal, saved earlier).
            restore(before, olderHead);
            Run cut = verify();
            assertThat(cut.exit()).as(cut.out()).isEqualTo(1);
            assertThat(cut.out()).contains("BROKEN at row " + (lastAnchored - 1)).contains("anchored");
            assertThat(auditLog.sealedHead()).isPresent(); // the seal alone cannot tell: the anchor does
        } finally {
            restore(all, head);
        }
        Run ok = verify();
        assertThat(ok.exit()).as(ok.out()).isZero();
        assertThat(ok.out()).contains("anchors in");
        assertThat(java.nio.file.Files.readString(auditLog.anchorFile())).contains(" " + lastAnchored + " " + head.get("LAST_HASH"));
    }

    @Test
    void theLastRowCutOffWithTheHeadMovedBackIsFoundByTheSealAndStaysFound() {
        change("SEAL0");
        change("SEAL1");
        List<Map<String, Object>> rows = rows();
        Map<String, Object> head = head();
        long last = ((Number) head.get("LAST_ID")).longValue();
        try {
            // Rows and head agree again, but the head's seal was made for the row that is gone.
            String prevHash = (String) jdbc.sql("SELECT prev_hash FROM audit_log WHERE id = ?").param(last).query().singleValue();
            jdbc.sql("DELETE FROM audit_log WHERE id = ?").param(last).update();
            jdbc.sql("UPDATE audit_head SET last_id = ?, last_hash = ? WHERE id = 1").params(last - 1, prevHash).update();
            Run cut = verify();
            assertThat(cut.exit()).as(cut.out()).isEqualTo(1);
            assertThat(cut.out()).contains("BROKEN at row " + (last - 1)).contains("seal of the head record does not match");
            change("SEAL2"); // the server goes on appending, but does not seal what it found
            Run still = verify();
            assertThat(still.exit()).isEqualTo(1);
            assertThat(still.out()).contains("seal of the head record does not match");
        } finally {
            restore(rows, head);
        }
        assertThat(verify().exit()).isZero();
    }

    @Test
    void withoutTheKeyNothingIsCheckedAndTheExitCodeSaysSo() {
        change("NOKEY");
        StringWriter out = new StringWriter();
        CommandLine cl = PaduCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        int exit = cl.execute("audit", "verify", "--lang", "en", "--db-url", dbUrl(), "--audit-key-file", "target/no-such.key");
        assertThat(exit).isEqualTo(3);
        assertThat(out.toString()).contains("Not checked").contains("no audit key at target/no-such.key".replace('/', java.io.File.separatorChar));
    }

    @Test
    void verifyWhileTheServerHoldsTheH2FileSaysSoWithItsOwnExitCode() throws Exception {
        // The server (this test's JVM) holds the file; the command runs as its own process, as from cron.
        change("INUSE");
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "id.padu.app.cli.PaduMain"));
        cmd.addAll(verifyArgs());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            out = r.lines().collect(java.util.stream.Collectors.joining("\n"));
        }
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(3);
        assertThat(out).contains("in use by the running server").contains("/api/audit/verify").doesNotContain("BROKEN");
    }
}
