package id.padu.app.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The hash chain of {@code audit_log}, in plain Java and JDBC so that {@code padu audit verify}
 * needs no Spring: each row's hash is SHA-256 over the previous row's hash followed by the row's
 * canonical content (every column, each length-prefixed so no two rows can encode alike). Editing
 * a row changes its hash; deleting one leaves a gap in the ids; recomputing the hashes after an
 * edit breaks the link to the head record, which is kept apart in {@code audit_head}.
 */
public final class AuditChain {

    /** The "previous hash" of the first row. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** One stored row, as the chain sees it. */
    public record Row(long id, String at, String actor, String action, String entity, String key,
                      String before, String after, String prevHash, String hash) {
    }

    /** Why a row does not fit the chain. */
    public enum Break {
        /** An id is missing: a row was deleted. */
        MISSING_ROW,
        /** The row does not point at the hash of the row before it. */
        PREVIOUS_HASH,
        /** The row's content does not match its own hash: it was edited. */
        EDITED,
        /** The log ends before (or after) the row the head record names: rows were cut off or rewritten. */
        HEAD_MISMATCH
    }

    /** The first row that does not fit the chain, and why; or the number of rows checked. */
    public record Result(long rows, Optional<Long> brokenRow, Break kind, String reason) {
        public boolean ok() {
            return brokenRow.isEmpty() && kind == null;
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

    static String hashOf(Row r) {
        return hash(r.prevHash(), canonical(r.id(), r.at(), r.actor(), r.action(), r.entity(), r.key(), r.before(), r.after()));
    }

    /** The instant as stored in the canonical content: UTC, millisecond precision. */
    static String instantText(OffsetDateTime t) {
        return t.toInstant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
    }

    /** Checks the whole chain, reading rows in id order. */
    public static Result verify(Connection c) throws SQLException {
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
                        return new Result(rows, Optional.of(r.id()), Break.MISSING_ROW, "row " + expectedId + " is missing");
                    }
                    if (!r.prevHash().equals(prev)) {
                        return new Result(rows, Optional.of(r.id()), Break.PREVIOUS_HASH, "previous hash does not match row " + (r.id() - 1));
                    }
                    if (!hashOf(r).equals(r.hash())) {
                        return new Result(rows, Optional.of(r.id()), Break.EDITED, "content does not match its hash (edited)");
                    }
                    prev = r.hash();
                    expectedId++;
                    rows++;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT last_id, last_hash FROM audit_head WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                long lastId = rs.getLong(1);
                if (lastId != rows || !rs.getString(2).equals(prev)) {
                    long first = Math.min(lastId, rows) + 1;
                    return new Result(rows, Optional.of(first), Break.HEAD_MISMATCH, "the log ends at row " + rows
                            + " but the head record says " + lastId + " (rows removed or rewritten)");
                }
            }
        }
        return new Result(rows, Optional.empty(), null, null);
    }
}
