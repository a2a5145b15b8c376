package id.padu.app.security;

import java.io.Serializable;
import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The principal of a login: Spring's {@link User} plus the account's row id and credentials
 * version at login time, so {@link SessionGuard} can tell on every request whether the session
 * still describes the account (a recreated user of the same name has another id).
 * Equality stays by username, as the session registry counts sessions per user by it.
 */
final class AccountDetails extends User {

    record Stamp(long id, long version) implements Serializable {
    }

    private final Stamp stamp;

    AccountDetails(String username, String password, boolean enabled, Collection<? extends GrantedAuthority> authorities,
                   Stamp stamp) {
        super(username, password, enabled, true, true, true, authorities);
        this.stamp = stamp;
    }

    Stamp stamp() {
        return stamp;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
