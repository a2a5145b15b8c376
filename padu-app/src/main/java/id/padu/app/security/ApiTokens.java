package id.padu.app.security;

import id.padu.app.audit.AuditableChange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: 32 random bytes (base64url, prefixed {@code padu_}), shown once at
 * creation; only their SHA-256 is stored, so a stolen database yields no usable token. A plain
 * hash (no bcrypt) is enough because the token has 256 bits of entropy, and it lets a request be
 * authenticated with one indexed lookup.
 */
@Service
class ApiTokens {

    static final String PREFIX = "padu_";
    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ApiTokens(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    record TokenInfo(long id, String name, Instant createdAt, Instant lastUsedAt, boolean revoked, Instant expiresAt,
                     boolean readOnly) {

        /** Whether the token has expired by {@code now}. */
        public boolean expired(Instant now) {
            return expiresAt != null && !now.isBefore(expiresAt);
        }
    }

    /** Who a valid token speaks for, and whether it may only read. */
    record Owner(String username, boolean readOnly) {
    }

    /** The longest a token may be given to live, in days (ten years); none: it lives until revoked. */
    static final int MAX_DAYS = 3650;

    record Created(long id, String name, String token) {
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    Created create(String username, String name) {
        return create(username, name, null, false);
    }

    /**
     * A new token; {@code expiresInDays} (1 to {@value #MAX_DAYS}, or null for none) counts from now,
     * {@code readOnly} limits it to reading.
     */
    @Transactional
    Created create(String username, String name, Integer expiresInDays, boolean readOnly) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        OffsetDateTime expires = expiresInDays == null ? null : now.plusDays(expiresInDays);
        jdbc.sql("INSERT INTO api_token (username, name, token_hash, created_at, expires_at, read_only) VALUES (?, ?, ?, ?, ?, ?)")
                .params(username, name, sha256(token), now, expires, readOnly).update();
        long id = jdbc.sql("SELECT id FROM api_token WHERE token_hash = ?").param(sha256(token)).query(Long.class).single();
        Map<String, Object> after = new java.util.LinkedHashMap<>();
        after.put("username", username);
        after.put("name", name);
        after.put("expiresAt", expires == null ? null : expires.toInstant().toString());
        after.put("readOnly", readOnly);
        events.publishEvent(new AuditableChange("token.create", "api_token", Long.toString(id), null, after));
        return new Created(id, name, token);
    }

    @Transactional(readOnly = true)
    List<TokenInfo> list(String username) {
        return jdbc.sql("""
                        SELECT id, name, created_at, last_used_at, revoked_at, expires_at, read_only
                        FROM api_token WHERE username = ? ORDER BY id""")
                .param(username)
                .query((rs, n) -> new TokenInfo(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject(4, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null),
                        rs.getObject(5, OffsetDateTime.class) != null,
                        Optional.ofNullable(rs.getObject(6, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null),
                        rs.getBoolean(7)))
                .list();
    }

    /** Revokes one of {@code username}'s tokens; false when there is no such token of theirs. */
    @Transactional
    boolean revoke(String username, long id) {
        int n = jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND username = ? AND revoked_at IS NULL")
                .params(OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC), id, username).update();
        if (n > 0) {
            events.publishEvent(new AuditableChange("token.revoke", "api_token", Long.toString(id),
                    Map.of("username", username, "revoked", false), Map.of("username", username, "revoked", true)));
        }
        return n > 0;
    }

    /** The owner of a valid token: known, not revoked, not expired. */
    @Transactional
    Optional<Owner> owner(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = sha256(token);
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        Optional<Owner> owner = jdbc.sql("""
                        SELECT username, read_only FROM api_token
                        WHERE token_hash = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)""")
                .params(hash, now).query((rs, n) -> new Owner(rs.getString(1), rs.getBoolean(2))).optional();
        owner.ifPresent(u -> jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE token_hash = ?").params(now, hash).update());
        return owner;
    }
}
