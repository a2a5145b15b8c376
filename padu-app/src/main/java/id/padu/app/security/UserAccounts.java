package id.padu.app.security;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The accounts in {@code app_user}; passwords only ever stored as bcrypt hashes. */
@Service
public class UserAccounts implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    UserAccounts(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
    }

    public List<UserAccount> all() {
        return jdbc.sql("SELECT id, username, role, agency_code, enabled, created_at FROM app_user ORDER BY username")
                .query((rs, n) -> new UserAccount(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getBoolean(5), rs.getObject(6, OffsetDateTime.class).toInstant()))
                .list();
    }

    public Optional<UserAccount> find(String username) {
        return all().stream().filter(u -> u.username().equals(username)).findFirst();
    }

    /** Creates an account; {@code agencyCode} is required for, and only for, agency operators. */
    @Transactional
    public void create(String username, String rawPassword, Role role, String agencyCode) {
        if ((role == Role.AGENCY_OPERATOR) != (agencyCode != null)) {
            throw new IllegalArgumentException("an agency operator, and only an operator, is bound to an agency");
        }
        if (rawPassword == null || rawPassword.isBlank()) {
            throw new IllegalArgumentException("empty password");
        }
        jdbc.sql("""
                INSERT INTO app_user (username, password_hash, role, agency_code, enabled, created_at)
                VALUES (?, ?, ?, ?, TRUE, ?)""")
                .params(username, encoder.encode(rawPassword), role.name(), agencyCode,
                        OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .update();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("SELECT username, password_hash, role, enabled FROM app_user WHERE username = ?")
                .param(username)
                .query((rs, n) -> User.withUsername(rs.getString(1))
                        .password(rs.getString(2))
                        .authorities(new SimpleGrantedAuthority("ROLE_" + rs.getString(3)))
                        .disabled(!rs.getBoolean(4))
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }
}
