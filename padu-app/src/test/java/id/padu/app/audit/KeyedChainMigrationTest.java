package id.padu.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.padu.app.shared.KeyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database written before the keyed chain (SHA-256 rows, migrations before V45) upgraded by V45:
 * its old rows still verify as they are, new rows are keyed from the next id on, and the old rows
 * are now protected too: rewriting them (with recomputed SHA-256 hashes) breaks at the first keyed row.
 */
class KeyedChainMigrationTest {

    @TempDir
    Path dir;

    private final AuditChain.Key key = new AuditChain.Key(KeyFiles.newKey());

    private JdbcDataSource database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:legacy-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    private static Flyway flyway(JdbcDataSource ds, String target, AuditChain.Key key) {
        var config = Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/h2").target(target);
        if (key != null) {
            config.javaMigrations(new KeyedChainMigration(key));
        }
        return config.load();
    }

    /** Rows as the server wrote them before V45: plain SHA-256, no seal. */
    private static void legacyRows(JdbcClient jdbc, int n) {
        String prev = AuditChain.GENESIS;
        for (int id = 1; id <= n; id++) {
            OffsetDateTime at = OffsetDateTime.ofInstant(Instant.parse("2026-01-0" + id + "T01:00:00Z"), ZoneOffset.UTC);
            String after = "{\"name\":\"Dinas " + id + "\"}";
            String hash = AuditChain.hash(prev, AuditChain.canonical(id, AuditChain.instantText(at), "admin", "agency.update",
                    "agency", "OLD" + id, null, after));
            jdbc.sql("""
                    INSERT INTO audit_log (id, at, actor, action, entity, entity_key, before_json, after_json, prev_hash, hash)
                    VALUES (?, ?, 'admin', 'agency.update', 'agency', ?, NULL, ?, ?, ?)""").params(id, at, "OLD" + id, after, prev, hash).update();
            prev = hash;
        }
        jdbc.sql("UPDATE audit_head SET last_id = ?, last_hash = ? WHERE id = 1").params(n, prev).update();
    }

    private AuditChain.Result verify(JdbcDataSource ds, AuditChain.Key k) throws Exception {
        try (Connection c = ds.getConnection()) {
            return AuditChain.verify(c, k, List.of());
        }
    }

    @Test
    void oldRowsStillVerifyNewOnesAreKeyedAndRewritingOldOnesShows() throws Exception {
        JdbcDataSource ds = database();
        flyway(ds, "40", null).migrate(); // the last migration before the keyed chain in this branch
        JdbcClient jdbc = JdbcClient.create(ds);
        legacyRows(jdbc, 4);
        assertThat(verify(ds, null).ok()).as("the old chain, before the upgrade").isTrue();

        flyway(ds, "latest", key).migrate();
        AuditChain.Result upgraded = verify(ds, key);
        assertThat(upgraded.ok()).isTrue();
        assertThat(upgraded.keyedFrom()).isEqualTo(5L);
        assertThatThrownBy(() -> verify(ds, null)).isInstanceOf(AuditChain.KeyMissingException.class);

        AuditLog log = new AuditLog(jdbc, ds, key, dir.resolve("anchors.txt"));
        log.append("admin", new AuditableChange("agency.update", "agency", "NEW5", null, Map.of("name", "Baru")));
        log.append("admin", new AuditableChange("agency.update", "agency", "NEW6", null, Map.of("name", "Baru")));
        AuditChain.Result after = verify(ds, key);
        assertThat(after.ok()).as(String.valueOf(after)).isTrue();
        assertThat(after.rows()).isEqualTo(6);
        String row5 = jdbc.sql("SELECT hash FROM audit_log WHERE id = 5").query(String.class).single();
        String prev5 = jdbc.sql("SELECT prev_hash FROM audit_log WHERE id = 5").query(String.class).single();
        assertThat(row5).as("row 5 is keyed: not the SHA-256 of its content").isNotEqualTo(AuditChain.hash(prev5, "x"));
        assertThat(verify(ds, new AuditChain.Key(KeyFiles.newKey())).ok()).as("another key does not verify").isFalse();

        // Rewrite old row 2 and recompute the unkeyed hashes of rows 2 to 4: row 5 no longer fits.
        jdbc.sql("UPDATE audit_log SET after_json = '{\"name\":\"Palsu\"}' WHERE id = 2").update();
        String prev = jdbc.sql("SELECT hash FROM audit_log WHERE id = 1").query(String.class).single();
        for (int id = 2; id <= 4; id++) {
            Map<String, Object> r = jdbc.sql("SELECT * FROM audit_log WHERE id = ?").param(id).query().singleRow();
            String hash = AuditChain.hash(prev, AuditChain.canonical(id, AuditChain.instantText((OffsetDateTime) r.get("AT")),
                    (String) r.get("ACTOR"), (String) r.get("ACTION"), (String) r.get("ENTITY"), (String) r.get("ENTITY_KEY"),
                    (String) r.get("BEFORE_JSON"), (String) r.get("AFTER_JSON")));
            jdbc.sql("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?").params(prev, hash, id).update();
            prev = hash;
        }
        AuditChain.Result rewritten = verify(ds, key);
        assertThat(rewritten.brokenRow()).contains(5L);
        assertThat(rewritten.kind()).isEqualTo(AuditChain.Break.PREVIOUS_HASH);
        assertThat(Files.exists(dir.resolve("anchors.txt"))).isFalse();
    }
}
