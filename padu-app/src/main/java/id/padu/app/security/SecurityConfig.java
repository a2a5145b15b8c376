package id.padu.app.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Everything needs a login except health, the login page and static assets. Browsers log in with
 * a form (session, CSRF token on every form); API clients send HTTP Basic on each call, and such
 * calls need no CSRF token, because a browser never adds Basic credentials to a forged request
 * on its own. API calls without credentials get 401 (never a redirect to the login page).
 */
@Configuration
class SecurityConfig {

    static final RequestMatcher BASIC_AUTH_HEADER = request -> {
        String h = request.getHeader("Authorization");
        return h != null && h.regionMatches(true, 0, "Basic ", 0, 6);
    };

    static final RequestMatcher API = request -> {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/v3/api-docs")
                || path.startsWith("/actuator");
    };

    @Bean
    PasswordEncoder passwordEncoder() {
        // {bcrypt} by default; the prefix lets a later release move to argon2 without a migration.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("Padu");
        AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
        http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/login", "/css/**", "/js/**",
                                "/img/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .httpBasic(b -> b.realmName("Padu").authenticationEntryPoint(basic))
                .csrf(csrf -> csrf.ignoringRequestMatchers(BASIC_AUTH_HEADER))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(
                        (request, response, e) -> (API.matches(request) ? basic : login).commence(request, response, e)))
                .headers(Customizer.withDefaults());
        return http.build();
    }
}
