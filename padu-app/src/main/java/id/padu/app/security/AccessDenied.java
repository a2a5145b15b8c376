package id.padu.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.http.server.PathContainer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What a refused request is told. A path no rule names is not a page Padu has: 404, as for
 * anyone. A stale or missing CSRF token (a form left open across a restart or a logout) is a
 * 403 that says to reload. Otherwise the role may not do this: a 403 that names the role. The
 * error page reads the reason from the error attributes ({@code deniedReason}, {@code deniedRole}).
 */
final class AccessDenied implements AccessDeniedHandler {

    static final String REASON = "padu.denied.reason";
    static final String ROLE = "padu.denied.role";

    private static final List<PathPattern> KNOWN = AccessRules.RULES.stream()
            .map(r -> PathPatternParser.defaultInstance.parse(r.pattern())).toList();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        if (e instanceof CsrfException) {
            request.setAttribute(REASON, "csrf");
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "CSRF token missing or stale");
            return;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        if (KNOWN.stream().noneMatch(p -> p.matches(path))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        request.setAttribute(REASON, "role");
        CurrentUser.role().ifPresent(r -> request.setAttribute(ROLE, r.name()));
        response.sendError(HttpServletResponse.SC_FORBIDDEN, "the role may not do this");
    }

    /** The error attributes with the reason of a refusal, for the error page. */
    static final class WithReason extends DefaultErrorAttributes {
        @Override
        public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
            Map<String, Object> attributes = super.getErrorAttributes(request, options);
            Object reason = request.getAttribute(REASON, RequestAttributes.SCOPE_REQUEST);
            if (reason != null) {
                attributes.put("deniedReason", reason);
                Object role = request.getAttribute(ROLE, RequestAttributes.SCOPE_REQUEST);
                if (role != null) {
                    attributes.put("deniedRole", role);
                }
            }
            return attributes;
        }
    }
}
