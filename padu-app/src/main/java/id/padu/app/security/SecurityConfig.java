package id.padu.app.security;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Everything needs a login except health, the login page and static assets. Browsers log in with
 * a form (session, CSRF token on every form); API clients send HTTP Basic on each call, and such
 * calls need no CSRF token, because a browser never adds Basic credentials to a forged request
 * on its own. API calls without credentials get 401 (never a redirect to the login page).
 * API tokens ({@code Authorization: Bearer}) work like Basic. Who may call what is the matrix in
 * {@link AccessRules}; anything not in it is denied.
 */
@Configuration
class SecurityConfig {

    static final RequestMatcher BASIC_AUTH_HEADER = request -> {
        String h = request.getHeader("Authorization");
        return h != null && h.regionMatches(true, 0, "Basic ", 0, 6);
    };

    static final RequestMatcher TOKEN_AUTH_HEADER = request -> {
        String h = request.getHeader("Authorization");
        return h != null && (h.regionMatches(true, 0, "Basic ", 0, 6) || h.regionMatches(true, 0, "Bearer ", 0, 7));
    };

    static final RequestMatcher API = request -> {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/v3/api-docs")
                || path.startsWith("/actuator");
    };

    /**
     * Sent on every response. Scripts only from Padu itself (its own files and the webjars): no
     * inline script, no inline event handler, no eval, so HTML that slipped into a page unescaped
     * still cannot run. Styles allow 'unsafe-inline' because ECharts writes its tooltips as HTML
     * with style attributes, the templates size the charts with style attributes, and Swagger UI
     * styles inline; a style cannot run code, so that is the lower risk. Images also from data:
     * URIs (Swagger UI's icons, ECharts' "save as image"). No plugins, no <base> elsewhere, no
     * framing by other sites, forms only to Padu.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "frame-ancestors 'none'; form-action 'self'";

    /** The error page's attributes, with why a request was refused (see {@link AccessDenied}). */
    @Bean
    org.springframework.boot.webmvc.error.ErrorAttributes errorAttributes() {
        return new AccessDenied.WithReason();
    }

    /** {@code &username=...} for the login page after a failure; nothing for a blank or oversized name. */
    static String usernameParam(String username) {
        if (username == null || username.isBlank() || username.length() > 100) {
            return "";
        }
        return "&username=" + java.net.URLEncoder.encode(username.strip(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // {bcrypt} by default; the prefix lets a later release move to argon2 without a migration.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The password check: HTTP Basic sends the password with every request, so a verified one is
     * remembered briefly instead of costing a bcrypt each time ({@link VerifiedCredentials}).
     */
    @Bean
    VerifiedCredentials verifiedCredentials(UserAccounts accounts, PasswordEncoder encoder,
                                            @Value("${padu.login.verified-cache-ttl:60s}") Duration ttl,
                                            @Value("${padu.login.verified-cache-size:1000}") int size,
                                            ObjectProvider<Clock> clock) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(encoder);
        return new VerifiedCredentials(passwords, accounts::currentStamp, ttl, size, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    AuthenticationManager authenticationManager(VerifiedCredentials passwords, LoginAttempts attempts) {
        return new ProviderManager(new ThrottledAuthenticationProvider(passwords, attempts));
    }

    /** Who has which sessions, for {@code padu.session.max-per-user}. */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the registry of sessions that ended (timeout, logout, invalidated), so it forgets them. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, AuthenticationManager authenticationManager,
                                    ApiTokens tokens, UserAccounts accounts,
                                    @Value("${padu.session.max-lifetime:12h}") Duration maxLifetime,
                                    ObjectProvider<Clock> clock, SessionRegistry sessionRegistry,
                                    @Value("${padu.session.max-per-user:5}") int maxSessionsPerUser,
                                    LoginAttempts attempts) throws Exception {
        // A session ends at the account's next change of rights and after padu.session.max-lifetime
        // from login, besides the idle timeout (server.servlet.session.timeout). A Clock bean, when
        // there is one, is the time (tests jump ahead).
        SessionGuard sessionGuard = new SessionGuard(accounts, maxLifetime, clock.getIfAvailable(Clock::systemUTC));
        SavedRequestAwareAuthenticationSuccessHandler toPage = new SavedRequestAwareAuthenticationSuccessHandler();
        toPage.setDefaultTargetUrl("/");
        // The page a browser asked for before logging in waits in a cookie (a relative URL), not in
        // a session: anonymous requests make no session. Only page GETs are kept; API calls and
        // calls with credentials are answered 401 and have nothing to come back to.
        CookieRequestCache requestCache = new CookieRequestCache();
        requestCache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && !API.matches(request)
                && !TOKEN_AUTH_HEADER.matches(request));
        toPage.setRequestCache(requestCache);
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("Padu");
        AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
        http
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> {
                    // Static assets are served by resource handlers, not request mappings: open.
                    auth.requestMatchers("/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/favicon.svg",
                            "/swagger-ui/**").permitAll();
                    for (AccessRules.Rule rule : AccessRules.RULES) {
                        var matcher = rule.method() == null
                                ? auth.requestMatchers(rule.pattern())
                                : auth.requestMatchers(rule.method(), rule.pattern());
                        if (rule.access() == AccessRules.Access.PUBLIC) {
                            matcher.permitAll();
                        } else {
                            matcher.access((authentication, context) -> new AuthorizationDecision(
                                    rule.access().allows(authentication.get(), context.getVariables())));
                        }
                    }
                    // An endpoint nobody wrote a rule for is closed (and RoleMatrixTest fails the build).
                    auth.anyRequest().denyAll();
                })
                .formLogin(form -> form.loginPage("/login").permitAll()
                        .successHandler((request, response, auth) -> {
                            sessionGuard.loggedIn(request);
                            attempts.loggedIn(auth.getName(), request.getRemoteAddr());
                            toPage.onAuthenticationSuccess(request, response, auth);
                        })
                        // The username comes back in the form (not the password): a typo in the password
                        // is retyped, not the name too. Bounded, and the page escapes it.
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + (e instanceof LockedException ? "/login?locked" : "/login?error")
                                + usernameParam(request.getParameter("username")))))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .httpBasic(b -> b.realmName("Padu").authenticationEntryPoint(basic)
                        // Stateless: the login lasts for this request only, no session (Basic is sent on every call).
                        .securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .addFilterBefore(new BearerTokenFilter(tokens, accounts), BasicAuthenticationFilter.class)
                // A new session id at login, so a session id planted before login is worthless.
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId())
                        // The session strategies (fixation, the per-user count) run at the form login
                        // only; otherwise every Basic or Bearer call would be handed a session of its own.
                        .requireExplicitAuthenticationStrategy(true)
                        // A user's oldest session ends when a login would exceed padu.session.max-per-user.
                        .sessionConcurrency(c -> c.maximumSessions(maxSessionsPerUser).maxSessionsPreventsLogin(false)
                                .sessionRegistry(sessionRegistry)
                                .expiredSessionStrategy(event -> (API.matches(event.getRequest()) ? basic : login)
                                        .commence(event.getRequest(), event.getResponse(), null))))
                .requestCache(cache -> cache.requestCache(requestCache))
                // After the CSRF check (a stale session's form gets the login, not a 403) and before
                // Bearer and Basic, which then authenticate afresh.
                .addFilterAfter(sessionGuard, CsrfFilter.class)
                .csrf(csrf -> csrf.ignoringRequestMatchers(TOKEN_AUTH_HEADER)
                        .csrfTokenRepository(new SessionOrCookieCsrfTokenRepository()))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(
                        (request, response, e) -> (API.matches(request) ? basic : login).commence(request, response, e))
                        // 404 for a path Padu does not have, 403 naming the role or the stale form otherwise
                        .accessDeniedHandler(new AccessDenied()))
                // The defaults (nosniff, X-Frame-Options DENY, HSTS over HTTPS, no caching) plus a
                // Content-Security-Policy and a Referrer-Policy: see CONTENT_SECURITY_POLICY.
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
