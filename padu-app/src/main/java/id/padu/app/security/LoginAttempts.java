package id.padu.app.security;

import id.padu.app.audit.AuditableChange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Login throttling that slows a guesser without locking the guessed user out (issue 19), stored
 * in {@code login_throttle} so that a restart changes nothing. Three counters per failed login:
 * <ol>
 * <li><b>This username from this address</b>: the first {@code padu.login.free-failures} (3) are
 *     free; each further one makes that pair wait, {@code padu.login.delay} (30 s) doubled per
 *     failure up to {@code padu.login.max-delay} (15 min). The count starts over at a successful
 *     login, or after {@code padu.login.window} (1 h) without a failure. Nobody else is slowed:
 *     the same user from an address that did not fail logs in.</li>
 * <li><b>This username from every address</b>: {@code padu.login.max-failures-per-user} (100)
 *     failures within {@code padu.login.window} lock the username for everyone for
 *     {@code padu.login.lockout} (15 min), then counting starts over. Only a guesser with many
 *     addresses gets there, each of them slowed by its own delays.</li>
 * <li><b>This address for every username</b> (one address trying many names):
 *     {@code padu.login.max-failures-per-address} (100) failures within the window refuse that
 *     address for the lockout time, except for usernames that logged in from it in the last 30
 *     days: an office behind one NAT address keeps working.</li>
 * </ol>
 * A refused attempt is refused before its password is checked, so it teaches nothing, and it is
 * neither counted nor audited (it costs no bcrypt, so recording it would let anyone fill the
 * database). Failed logins and lockouts are audited ({@code login.failure}, {@code login.lockout}),
 * as are form logins ({@code login.success}, from {@link SecurityConfig}); an API call with Basic
 * credentials is a use of the API, not a login, and only its failures are audited. The address is
 * the one Spring sees, the real client behind a reverse proxy when
 * {@code server.forward-headers-strategy} is set.
 */
@Component
class LoginAttempts {

    /** A successful login makes its address a known one for that username for this long. */
    static final Duration KNOWN_ADDRESS = Duration.ofDays(30);

    /** The username or address column of a counter over every username or every address. */
    static final String EVERY = "*";

    private static final Pattern ACCOUNT_NAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

    /** Why an attempt is refused before its password is checked, and until when. */
    record Refusal(String reason, Instant until) {
    }

    private record Row(int failures, Instant firstFailureAt, Instant lastFailureAt, Instant lockedUntil,
                       Instant succeededAt) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int freeFailures;
    private final Duration delay;
    private final Duration maxDelay;
    private final int maxFailuresPerUser;
    private final int maxFailuresPerAddress;
    private final Duration window;
    private final Duration lockout;

    @Autowired
    LoginAttempts(JdbcClient jdbc, PlatformTransactionManager transactions, ApplicationEventPublisher events,
                  ObjectProvider<Clock> clock,
                  @Value("${padu.login.free-failures:3}") int freeFailures,
                  @Value("${padu.login.delay:PT30S}") Duration delay,
                  @Value("${padu.login.max-delay:PT15M}") Duration maxDelay,
                  @Value("${padu.login.max-failures-per-user:100}") int maxFailuresPerUser,
                  @Value("${padu.login.max-failures-per-address:100}") int maxFailuresPerAddress,
                  @Value("${padu.login.window:PT1H}") Duration window,
                  @Value("${padu.login.lockout:PT15M}") Duration lockout) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.freeFailures = freeFailures;
        this.delay = delay;
        this.maxDelay = maxDelay;
        this.maxFailuresPerUser = maxFailuresPerUser;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.window = window;
        this.lockout = lockout;
    }

    /** The username as counted: lower case (so that case does not dodge a count), or one bucket for names no account can have. */
    static String userKey(String username) {
        return username != null && ACCOUNT_NAME.matcher(username).matches() ? username.toLowerCase(Locale.ROOT) : "(invalid)";
    }

    static String addressKey(String address) {
        if (address == null || address.isBlank()) {
            return "(unknown)";
        }
        return address.length() > 64 ? address.substring(0, 64) : address;
    }

    /** Present when an attempt of {@code username} from {@code address} is refused without looking at its password. */
    Optional<Refusal> refusal(String username, String address) {
        Instant now = clock.instant();
        String user = userKey(username);
        String from = addressKey(address);
        Optional<Row> pair = row(user, from);
        if (pair.isPresent() && pair.get().lockedAt(now)) {
            return Optional.of(new Refusal("delay", pair.get().lockedUntil()));
        }
        Optional<Row> everyAddress = row(user, EVERY);
        if (everyAddress.isPresent() && everyAddress.get().lockedAt(now)) {
            return Optional.of(new Refusal("username", everyAddress.get().lockedUntil()));
        }
        Optional<Row> everyUser = row(EVERY, from);
        boolean known = pair.map(Row::succeededAt).filter(at -> at.isAfter(now.minus(KNOWN_ADDRESS))).isPresent();
        if (everyUser.isPresent() && everyUser.get().lockedAt(now) && !known) {
            return Optional.of(new Refusal("address", everyUser.get().lockedUntil()));
        }
        return Optional.empty();
    }

    /** A wrong password (or unknown username): counts it three ways, sets delays and lockouts, audits. */
    void failed(String username, String address) {
        String user = userKey(username);
        String from = addressKey(address);
        // The rows first, each in a transaction of its own: a duplicate insert by a concurrent
        // failure is harmless there, and would abort the counting transaction on PostgreSQL.
        ensureRow(user, from);
        ensureRow(user, EVERY);
        ensureRow(EVERY, from);
        tx.executeWithoutResult(status -> {
            Instant now = clock.instant();
            // Always pair, then username, then address: two failures never wait on each other in a circle.
            Row pair = lock(user, from);
            int inARow = pair.lastFailureAt() != null && pair.lastFailureAt().isAfter(now.minus(window)) ? pair.failures() + 1 : 1;
            Instant waitUntil = inARow > freeFailures ? now.plus(delayAfter(inARow)) : null;
            update(user, from, new Row(inARow, inARow == 1 ? now : pair.firstFailureAt(), now, waitUntil, pair.succeededAt()));

            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("username", username == null || username.length() <= 100 ? username : username.substring(0, 100));
            failure.put("address", from);
            failure.put("failuresFromAddress", inARow);
            failure.put("refusedUntil", waitUntil == null ? null : waitUntil.toString());
            events.publishEvent(new AuditableChange("login.failure", "login", user, null, failure, "anonymous"));

            count(user, EVERY, maxFailuresPerUser, now, "username");
            count(EVERY, from, maxFailuresPerAddress, now, "address");
        });
    }

    /** The wait after the {@code n}th failure in a row: {@code delay}, doubled per further failure, at most {@code maxDelay}. */
    Duration delayAfter(int n) {
        int doublings = Math.min(n - freeFailures - 1, 40);
        Duration d = delay;
        for (int i = 0; i < doublings && d.compareTo(maxDelay) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }

    /** One of the counters over many: {@code limit} failures within the window lock it, and it starts over. */
    private void count(String user, String from, int limit, Instant now, String scope) {
        Row r = lock(user, from);
        boolean fresh = r.firstFailureAt() == null || !r.firstFailureAt().isAfter(now.minus(window));
        int failures = fresh ? 1 : r.failures() + 1;
        Instant first = fresh ? now : r.firstFailureAt();
        if (failures >= limit) {
            Instant until = now.plus(lockout);
            update(user, from, new Row(0, null, now, until, r.succeededAt()));
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("scope", scope);
            after.put(scope, EVERY.equals(user) ? from : user);
            after.put("failures", failures);
            after.put("window", window.toString());
            after.put("lockedUntil", until.toString());
            events.publishEvent(new AuditableChange("login.lockout", "login", EVERY.equals(user) ? from : user,
                    null, after, "system"));
        } else {
            update(user, from, new Row(failures, first, now, r.lockedUntil(), r.succeededAt()));
        }
    }

    /**
     * The right password: this username and address start over and the address becomes a known
     * one for the username. Written only when something changes (not on every Basic API call).
     */
    void succeeded(String username, String address) {
        Instant now = clock.instant();
        String user = userKey(username);
        String from = addressKey(address);
        Optional<Row> pair = row(user, from);
        if (pair.isPresent() && pair.get().failures() == 0 && pair.get().succeededAt() != null
                && pair.get().succeededAt().isAfter(now.minus(Duration.ofDays(1)))) {
            return;
        }
        ensureRow(user, from);
        jdbc.sql("""
                UPDATE login_throttle SET failures = 0, first_failure_at = NULL, last_failure_at = NULL,
                       locked_until = NULL, succeeded_at = ? WHERE username = ? AND address = ?""")
                .params(time(now), user, from).update();
    }

    /** A login through the form (a session begins): audited as {@code login.success}. */
    void loggedIn(String username, String address) {
        tx.executeWithoutResult(status -> events.publishEvent(new AuditableChange("login.success", "login",
                userKey(username), null, Map.of("address", addressKey(address)), username)));
    }

    /** The admin reset: the username's delays and lockout end (its known addresses stay known). */
    void unlock(String username) {
        String user = userKey(username);
        jdbc.sql("DELETE FROM login_throttle WHERE username = ? AND succeeded_at IS NULL").param(user).update();
        jdbc.sql("""
                UPDATE login_throttle SET failures = 0, first_failure_at = NULL, last_failure_at = NULL, locked_until = NULL
                WHERE username = ?""").param(user).update();
    }

    /** Forgets rows that hold nothing any more: no lock, no failure within the window, no recent login. */
    @Scheduled(initialDelayString = "${padu.login.purge-interval:PT1H}", fixedDelayString = "${padu.login.purge-interval:PT1H}")
    void purge() {
        Instant now = clock.instant();
        jdbc.sql("""
                DELETE FROM login_throttle
                WHERE (locked_until IS NULL OR locked_until <= ?)
                  AND (last_failure_at IS NULL OR last_failure_at <= ?)
                  AND (succeeded_at IS NULL OR succeeded_at <= ?)""")
                .params(time(now), time(now.minus(window)), time(now.minus(KNOWN_ADDRESS))).update();
    }

    private Optional<Row> row(String user, String from) {
        return jdbc.sql("SELECT failures, first_failure_at, last_failure_at, locked_until, succeeded_at FROM login_throttle "
                        + "WHERE username = ? AND address = ?")
                .params(user, from).query((rs, n) -> new Row(rs.getInt(1), instant(rs.getObject(2, OffsetDateTime.class)),
                        instant(rs.getObject(3, OffsetDateTime.class)), instant(rs.getObject(4, OffsetDateTime.class)),
                        instant(rs.getObject(5, OffsetDateTime.class))))
                .optional();
    }

    private Row lock(String user, String from) {
        return jdbc.sql("SELECT failures, first_failure_at, last_failure_at, locked_until, succeeded_at FROM login_throttle "
                        + "WHERE username = ? AND address = ? FOR UPDATE")
                .params(user, from).query((rs, n) -> new Row(rs.getInt(1), instant(rs.getObject(2, OffsetDateTime.class)),
                        instant(rs.getObject(3, OffsetDateTime.class)), instant(rs.getObject(4, OffsetDateTime.class)),
                        instant(rs.getObject(5, OffsetDateTime.class))))
                .single();
    }

    private void update(String user, String from, Row r) {
        jdbc.sql("""
                UPDATE login_throttle SET failures = ?, first_failure_at = ?, last_failure_at = ?, locked_until = ?,
                       succeeded_at = ? WHERE username = ? AND address = ?""")
                .params(r.failures(), time(r.firstFailureAt()), time(r.lastFailureAt()), time(r.lockedUntil()),
                        time(r.succeededAt()), user, from)
                .update();
    }

    private void ensureRow(String user, String from) {
        if (row(user, from).isPresent()) {
            return;
        }
        try {
            tx.executeWithoutResult(status -> jdbc.sql("INSERT INTO login_throttle (username, address, failures) VALUES (?, ?, 0)")
                    .params(user, from).update());
        } catch (DuplicateKeyException e) {
            // a concurrent failure made it first: the row is there, which is all that was wanted
        }
    }

    private static OffsetDateTime time(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
