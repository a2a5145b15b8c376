package id.padu.app.security;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import id.padu.app.audit.AuditableChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
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
    private final ApplicationEventPublisher events;
    private final AgencyDirectory agencies;

    UserAccounts(JdbcClient jdbc, PasswordEncoder encoder, ApplicationEventPublisher events, AgencyDirectory agencies) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.events = events;
        this.agencies = agencies;
    }

    /** One input that is not acceptable, with the field it came in (the API answers 400 naming it). */
    public static final class InvalidField extends IllegalArgumentException {
        private final String field;
        private final String value;

        InvalidField(String field, String value, String message) {
            super(field + ": " + message);
            this.field = field;
            this.value = value;
        }

        public String field() {
            return field;
        }

        public String value() {
            return value;
        }
    }

    /** An operator's agency must be a stored one: a code nobody has binds to nothing (or to whoever takes it later). */
    private void requireAgency(String agencyCode) {
        if (agencyCode != null && !agencies.exists(agencyCode)) {
            throw new InvalidField("agency", agencyCode, "no agency with the code " + agencyCode);
        }
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
    }

    public List<UserAccount> all() {
        return jdbc.sql("SELECT id, username, role, agency_code, enabled, created_at, email FROM app_user ORDER BY username")
                .query((rs, n) -> new UserAccount(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getBoolean(5), rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7)))
                .list();
    }

    public Optional<UserAccount> find(String username) {
        return all().stream().filter(u -> u.username().equals(username)).findFirst();
    }

    /**
     * Creates an account; {@code agencyCode} is required for, and only for, agency operators. The
     * password must meet {@link PasswordPolicy}; an {@link IllegalArgumentException} names what is wrong.
     */
    @Transactional
    public void create(String username, String rawPassword, Role role, String agencyCode) {
        create(username, rawPassword, role, agencyCode, true);
    }

    /** For the first-start admin only: an operator-chosen PADU_ADMIN_PASSWORD is honoured with a warning. */
    void create(String username, String rawPassword, Role role, String agencyCode, boolean enforcePolicy) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{1,100}")) {
            throw new AccountProblem("username", "username: 1 to 100 letters, digits or . _ @ -");
        }
        if ((role == Role.AGENCY_OPERATOR) != (agencyCode != null)) {
            throw new AccountProblem("agency", "an agency operator, and only an operator, is bound to an agency");
        }
        requireAgency(agencyCode);
        if (enforcePolicy) {
            requirePolicy(username, rawPassword);
        } else if (rawPassword == null || rawPassword.isBlank()) {
            throw new AccountProblem("password", "empty password");
        }
        // Names differ by more than case: "Admin" beside "admin" would be two accounts that people
        // (and the audit log's readers) take for one (issue #19).
        Optional<String> taken = jdbc.sql("SELECT username FROM app_user WHERE LOWER(username) = LOWER(?)")
                .param(username).query(String.class).optional();
        if (taken.isPresent()) {
            throw new IllegalStateException("user " + taken.get() + " exists"
                    + (taken.get().equals(username) ? "" : " (user names are compared ignoring case)"));
        }
        jdbc.sql("""
                INSERT INTO app_user (username, password_hash, role, agency_code, enabled, created_at)
                VALUES (?, ?, ?, ?, TRUE, ?)""")
                .params(username, encoder.encode(rawPassword), role.name(), agencyCode,
                        OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .update();
        events.publishEvent(new AuditableChange("user.create", "user", username, null, describe(find(username).orElseThrow())));
    }

    private static void requirePolicy(String username, String rawPassword) {
        List<String> problems = PasswordPolicy.problems(username, rawPassword);
        if (!problems.isEmpty()) {
            throw new AccountProblem("password", String.join("; ", problems));
        }
    }

    /** What the audit log records of an account: never the password or its hash. */
    static Map<String, Object> describe(UserAccount u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", u.username());
        m.put("role", u.role().name());
        m.put("agency", u.agencyCode());
        m.put("enabled", u.enabled());
        m.put("email", u.email());
        return m;
    }

    /**
     * Changes role and agency, and the password when {@code rawPassword} is not null (the admin
     * reset). False when there is no such user.
     */
    @Transactional
    public boolean update(String username, String rawPassword, Role role, String agencyCode) {
        long admins = lockAdmins();
        Optional<UserAccount> before = find(username);
        if (before.isEmpty()) {
            return false;
        }
        if ((role == Role.AGENCY_OPERATOR) != (agencyCode != null)) {
            throw new AccountProblem("agency", "an agency operator, and only an operator, is bound to an agency");
        }
        if (before.get().role() != role || !Objects.equals(before.get().agencyCode(), agencyCode)) {
            requireAgency(agencyCode); // an unchanged binding is left alone, so a password can be reset
        }
        if (before.get().role() == Role.ADMIN && role != Role.ADMIN && admins <= 1) {
            throw new IllegalStateException("the last admin cannot lose the ADMIN role: make another user ADMIN first");
        }
        if (rawPassword != null) {
            requirePolicy(username, rawPassword);
            jdbc.sql("UPDATE app_user SET password_hash = ? WHERE username = ?").params(encoder.encode(rawPassword), username).update();
            // A reset password also ends the user's API tokens: whoever knew the old password may have made some.
            jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE username = ? AND revoked_at IS NULL")
                    .params(OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC), username).update();
        }
        // Open sessions hold the rights they logged in with; a new version ends them (SessionGuard).
        // An edit that leaves role, agency and password alone keeps them.
        boolean rightsChanged = rawPassword != null || before.get().role() != role
                || !Objects.equals(before.get().agencyCode(), agencyCode);
        jdbc.sql("UPDATE app_user SET role = ?, agency_code = ?, credentials_version = credentials_version + ? WHERE username = ?")
                .params(role.name(), agencyCode, rightsChanged ? 1 : 0, username).update();
        Map<String, Object> after = describe(find(username).orElseThrow());
        if (rawPassword != null) {
            after.put("passwordReset", true);
        }
        events.publishEvent(new AuditableChange("user.update", "user", username, describe(before.get()), after));
        return true;
    }

    /** The operators bound to {@code agencyCode}, by username. */
    public List<String> operatorsOf(String agencyCode) {
        return jdbc.sql("SELECT username FROM app_user WHERE agency_code = ? ORDER BY username").param(agencyCode)
                .query(String.class).list();
    }

    /**
     * Part of an agency's rename (the inventory calls it in its transaction): the agency's
     * operators are bound to the new code, and their sessions end (a session holds the agency it
     * logged in with, which another agency may take next). The number of accounts moved.
     */
    @Transactional
    public int renameAgency(String from, String to) {
        return jdbc.sql("UPDATE app_user SET agency_code = ?, credentials_version = credentials_version + 1 WHERE agency_code = ?")
                .params(to, from).update();
    }

    /** The agencies an operator may be bound to (for the users page). */
    public List<String> agencyCodes() {
        return agencies.codes();
    }

    /**
     * A user changes their own password: the current one must be given (a session left open on
     * another desk does not let anyone lock the owner out), the new one meets {@link PasswordPolicy}.
     * The credentials version goes up, so every other session of the account ends at its next
     * request; API tokens stay (the owner made them and can revoke them).
     *
     * @throws AccountProblem naming {@code currentPassword} or {@code newPassword}
     */
    @Transactional
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = ?").param(username)
                .query(String.class).optional().orElseThrow(() -> new UsernameNotFoundException(username));
        if (currentPassword == null || !encoder.matches(currentPassword, hash)) {
            throw new AccountProblem("currentPassword", "the current password is not right");
        }
        if (newPassword != null && newPassword.equals(currentPassword)) {
            throw new AccountProblem("newPassword", "the new password must differ from the current one");
        }
        List<String> problems = PasswordPolicy.problems(username, newPassword);
        if (!problems.isEmpty()) {
            throw new AccountProblem("newPassword", String.join("; ", problems));
        }
        jdbc.sql("UPDATE app_user SET password_hash = ?, credentials_version = credentials_version + 1 WHERE username = ?")
                .params(encoder.encode(newPassword), username).update();
        events.publishEvent(new AuditableChange("user.password", "user", username, Map.of("username", username),
                Map.of("username", username, "passwordChanged", true)));
    }

    /** Sets (or, with null, clears) the address notifications go to. */
    @Transactional
    public void setEmail(String username, String email) {
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new AccountProblem("email", "email: not an e-mail address");
        }
        jdbc.sql("UPDATE app_user SET email = ? WHERE username = ?").params(email, username).update();
    }

    /** Deletes an account (and its tokens); false when there is none. The last admin cannot be deleted. */
    @Transactional
    public boolean delete(String username) {
        long admins = lockAdmins();
        Optional<UserAccount> before = find(username);
        if (before.isEmpty()) {
            return false;
        }
        if (before.get().role() == Role.ADMIN && admins <= 1) {
            throw new IllegalStateException("the last admin cannot be deleted: make another user ADMIN first");
        }
        jdbc.sql("DELETE FROM api_token WHERE username = ?").param(username).update();
        jdbc.sql("DELETE FROM app_user WHERE username = ?").param(username).update();
        events.publishEvent(new AuditableChange("user.delete", "user", username, describe(before.get()), null));
        return true;
    }

    /**
     * The one rule that keeps an admin: every change that could take the ADMIN role away (a
     * deletion, a change of role) first locks all admin rows, in id order so that two such
     * changes never deadlock, and counts them under that lock. A second change waits for the
     * first to commit and then counts what is left: two admins deleting or demoting each other
     * at the same moment cannot both succeed. Plain {@code SELECT ... FOR UPDATE}: on H2 and on
     * PostgreSQL a waiting lock re-reads the row and skips it once it is no longer an admin.
     */
    private long lockAdmins() {
        return jdbc.sql("SELECT id FROM app_user WHERE role = 'ADMIN' ORDER BY id FOR UPDATE").query(Long.class).list().size();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("SELECT username, password_hash, role, enabled, agency_code, id, credentials_version FROM app_user WHERE username = ?")
                .param(username)
                .query((rs, n) -> {
                    List<GrantedAuthority> authorities = new ArrayList<>();
                    authorities.add(new SimpleGrantedAuthority("ROLE_" + rs.getString(3)));
                    if (rs.getString(5) != null) {
                        authorities.add(new SimpleGrantedAuthority(CurrentUser.AGENCY_PREFIX + rs.getString(5)));
                    }
                    return (UserDetails) new AccountDetails(rs.getString(1), rs.getString(2), rs.getBoolean(4), authorities,
                            new AccountDetails.Stamp(rs.getLong(6), rs.getLong(7)));
                })
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    /**
     * The account's id and credentials version now, if it exists and is enabled: a session whose
     * login had another one no longer speaks for this account.
     */
    Optional<AccountDetails.Stamp> currentStamp(String username) {
        return jdbc.sql("SELECT id, credentials_version FROM app_user WHERE username = ? AND enabled = TRUE")
                .param(username)
                .query((rs, n) -> new AccountDetails.Stamp(rs.getLong(1), rs.getLong(2)))
                .optional();
    }
}
