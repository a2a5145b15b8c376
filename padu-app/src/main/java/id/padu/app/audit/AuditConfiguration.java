package id.padu.app.audit;

import id.padu.app.shared.KeyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The audit key: {@code PADU_AUDIT_KEY} (base64 of 32 bytes) or the file {@code padu.audit.key-file}
 * (default {@code <data-dir>/audit.key}, created 0600 on the first start), apart from the secret
 * key so that an auditor can be given it to run {@code padu audit verify} without being able to
 * decrypt stored credentials. Scheduling is for the anchors ({@link AuditAnchoring}).
 */
@Configuration
@EnableScheduling
class AuditConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

    @Bean
    AuditChain.Key auditKey(@Value("${PADU_AUDIT_KEY:}") String env,
                            @Value("${padu.audit.key-file:${padu.data-dir}/audit.key}") Path file) {
        try {
            return new AuditChain.Key(KeyFiles.fromEnvOrFile(env, file, () -> log.warn(
                    "New audit key created in {} (mode 0600): back it up apart from the database; without it"
                            + " the audit log's keyed rows cannot be verified", file)));
        } catch (IOException e) {
            throw new UncheckedIOException("audit key file " + file, e);
        }
    }
}
