package id.padu.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every user changes their own password (issue #19): the page {@code /account/password} and
 * {@code PUT /api/account/password} {@code {"currentPassword", "newPassword"}}. The user's other
 * sessions end; the one that made the change goes on, with the new credentials version.
 */
@Controller
class AccountPasswordController {

    private final UserAccounts accounts;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    AccountPasswordController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/account/password")
    String form() {
        return "security/password";
    }

    @PostMapping("/account/password")
    String change(Principal me, @RequestParam(defaultValue = "") String currentPassword,
                  @RequestParam(defaultValue = "") String newPassword, @RequestParam(defaultValue = "") String repeatPassword,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!newPassword.equals(repeatPassword)) {
            model.addAttribute("problemField", "repeatPassword");
            model.addAttribute("problem", "password.repeatDiffers");
            return "security/password";
        }
        try {
            accounts.changeOwnPassword(me.getName(), currentPassword, newPassword);
        } catch (AccountProblem e) {
            model.addAttribute("problemField", e.field());
            model.addAttribute("problemText", e.getMessage());
            return "security/password";
        }
        keepThisSession(me.getName(), request, response);
        model.addAttribute("changed", true);
        return "security/password";
    }

    /**
     * The session that changed the password carries the new credentials version, so that it is not
     * ended with the others ({@link SessionGuard}). Basic and Bearer calls have no session to keep.
     */
    void keepThisSession(String username, HttpServletRequest request, HttpServletResponse response) {
        Authentication now = SecurityContextHolder.getContext().getAuthentication();
        if (request.getSession(false) == null || !(now != null && now.getPrincipal() instanceof AccountDetails)) {
            return;
        }
        UserDetails fresh = accounts.loadUserByUsername(username);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
    }
}
