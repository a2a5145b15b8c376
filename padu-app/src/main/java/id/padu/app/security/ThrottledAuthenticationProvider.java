package id.padu.app.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Username and password (form and HTTP Basic) through {@link LoginAttempts}: a locked username or
 * address is refused before the password is even checked, so guessing stops for the lockout time.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginAttempts attempts;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginAttempts attempts) {
        this.passwords = passwords;
        this.attempts = attempts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String userKey = LoginAttempts.userKey(authentication.getName());
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        String ipKey = address == null ? null : LoginAttempts.addressKey(address);
        if (attempts.isLocked(userKey) || (ipKey != null && attempts.isLocked(ipKey))) {
            throw new LockedException("too many failed logins; try again later");
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            attempts.succeeded(userKey);
            return result;
        } catch (BadCredentialsException e) {
            attempts.failed(userKey);
            if (ipKey != null) {
                attempts.failed(ipKey);
            }
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
