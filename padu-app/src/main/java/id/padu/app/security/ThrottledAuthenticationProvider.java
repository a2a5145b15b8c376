package id.padu.app.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Username and password (form and HTTP Basic) through {@link LoginAttempts}: an attempt that
 * must wait (this username from this address failed too often, or the username or the address
 * is locked) is refused before the password is even checked, so guessing gains nothing.
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
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        var refusal = attempts.refusal(username, address);
        if (refusal.isPresent()) {
            throw new LockedException("too many failed logins (" + refusal.get().reason() + "); try again after "
                    + refusal.get().until());
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            attempts.succeeded(username, address);
            return result;
        } catch (BadCredentialsException e) {
            attempts.failed(username, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
