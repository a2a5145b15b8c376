package id.padu.app.secrets;

import id.padu.app.audit.AuditableChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credentials at rest (SNMP communities, SNMPv3 auth/priv keys, router passwords...): stored in
 * {@code app_secret} encrypted with AES-GCM under the server's key, which comes from
 * {@code PADU_SECRET_KEY} (base64 of 32 bytes) or from {@code padu.secret-key-file} (default
 * {@code <data-dir>/secret.key}, created with mode 0600 on the first start). Other modules keep
 * only a secret's name (e.g. {@code snmp.community.RSUD}) and ask here for the value when they
 * need it; nothing here ever goes to a page or an API answer.
 */
@Service
public class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final SecretCipher cipher;

    SecretBox(JdbcClient jdbc, ApplicationEventPublisher events,
              @Value("${PADU_SECRET_KEY:}") String envKey,
              @Value("${padu.secret-key-file:${padu.data-dir}/secret.key}") Path keyFile) {
        this.jdbc = jdbc;
        this.events = events;
        this.cipher = envKey.isBlank() ? fromFile(keyFile) : SecretCipher.ofBase64(envKey);
    }

    private static SecretCipher fromFile(Path keyFile) {
        try {
            if (!Files.exists(keyFile)) {
                SecretCipher.writeKeyFile(keyFile, SecretCipher.newKey());
                log.warn("New secret key created in {} (mode 0600): back it up; without it stored credentials are lost", keyFile);
            }
            return new SecretCipher(SecretCipher.readKeyFile(keyFile));
        } catch (IOException e) {
            throw new UncheckedIOException("secret key file " + keyFile, e);
        }
    }

    /** A secret's name and when it was last set: all that is ever shown. */
    public record SecretInfo(String name, Instant updatedAt) {
    }

    @Transactional
    public void put(String name, String value) {
        boolean existed = jdbc.sql("SELECT COUNT(*) FROM app_secret WHERE name = ?").param(name).query(Long.class).single() > 0;
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        String ct = cipher.encrypt(name, value);
        if (existed) {
            jdbc.sql("UPDATE app_secret SET ciphertext = ?, updated_at = ? WHERE name = ?").params(ct, now, name).update();
        } else {
            jdbc.sql("INSERT INTO app_secret (name, ciphertext, updated_at) VALUES (?, ?, ?)").params(name, ct, now).update();
        }
        // The audit log learns that a secret changed, never its value.
        events.publishEvent(new AuditableChange(existed ? "secret.update" : "secret.create", "secret", name,
                existed ? marker(name) : null, marker(name)));
    }

    private static Map<String, Object> marker(String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("value", "(encrypted)");
        return m;
    }

    @Transactional(readOnly = true)
    public Optional<String> get(String name) {
        return jdbc.sql("SELECT ciphertext FROM app_secret WHERE name = ?").param(name).query(String.class).optional()
                .map(ct -> cipher.decrypt(name, ct));
    }

    @Transactional
    public boolean delete(String name) {
        boolean deleted = jdbc.sql("DELETE FROM app_secret WHERE name = ?").param(name).update() > 0;
        if (deleted) {
            events.publishEvent(new AuditableChange("secret.delete", "secret", name, marker(name), null));
        }
        return deleted;
    }

    @Transactional(readOnly = true)
    public List<SecretInfo> list() {
        return jdbc.sql("SELECT name, updated_at FROM app_secret ORDER BY name")
                .query((rs, n) -> new SecretInfo(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Encrypts a value kept elsewhere (bound to {@code name}); for modules with their own tables. */
    public String encrypt(String name, String value) {
        return cipher.encrypt(name, value);
    }

    public String decrypt(String name, String ciphertext) {
        return cipher.decrypt(name, ciphertext);
    }
}
