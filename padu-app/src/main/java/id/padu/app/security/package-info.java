/**
 * Login and who may do what: Spring Security configuration (form login with CSRF for pages, HTTP
 * Basic and personal API tokens for API clients), the role matrix of every endpoint in
 * {@link id.padu.app.security.AccessRules} (deny by default), login throttling and lockout, the
 * password policy, accounts in {@code app_user} with bcrypt hashes, the users API and page, and
 * the first-start {@code admin} account.
 *
 * <p>Public API: {@link id.padu.app.security.Role}, {@link id.padu.app.security.UserAccount},
 * {@link id.padu.app.security.UserAccounts}, {@link id.padu.app.security.CurrentUser} (the agency an
 * operator is bound to, for queries) and {@link id.padu.app.security.AccessRules}.
 */
package id.padu.app.security;
