package id.padu.app.security;

import id.padu.app.shared.ApiProblems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code PUT /api/account/password} {@code {"currentPassword", "newPassword"}}: one's own password (see {@link AccountPasswordController}). */
@RestController
class AccountPasswordApiController {

    private final UserAccounts accounts;
    private final AccountPasswordController pages;

    AccountPasswordApiController(UserAccounts accounts, AccountPasswordController pages) {
        this.accounts = accounts;
        this.pages = pages;
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    @PutMapping("/api/account/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void change(Principal me, @RequestBody PasswordChange body, HttpServletRequest request, HttpServletResponse response) {
        try {
            accounts.changeOwnPassword(me.getName(), body.currentPassword(), body.newPassword());
        } catch (AccountProblem e) {
            throw ApiProblems.invalid(e.field(), null, e.getMessage()); // a password is never echoed
        }
        pages.keepThisSession(me.getName(), request, response);
    }

}
