package id.padu.app.security;

import id.padu.app.shared.ApiProblems;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts for admins: {@code GET/POST /api/users}, {@code PUT/DELETE /api/users/{username}} with
 * {@code username}, {@code password}, {@code role}, {@code agency}. A PUT with a password is the
 * admin reset; without one the password stays. Passwords and hashes are never returned.
 */
@RestController
@RequestMapping("/api/users")
class UsersApiController {

    private final UserAccounts accounts;
    private final LoginAttempts attempts;

    UsersApiController(UserAccounts accounts, LoginAttempts attempts) {
        this.accounts = accounts;
        this.attempts = attempts;
    }

    record UserJson(String username, String role, String agency, boolean enabled, String email) {
        static UserJson of(UserAccount u) {
            return new UserJson(u.username(), u.role().name(), u.agencyCode(), u.enabled(), u.email());
        }
    }

    record UserRequest(String username, String password, String role, String agency, String email) {
    }

    @GetMapping
    List<UserJson> users() {
        return accounts.all().stream().map(UserJson::of).toList();
    }

    @PostMapping
    ResponseEntity<UserJson> create(@RequestBody UserRequest body) {
        Role role = role(body.role());
        String email = blankToNull(body.email());
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw ApiProblems.invalid("email", email, "not an e-mail address");
        }
        try {
            accounts.create(body.username(), body.password(), role, blankToNull(body.agency()));
            if (blankToNull(body.email()) != null) {
                accounts.setEmail(body.username(), blankToNull(body.email()));
            }
        } catch (UserAccounts.InvalidField e) {
            throw ApiProblems.invalid(e.field(), e.value(), e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiProblems.invalid(AccountProblem.fieldOf(e), null, e.getMessage());
        } catch (IllegalStateException e) {
            throw ApiProblems.conflict(e.getMessage());
        }
        return ResponseEntity.created(URI.create("/api/users/" + body.username()))
                .body(UserJson.of(accounts.find(body.username()).orElseThrow()));
    }

    @PutMapping("/{username}")
    UserJson update(@PathVariable String username, @RequestBody UserRequest body) {
        Role role = role(body.role());
        try {
            if (!accounts.update(username, blankToNull(body.password()), role, blankToNull(body.agency()))) {
                throw ApiProblems.notFound("user " + username + " not found");
            }
            if (blankToNull(body.password()) != null) {
                attempts.unlock(username); // the admin reset also lifts a lockout
            }
            if (body.email() != null) {
                accounts.setEmail(username, blankToNull(body.email()));
            }
        } catch (UserAccounts.InvalidField e) {
            throw ApiProblems.invalid(e.field(), e.value(), e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiProblems.invalid(AccountProblem.fieldOf(e), null, e.getMessage());
        } catch (IllegalStateException e) {
            throw ApiProblems.conflict(e.getMessage());
        }
        return UserJson.of(accounts.find(username).orElseThrow());
    }

    @DeleteMapping("/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String username) {
        try {
            if (!accounts.delete(username)) {
                throw ApiProblems.notFound("user " + username + " not found");
            }
        } catch (IllegalStateException e) {
            throw ApiProblems.conflict(e.getMessage());
        }
    }

    private static Role role(String s) {
        try {
            return Role.valueOf(s);
        } catch (RuntimeException e) {
            throw ApiProblems.invalid("role", s, "one of ADMIN, ENGINEER, AGENCY_OPERATOR, AUDITOR");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
