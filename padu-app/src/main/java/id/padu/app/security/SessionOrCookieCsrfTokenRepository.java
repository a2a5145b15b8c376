package id.padu.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * CSRF tokens without making sessions: a logged-in browser keeps its token in its session as
 * before; a browser without a session (the login form) gets it in an HttpOnly cookie, checked
 * against the form field (double submit), so showing the login form costs the server no memory.
 * Once a session exists only the session's token counts, so a cookie planted by someone else
 * cannot stand in for it. Calls with Basic or Bearer credentials need no token and store none.
 */
final class SessionOrCookieCsrfTokenRepository implements CsrfTokenRepository {

    private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();
    private final CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();

    SessionOrCookieCsrfTokenRepository() {
        // One header name for both, so the page's <meta name="_csrf_header"> is the same either way.
        cookie.setHeaderName("X-CSRF-TOKEN");
        cookie.setCookieName("PADU-CSRF");
        cookie.setCookieCustomizer(c -> c.sameSite("Lax"));
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return session.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (token == null) {
            // Login and logout: forget both (neither creates a session).
            session.saveToken(null, request, response);
            cookie.saveToken(null, request, response);
        } else if (request.getSession(false) != null) {
            session.saveToken(token, request, response);
        } else if (!SecurityConfig.TOKEN_AUTH_HEADER.matches(request)) {
            cookie.saveToken(token, request, response);
        }
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return request.getSession(false) != null ? session.loadToken(request) : cookie.loadToken(request);
    }
}
