/**
 * Login from day one: Spring Security configuration (form login with CSRF for pages, HTTP Basic
 * for API clients, everything closed except health, the login page and static assets), accounts
 * in {@code app_user} with bcrypt hashes, and the first-start {@code admin} account.
 *
 * <p>Public API: {@link id.padu.app.security.Role}, {@link id.padu.app.security.UserAccount},
 * {@link id.padu.app.security.UserAccounts}. Role enforcement comes in its own issue.
 */
package id.padu.app.security;
