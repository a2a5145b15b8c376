package id.padu.app.audit;

import id.padu.app.shared.Json;

import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends every {@link AuditableChange} to {@code audit_log}, never updating a row. The listener is
 * synchronous on purpose (not a Modulith after-commit listener): it runs inside the transaction of
 * the change, so a change and its audit row commit together or not at all.
 *
 * <p>Appenders are serialised by the row lock on {@code audit_head} (taken by its UPDATE, held
 * until commit), so two transactions can never chain onto the same previous row.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    AuditLog(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** One row as shown to auditors. */
    public record Entry(long id, Instant at, String actor, String action, String entity, String key,
                        String before, String after, String hash) {
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRED)
    public void on(AuditableChange change) {
        append(change.actor() != null ? change.actor() : actor(), change);
    }

    void append(String actor, AuditableChange change) {
        jdbc.sql("UPDATE audit_head SET last_id = last_id WHERE id = 1").update(); // takes the lock
        var head = jdbc.sql("SELECT last_id, last_hash FROM audit_head WHERE id = 1")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        long id = (Long) head[0] + 1;
        String prev = (String) head[1];
        OffsetDateTime at = OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
        String before = toJson(change.before());
        String after = toJson(change.after());
        String hash = AuditChain.hash(prev, AuditChain.canonical(id, AuditChain.instantText(at), actor,
                change.action(), change.entity(), change.key(), before, after));
        jdbc.sql("""
                INSERT INTO audit_log (id, at, actor, action, entity, entity_key, before_json, after_json, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, at, actor, change.action(), change.entity(), change.key(), before, after, prev, hash)
                .update();
        jdbc.sql("UPDATE audit_head SET last_id = ?, last_hash = ? WHERE id = 1").params(id, hash).update();
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s && (s.startsWith("{") || s.startsWith("["))) {
            return s;
        }
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (RuntimeException e) {
            return Json.MAPPER.writeValueAsString(String.valueOf(value));
        }
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth.getName() == null ? "system" : auth.getName();
    }

    /** The newest {@code limit} rows, newest first. */
    @Transactional(readOnly = true)
    public List<Entry> latest(int limit) {
        return jdbc.sql("""
                SELECT id, at, actor, action, entity, entity_key, before_json, after_json, hash
                FROM audit_log ORDER BY id DESC""")
                .withMaxRows(limit)
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9)))
                .list();
    }

    /** Checks the chain of the application's own database. */
    @Transactional(readOnly = true)
    public AuditChain.Result verify() {
        var c = DataSourceUtils.getConnection(dataSource);
        try {
            return AuditChain.verify(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }
}
