package id.padu.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Login throttling: after {@code padu.login.max-failures} (5) failed logins within
 * {@code padu.login.window} for one username, or {@code padu.login.max-failures-per-address} (20)
 * from one client address, further attempts for that
 * key are refused for {@code padu.login.lockout} (even with the right password), then the count
 * starts over. Kept in memory: a restart unlocks, which is acceptable for a single server and keeps
 * an attacker from filling the database. The address is the one Spring sees, which is the real
 * client behind a reverse proxy when {@code server.forward-headers-strategy} is set.
 */
@Component
class LoginAttempts {

    private final int maxFailures;
    private final int maxFailuresPerAddress;
    private final Duration window;
    private final Duration lockout;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> lockedUntil = new ConcurrentHashMap<>();

    @org.springframework.beans.factory.annotation.Autowired
    LoginAttempts(@Value("${padu.login.max-failures:5}") int maxFailures,
                  @Value("${padu.login.max-failures-per-address:20}") int maxFailuresPerAddress,
                  @Value("${padu.login.window:PT15M}") Duration window,
                  @Value("${padu.login.lockout:PT15M}") Duration lockout) {
        this(maxFailures, maxFailuresPerAddress, window, lockout, Clock.systemUTC());
    }

    LoginAttempts(int maxFailures, int maxFailuresPerAddress, Duration window, Duration lockout, Clock clock) {
        this.maxFailures = maxFailures;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.window = window;
        this.lockout = lockout;
        this.clock = clock;
    }

    static String userKey(String username) {
        return "user:" + (username == null ? "" : username.toLowerCase(java.util.Locale.ROOT));
    }

    static String addressKey(String address) {
        return "ip:" + address;
    }

    boolean isLocked(String key) {
        Instant until = lockedUntil.get(key);
        if (until == null) {
            return false;
        }
        if (clock.instant().isBefore(until)) {
            return true;
        }
        lockedUntil.remove(key, until);
        return false;
    }

    void failed(String key) {
        Instant now = clock.instant();
        Deque<Instant> q = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (q) {
            q.addLast(now);
            while (!q.isEmpty() && q.peekFirst().isBefore(now.minus(window))) {
                q.removeFirst();
            }
            // An office behind one NAT address shares it: the address limit is higher than the username's.
            if (q.size() >= (key.startsWith("ip:") ? maxFailuresPerAddress : maxFailures)) {
                lockedUntil.put(key, now.plus(lockout));
                q.clear();
            }
        }
    }

    void succeeded(String key) {
        failures.remove(key);
    }

    /** Admin action (and tests): lift a lockout now. */
    void unlock(String key) {
        failures.remove(key);
        lockedUntil.remove(key);
    }
}
