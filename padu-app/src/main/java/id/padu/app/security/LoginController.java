package id.padu.app.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page (the form posts to Spring Security's {@code POST /login}) and the logout confirmation. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "security/login";
    }

    /**
     * {@code GET /logout} (a typed or bookmarked address) asks to confirm: logging out is a POST
     * with the CSRF token, so that a link on another site cannot log a user out. It answered 403
     * before (issue #19). Nobody logged in: the login page.
     */
    @GetMapping("/logout")
    String logout(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()) {
            return "redirect:/login";
        }
        return "security/logout";
    }
}
