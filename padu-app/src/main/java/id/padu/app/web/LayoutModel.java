package id.padu.app.web;

import id.padu.app.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the page frame (templates/layout.html) needs on every page. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutModel {

    @ModelAttribute("currentUser")
    String currentUser(Principal principal) {
        return principal == null ? null : principal.getName();
    }

    /** The role, so the menu offers only what the user may open. */
    @ModelAttribute("currentRole")
    String currentRole() {
        return CurrentUser.role().map(Enum::name).orElse(null);
    }

    /**
     * Whether the reader may change things (ADMIN, ENGINEER): pages show their forms and buttons
     * to those only, and a read-only reader (operator, auditor) sees no button it cannot use.
     */
    @ModelAttribute("mayChange")
    boolean mayChange() {
        return CurrentUser.role().map(r -> r == id.padu.app.security.Role.ADMIN || r == id.padu.app.security.Role.ENGINEER)
                .orElse(false);
    }

    /** Path of the page, so the language switch stays on it. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.isEmpty() ? "/" : path;
    }

    /** htmx sends the CSRF token as a header on every request it makes. */
    @ModelAttribute("csrfHeaders")
    String csrfHeaders(HttpServletRequest request) {
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            return "{\"" + token.getHeaderName() + "\": \"" + token.getToken() + "\"}";
        }
        return null;
    }
}
