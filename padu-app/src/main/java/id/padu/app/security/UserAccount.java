package id.padu.app.security;

import java.time.Instant;

/** A login. {@code agencyCode} is set exactly for {@link Role#AGENCY_OPERATOR}. */
public record UserAccount(long id, String username, Role role, String agencyCode, boolean enabled, Instant createdAt, String email) {
}
