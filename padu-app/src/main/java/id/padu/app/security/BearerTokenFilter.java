package id.padu.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer padu_...}: an API token instead of HTTP Basic. Stateless (no
 * session), the owner's current role and agency apply; an unknown, revoked or expired token is a
 * 401, a read-only token's request that would change something a 403.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    /**
     * The login kept in the request, as for HTTP Basic: this filter runs once per request, so the
     * async dispatch of a streamed download (and the error dispatch) find it there; without it the
     * dispatch ran anonymous and was denied after the response had begun (issue #19).
     */
    private static final java.util.Set<String> READS = java.util.Set.of("GET", "HEAD", "OPTIONS");

    private final SecurityContextRepository repository = new RequestAttributeSecurityContextRepository();
    private final ApiTokens tokens;
    private final UserAccounts accounts;

    BearerTokenFilter(ApiTokens tokens, UserAccounts accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String h = request.getHeader("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiTokens.Owner> owner = tokens.owner(h.substring(7).trim());
        Optional<UserDetails> user = owner.flatMap(u -> {
            try {
                return Optional.of(accounts.loadUserByUsername(u.username()));
            } catch (UsernameNotFoundException e) {
                return Optional.empty();
            }
        }).filter(UserDetails::isEnabled);
        if (user.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"Padu\", error=\"invalid_token\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        if (owner.get().readOnly() && !READS.contains(request.getMethod())) {
            // A read-only token reads with its owner's rights and changes nothing, whatever the role.
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"title\":\"Forbidden\",\"status\":403,"
                    + "\"detail\":\"this API token is read-only: it may only read (GET, HEAD, OPTIONS)\"}");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user.get(), null, user.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
