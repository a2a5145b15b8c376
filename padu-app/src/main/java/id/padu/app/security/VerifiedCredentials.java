package id.padu.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Remembers, briefly, that a user name and password were verified, so that HTTP Basic (sent with
 * every request) costs one bcrypt per credential and {@code ttl} instead of one per request (issue
 * #19: 15 requests/s and a p99 of 1.9 s on pages). The key is a SHA-256 of the user name, the
 * password and the account's id and credentials version, so no password is kept, and a password
 * reset, a change of role or agency, or a deletion makes every remembered entry of the account
 * unreachable at once. Bounded: at most {@code maxEntries}, the least recently used go first; an
 * entry lives {@code ttl} from its verification however often it is used. A wrong password is
 * never remembered: it always goes to the real check. It sits inside the lockout
 * ({@link ThrottledAuthenticationProvider}), which refuses a locked name or address first and
 * counts successes and failures as before.
 */
final class VerifiedCredentials implements AuthenticationProvider {

    private record Entry(Authentication result, long expiresAtMillis) {
    }

    private final AuthenticationProvider delegate;
    private final Function<String, Optional<AccountDetails.Stamp>> stamps;
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;
    private final Map<String, Entry> entries;
    private long verifications;

    VerifiedCredentials(AuthenticationProvider delegate, Function<String, Optional<AccountDetails.Stamp>> stamps,
                        Duration ttl, int maxEntries, Clock clock) {
        this.delegate = delegate;
        this.stamps = stamps;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > VerifiedCredentials.this.maxEntries;
            }
        };
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (ttl.isZero() || !(authentication instanceof UsernamePasswordAuthenticationToken)
                || !(authentication.getCredentials() instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        Optional<AccountDetails.Stamp> stamp = stamps.apply(authentication.getName());
        if (stamp.isEmpty()) {
            return delegate.authenticate(authentication); // no such (enabled) account: the real check answers
        }
        String key = key(authentication.getName(), password, stamp.get());
        long now = clock.millis();
        synchronized (entries) {
            Entry e = entries.get(key);
            if (e != null && now < e.expiresAtMillis()) {
                // this request's own details (its address), the verified principal and rights
                UsernamePasswordAuthenticationToken hit = UsernamePasswordAuthenticationToken.authenticated(
                        e.result().getPrincipal(), null, e.result().getAuthorities());
                hit.setDetails(authentication.getDetails());
                return hit;
            }
            if (e != null) {
                entries.remove(key);
            }
        }
        Authentication result = delegate.authenticate(authentication);
        if (result == null) {
            return null;
        }
        synchronized (entries) {
            verifications++;
            if (result.getPrincipal() instanceof AccountDetails d && d.stamp().equals(stamp.get())) {
                entries.put(key, new Entry(result, now + ttl.toMillis()));
            }
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    /** How many credentials were checked for real (not answered from memory), for tests. */
    long verifications() {
        synchronized (entries) {
            return verifications;
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private static String key(String username, String password, AccountDetails.Stamp stamp) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {username, password, Long.toString(stamp.id()), Long.toString(stamp.version())}) {
                byte[] b = part.getBytes(StandardCharsets.UTF_8);
                sha.update((b.length + ":").getBytes(StandardCharsets.US_ASCII));
                sha.update(b);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
