package id.padu.app.audit;

import id.padu.app.shared.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
 * until commit), so two transactions can never chain onto the same previous row. Each row's hash
 * is keyed with the audit key and the head is sealed with it ({@link AuditChain}); an append that
 * finds the seal broken (the head was changed outside Padu) goes on, so that no change is lost,
 * but leaves the seal broken instead of sealing what it found.
 */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final AuditChain.Key key;
    private final Path anchorFile;

    AuditLog(JdbcClient jdbc, DataSource dataSource, AuditChain.Key key,
             @Value("${padu.audit.anchor-file:${padu.data-dir}/audit-anchors.txt}") Path anchorFile) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.key = key;
        this.anchorFile = anchorFile;
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
        AuditChain.Head head = withConnection(AuditChain::head);
        long id = head.lastId() + 1;
        String prev = head.lastHash();
        boolean sealed = head.sealedBy(key);
        if (!sealed) {
            log.error("The audit log's head was changed outside Padu (its seal does not match): row {} is appended,"
                    + " the log stays marked broken; run padu audit verify", id);
        }
        long keyedFrom = head.keyedFrom() != null ? head.keyedFrom() : id;
        OffsetDateTime at = OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
        String before = toJson(change.before());
        String after = toJson(change.after());
        String canonical = AuditChain.canonical(id, AuditChain.instantText(at), actor,
                change.action(), change.entity(), change.key(), before, after);
        String hash = id >= keyedFrom ? AuditChain.keyedHash(key, prev, canonical) : AuditChain.hash(prev, canonical);
        jdbc.sql("""
                INSERT INTO audit_log (id, at, actor, action, entity, entity_key, before_json, after_json, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, at, actor, change.action(), change.entity(), change.key(), before, after, prev, hash)
                .update();
        String seal = sealed ? key.seal(id, hash, keyedFrom) : AuditChain.BROKEN_SEAL;
        jdbc.sql("UPDATE audit_head SET last_id = ?, last_hash = ?, keyed_from = ?, head_mac = ? WHERE id = 1")
                .params(id, hash, keyedFrom, seal).update();
    }

    /** The head now, for an anchor: empty when the log is empty or its seal does not match. */
    @Transactional(readOnly = true)
    public java.util.Optional<AuditAnchors.Anchor> sealedHead() {
        AuditChain.Head head = withConnection(AuditChain::head);
        if (head == null || head.lastId() == 0 || !head.sealedBy(key)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(AuditChain.anchorOf(head, Instant.now()));
    }

    /** Where the anchors are written ({@code padu.audit.anchor-file}). */
    public Path anchorFile() {
        return anchorFile;
    }

    private interface ConnectionWork<T> {
        T apply(Connection c) throws SQLException;
    }

    private <T> T withConnection(ConnectionWork<T> work) {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            return work.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
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

    /** Checks the chain of the application's own database, with the server's key and anchor file. */
    @Transactional(readOnly = true)
    public AuditChain.Result verify() {
        java.util.List<AuditAnchors.Anchor> anchors;
        try {
            anchors = AuditAnchors.read(anchorFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return withConnection(c -> {
            try {
                return AuditChain.verify(c, key, anchors);
            } catch (AuditChain.KeyMissingException e) {
                throw new IllegalStateException(e); // the server always has its key
            }
        });
    }
}
