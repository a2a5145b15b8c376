package id.padu.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs on every request that comes with a logged-in session, right after the session's
 * security context is loaded. The session ends, and the request goes on as anonymous (pages:
 * redirect to the login, API: 401), when the account was deleted, disabled, or had its role,
 * agency or password changed since the login ({@link UserAccounts#currentStamp}), or when the
 * session is older than {@code padu.session.max-lifetime} however busy it was: the idle timeout
 * alone lets a session that is used every few hours live for ever.
 */
class SessionGuard extends OncePerRequestFilter {

    /** When the session logged in (epoch millis of {@link #clock}); set by {@link #loggedIn}. */
    static final String LOGGED_IN_AT = SessionGuard.class.getName() + ".loggedInAt";

    private final UserAccounts accounts;
    private final Duration maxLifetime;
    private final Clock clock;

    SessionGuard(UserAccounts accounts, Duration maxLifetime, Clock clock) {
        this.accounts = accounts;
        this.maxLifetime = maxLifetime;
        this.clock = clock;
    }

    /** Called at a successful form login: the absolute lifetime counts from here. */
    void loggedIn(HttpServletRequest request) {
        request.getSession().setAttribute(LOGGED_IN_AT, clock.millis());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        // Only session logins carry an AccountDetails from an earlier request; Basic and Bearer
        // load the account afresh on each call, after this filter.
        if (session != null && auth != null && auth.getPrincipal() instanceof AccountDetails user
                && (tooOld(session) || !accounts.currentStamp(user.getUsername()).equals(Optional.of(user.stamp())))) {
            session.invalidate();
            SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
        }
        chain.doFilter(request, response);
    }

    private boolean tooOld(HttpSession session) {
        long since = session.getAttribute(LOGGED_IN_AT) instanceof Long at ? at : session.getCreationTime();
        return clock.millis() - since >= maxLifetime.toMillis();
    }
}
