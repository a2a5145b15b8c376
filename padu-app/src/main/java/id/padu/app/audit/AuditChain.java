package id.padu.app.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The chain of {@code audit_log}, in plain Java and JDBC so that {@code padu audit verify} needs no
 * Spring. Each row's hash covers the previous row's hash followed by the row's canonical content
 * (every column, each length-prefixed so no two rows can encode alike):
 *
 * <ul>
 *   <li>from row {@code audit_head.keyed_from} on, as HMAC-SHA256 under the audit key, which is
 *       kept outside the database (like the secret key): someone who can write the database but
 *       not read that key cannot compute a row's hash, so an edit cannot be covered by recomputing
 *       the chain (issue #19, finding 9);</li>
 *   <li>before it (rows written before the database was upgraded, migration V45), as plain
 *       SHA-256; such rows are protected by the first keyed row, which chains on the last of them,
 *       or, while there is none, by the head's seal.</li>
 * </ul>
 *
 * <p>The head ({@code audit_head}: last id, last hash, {@code keyed_from}) is sealed with an HMAC
 * too, so the boundary cannot be moved to make keyed rows look like unkeyed ones, and the head
 * cannot be pointed at another end. Anchors ({@link AuditAnchors}) copy the head outside the
 * database, so rows cut off the end together with a rolled-back head show as well.
 */
public final class AuditChain {

    /** The "previous hash" of the first row. */
    public static final String GENESIS = "0".repeat(64);

    /** Written as the head's seal when an append found the seal already broken: it never verifies again. */
    static final String BROKEN_SEAL = "broken";

    private AuditChain() {
    }

    /** The audit key (32 bytes): HMAC-SHA256 of keyed rows and of the head. */
    public static final class Key {
        private final SecretKeySpec spec;

        public Key(byte[] key) {
            if (key.length != 32) {
                throw new IllegalArgumentException("the audit key must be 32 bytes (base64 of 32 random bytes), not " + key.length);
            }
            this.spec = new SecretKeySpec(key.clone(), "HmacSHA256");
        }

        String mac(String... parts) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(spec);
                for (String p : parts) {
                    mac.update(p.getBytes(StandardCharsets.UTF_8));
                }
                return HexFormat.of().formatHex(mac.doFinal());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The seal of a head: its last row, that row's hash and the first keyed row. */
        String seal(long lastId, String lastHash, long keyedFrom) {
            return mac("audit_head\n", Long.toString(lastId), "\n", lastHash, "\n", Long.toString(keyedFrom));
        }
    }

    /** One stored row, as the chain sees it. */
    public record Row(long id, String at, String actor, String action, String entity, String key,
                      String before, String after, String prevHash, String hash) {
    }

    /** Why the log does not fit the chain. */
    public enum Break {
        /** An id is missing: a row was deleted. */
        MISSING_ROW,
        /** The row does not point at the hash of the row before it. */
        PREVIOUS_HASH,
        /** The row's content does not match its own hash: it was edited. */
        EDITED,
        /** The log ends before (or after) the row the head record names: rows were cut off or rewritten. */
        HEAD_MISMATCH,
        /** The head's seal does not match: the head or the keyed boundary was rewritten (or the key is another log's). */
        HEAD_SEAL,
        /** A row's hash differs from the one anchored outside the database, or an anchored row is gone. */
        ANCHOR
    }

    /**
     * The first place the log does not fit the chain, and why; or the number of rows checked.
     *
     * @param keyedFrom the first row whose hash is keyed, null for a log the keyed chain never reached (not migrated)
     * @param anchors   how many anchors were compared
     */
    public record Result(long rows, Optional<Long> brokenRow, Break kind, String reason, Long keyedFrom, int anchors) {
        public boolean ok() {
            return brokenRow.isEmpty() && kind == null;
        }
    }

    /** The log is keyed but no key was given: nothing can be said about it. */
    public static final class KeyMissingException extends Exception {
        private static final long serialVersionUID = 1L;
        private final long keyedFrom;

        KeyMissingException(long keyedFrom) {
            super("the audit log is keyed from row " + keyedFrom + " but no audit key was given");
            this.keyedFrom = keyedFrom;
        }

        public long keyedFrom() {
            return keyedFrom;
        }
    }

    /** The head record. {@code keyed} is false for a database before migration V45 (no such columns). */
    record Head(long lastId, String lastHash, Long keyedFrom, String seal, boolean keyed) {

        boolean sealedBy(Key key) {
            return keyedFrom != null && seal != null && key.seal(lastId, lastHash, keyedFrom).equals(seal);
        }
    }

    static String canonical(long id, String at, String actor, String action, String entity, String key,
                            String before, String after) {
        StringBuilder sb = new StringBuilder(256);
        for (String field : new String[] {Long.toString(id), at, actor, action, entity, key, before, after}) {
            if (field == null) {
                sb.append("-1:");
            } else {
                sb.append(field.length()).append(':').append(field);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The unkeyed hash of the rows before {@code keyed_from}: SHA-256(previous hash, canonical content). */
    public static String hash(String prevHash, String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prevHash.getBytes(StandardCharsets.US_ASCII));
            sha.update(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keyed hash: HMAC-SHA256 under the audit key of (previous hash, canonical content). */
    static String keyedHash(Key key, String prevHash, String canonical) {
        return key.mac(prevHash, canonical);
    }

    static String hashOf(Row r, Key key, boolean keyed) {
        String canonical = canonical(r.id(), r.at(), r.actor(), r.action(), r.entity(), r.key(), r.before(), r.after());
        return keyed ? keyedHash(key, r.prevHash(), canonical) : hash(r.prevHash(), canonical);
    }

    /** The instant as stored in the canonical content: UTC, millisecond precision. */
    static String instantText(OffsetDateTime t) {
        return t.toInstant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
    }

    static Head head(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_id, last_hash, keyed_from, head_mac FROM audit_head WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            long kf = rs.getLong(3);
            return new Head(rs.getLong(1), rs.getString(2), rs.wasNull() ? null : kf, rs.getString(4), true);
        } catch (SQLException e) {
            if (hasColumn(c, "keyed_from")) {
                throw e;
            }
        }
        // A database the server has not upgraded yet (before V45): the unkeyed chain only.
        try (PreparedStatement ps = c.prepareStatement("SELECT last_id, last_hash FROM audit_head WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new Head(rs.getLong(1), rs.getString(2), null, null, false) : null;
        }
    }

    private static boolean hasColumn(Connection c, String column) throws SQLException {
        for (String table : new String[] {"audit_head", "AUDIT_HEAD"}) {
            for (String col : new String[] {column, column.toUpperCase(java.util.Locale.ROOT)}) {
                try (ResultSet rs = c.getMetaData().getColumns(null, null, table, col)) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Checks the whole log, reading rows in id order: each row's link and hash (keyed from
     * {@code keyed_from} on), the head against the last row and its seal, and every anchor.
     *
     * @param key     the audit key; may be null only for a log that is not keyed
     * @param anchors the anchors written outside the database (may be empty)
     * @throws KeyMissingException when the log is keyed and {@code key} is null
     */
    public static Result verify(Connection c, Key key, List<AuditAnchors.Anchor> anchors) throws SQLException, KeyMissingException {
        Head head = head(c);
        Long keyedFrom = head == null ? null : head.keyedFrom();
        if (keyedFrom != null && key == null) {
            throw new KeyMissingException(keyedFrom);
        }
        Map<Long, AuditAnchors.Anchor> anchored = new HashMap<>();
        long lastAnchored = 0;
        AuditAnchors.Anchor furthest = null;
        for (AuditAnchors.Anchor a : anchors) {
            if (a.id() > 0) {
                anchored.put(a.id(), a);
                if (a.id() > lastAnchored) {
                    lastAnchored = a.id();
                    furthest = a;
                }
            }
        }
        int n = anchored.size();
        long expectedId = 1;
        String prev = GENESIS;
        long rows = 0;
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, at, actor, action, entity, entity_key, before_json, after_json, prev_hash, hash
                FROM audit_log ORDER BY id""")) {
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row r = new Row(rs.getLong(1), instantText(rs.getObject(2, OffsetDateTime.class)), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getString(10));
                    if (r.id() != expectedId) {
                        return broken(rows, r.id(), Break.MISSING_ROW, "row " + expectedId + " is missing", keyedFrom, n);
                    }
                    if (!r.prevHash().equals(prev)) {
                        return broken(rows, r.id(), Break.PREVIOUS_HASH, "previous hash does not match row " + (r.id() - 1), keyedFrom, n);
                    }
                    boolean keyed = keyedFrom != null && r.id() >= keyedFrom;
                    if (!hashOf(r, key, keyed).equals(r.hash())) {
                        return broken(rows, r.id(), Break.EDITED, "content does not match its hash (edited)", keyedFrom, n);
                    }
                    AuditAnchors.Anchor a = anchored.get(r.id());
                    if (a != null && !a.hash().equals(r.hash())) {
                        return broken(rows, r.id(), Break.ANCHOR, "hash differs from the one anchored at " + a.at(), keyedFrom, n);
                    }
                    prev = r.hash();
                    expectedId++;
                    rows++;
                }
            }
        }
        if (head != null) {
            if (head.lastId() != rows || !head.lastHash().equals(prev)) {
                long first = Math.min(head.lastId(), rows) + 1;
                return broken(rows, first, Break.HEAD_MISMATCH, "the log ends at row " + rows
                        + " but the head record says " + head.lastId() + " (rows removed or rewritten)", keyedFrom, n);
            }
            if (key != null && head.keyed() && !head.sealedBy(key)) {
                return broken(rows, head.lastId(), Break.HEAD_SEAL, "the head's seal does not match (head or keyed boundary rewritten,"
                        + " or another log's key)", keyedFrom, n);
            }
        }
        if (lastAnchored > rows) {
            return broken(rows, rows + 1, Break.ANCHOR, "the log ends at row " + rows + " but row " + lastAnchored
                    + " was anchored at " + furthest.at() + " (rows removed)", keyedFrom, n);
        }
        return new Result(rows, Optional.empty(), null, null, keyedFrom, n);
    }

    private static Result broken(long rows, long row, Break kind, String reason, Long keyedFrom, int anchors) {
        return new Result(rows, Optional.of(row), kind, reason, keyedFrom, anchors);
    }

    /** The anchor for the log's current head. */
    static AuditAnchors.Anchor anchorOf(Head head, Instant at) {
        return new AuditAnchors.Anchor(at, head.lastId(), head.lastHash());
    }
}
