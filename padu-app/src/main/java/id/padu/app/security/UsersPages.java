package id.padu.app.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The users page for admins: list, add, reset a password (and role/agency), delete. */
@Controller
class UsersPages {

    private final UserAccounts accounts;
    private final LoginAttempts attempts;

    UsersPages(UserAccounts accounts, LoginAttempts attempts) {
        this.accounts = accounts;
        this.attempts = attempts;
    }

    @GetMapping("/users")
    String list(Model model) {
        model.addAttribute("users", accounts.all());
        model.addAttribute("roles", Role.values());
        model.addAttribute("agencyCodes", accounts.agencyCodes());
        return "security/users";
    }

    @PostMapping("/users")
    String create(@RequestParam String username, @RequestParam String password, @RequestParam Role role,
                  @RequestParam(required = false) String agency, @RequestParam(required = false) String email,
                  RedirectAttributes redirect) {
        try {
            accounts.create(username.trim(), password, role, blank(agency));
            if (blank(email) != null) {
                accounts.setEmail(username.trim(), blank(email));
            }
            redirect.addFlashAttribute("saved", username.trim());
        } catch (IllegalArgumentException | IllegalStateException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/users";
    }

    @PostMapping("/users/{username}")
    String update(@PathVariable String username, @RequestParam(required = false) String password, @RequestParam Role role,
                  @RequestParam(required = false) String agency, RedirectAttributes redirect) {
        try {
            accounts.update(username, blank(password), role, blank(agency));
            if (blank(password) != null) {
                attempts.unlock(username); // the admin reset also lifts a lockout
            }
            redirect.addFlashAttribute("saved", username);
        } catch (IllegalArgumentException | IllegalStateException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/users";
    }

    @PostMapping("/users/{username}/delete")
    String delete(@PathVariable String username, RedirectAttributes redirect) {
        try {
            accounts.delete(username);
            redirect.addFlashAttribute("deleted", username);
        } catch (IllegalStateException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/users";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
