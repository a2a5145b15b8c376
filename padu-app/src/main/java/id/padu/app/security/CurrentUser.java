package id.padu.app.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling, for queries that must stay inside one agency. An agency operator carries the
 * authority {@code AGENCY_<code>} next to {@code ROLE_AGENCY_OPERATOR}; everything else about an
 * operator's reach follows from {@link #agencyScope()}.
 */
public final class CurrentUser {

    static final String AGENCY_PREFIX = "AGENCY_";

    private CurrentUser() {
    }

    /** The agency the current user is bound to: present exactly for agency operators. */
    public static Optional<String> agencyScope() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || role(auth).orElse(null) != Role.AGENCY_OPERATOR) {
            return Optional.empty();
        }
        // An operator without an agency sees nothing rather than everything.
        return Optional.of(agency(auth).orElse("\u0000"));
    }

    /** The current user's role, if logged in. */
    public static Optional<Role> role() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? Optional.empty() : role(auth);
    }

    /** Whether the current user may see agency {@code code}. */
    public static boolean maySee(String code) {
        return agencyScope().map(a -> a.equals(code)).orElse(true);
    }

    /** The login name of the current user, or {@code system} outside a request. */
    public static String name() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth.getName() == null ? "system" : auth.getName();
    }

    static Optional<Role> role(Authentication auth) {
        for (GrantedAuthority a : auth.getAuthorities()) {
            String s = a.getAuthority();
            if (s != null && s.startsWith("ROLE_")) {
                try {
                    return Optional.of(Role.valueOf(s.substring(5)));
                } catch (IllegalArgumentException ignored) {
                    // not one of ours
                }
            }
        }
        return Optional.empty();
    }

    static Optional<String> agency(Authentication auth) {
        for (GrantedAuthority a : auth.getAuthorities()) {
            String s = a.getAuthority();
            if (s != null && s.startsWith(AGENCY_PREFIX)) {
                return Optional.of(s.substring(AGENCY_PREFIX.length()));
            }
        }
        return Optional.empty();
    }
}
