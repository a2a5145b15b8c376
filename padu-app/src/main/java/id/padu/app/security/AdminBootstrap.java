package id.padu.app.security;

import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * No default password: on the first start with no accounts, {@code admin} (ADMIN) is created
 * with {@code PADU_ADMIN_PASSWORD}, or with a random password that is printed to the log this
 * one time only. Then the address to open is logged.
 */
@Component
class AdminBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final UserAccounts accounts;
    private final Environment env;
    private final String configuredPassword;

    AdminBootstrap(UserAccounts accounts, Environment env,
                   @Value("${PADU_ADMIN_PASSWORD:${padu.admin-password:}}") String configuredPassword) {
        this.accounts = accounts;
        this.env = env;
        this.configuredPassword = configuredPassword;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureAdmin() {
        String url = "http://localhost:" + env.getProperty("local.server.port", env.getProperty("server.port", "8080")) + "/";
        if (accounts.count() > 0) {
            log.info("Padu siap / ready: {}", url);
            return;
        }
        if (configuredPassword != null && !configuredPassword.isBlank()) {
            if (!PasswordPolicy.problems("admin", configuredPassword).isEmpty()) {
                log.warn("PADU_ADMIN_PASSWORD does not meet the password policy ({}); change it after logging in",
                        String.join("; ", PasswordPolicy.problems("admin", configuredPassword)));
            }
            accounts.create("admin", configuredPassword, Role.ADMIN, null, false);
            log.warn("Padu siap / ready: {}  login: admin, password from PADU_ADMIN_PASSWORD", url);
            return;
        }
        String password = randomPassword();
        accounts.create("admin", password, Role.ADMIN, null);
        log.warn("Padu siap / ready: {}  login: admin  password: {}  (shown only this once / hanya ditampilkan sekali)",
                url, password);
    }

    static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
