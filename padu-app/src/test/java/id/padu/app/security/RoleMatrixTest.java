package id.padu.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import id.padu.app.H2AppTest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every request mapping of the running application (controllers, actuator, API docs: every
 * {@link RequestMappingInfoHandlerMapping} bean) must have its rule in {@link AccessRules}, and
 * every role gets exactly what the matrix says: a new endpoint without a rule fails this test.
 */
class RoleMatrixTest extends H2AppTest {

    static final List<HttpMethod> ALL_METHODS = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE);

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    record Endpoint(HttpMethod method, String pattern) {
        @Override
        public String toString() {
            return (method == null ? "ANY" : method.name()) + " " + pattern;
        }
    }

    List<Endpoint> endpoints() {
        Set<Endpoint> out = new LinkedHashSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        out.add(new Endpoint(null, pattern));
                    }
                    for (RequestMethod m : methods) {
                        out.add(new Endpoint(m.asHttpMethod(), pattern));
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }

    static AccessRules.Rule ruleOf(Endpoint e) {
        return AccessRules.RULES.stream()
                .filter(r -> r.pattern().equals(e.pattern()))
                .filter(r -> r.method() == null || r.method().equals(e.method()))
                .findFirst().orElse(null);
    }

    @Test
    void everyEndpointOfTheApplicationHasARule() {
        List<Endpoint> all = endpoints();
        // The application's own controllers are among them (the enumeration itself works).
        assertThat(all).contains(new Endpoint(HttpMethod.GET, "/api/agencies"), new Endpoint(HttpMethod.PUT, "/api/users/{username}"));
        Set<String> missing = new TreeSet<>();
        for (Endpoint e : all) {
            if (ruleOf(e) == null) {
                missing.add(e.toString());
            }
        }
        assertThat(missing).as("endpoints without a rule in AccessRules (add one: who may call it?)").isEmpty();
    }

    @Test
    void everyRuleBelongsToAnEndpoint() {
        List<Endpoint> all = endpoints();
        List<String> stale = AccessRules.RULES.stream()
                .filter(r -> all.stream().noneMatch(e -> e.pattern().equals(r.pattern())
                        && (r.method() == null || r.method().equals(e.method()))))
                .map(r -> r.method() + " " + r.pattern())
                .toList();
        assertThat(stale).as("rules without an endpoint (stale entries in AccessRules)").isEmpty();
    }

    static UserRequestPostProcessor as(Role role, String agency) {
        UserRequestPostProcessor u = user("matrix-" + role.name().toLowerCase()).authorities(
                role == Role.AGENCY_OPERATOR
                        ? List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_" + role.name()),
                                new org.springframework.security.core.authority.SimpleGrantedAuthority("AGENCY_" + agency))
                        : List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_" + role.name())));
        return u;
    }

    static String concrete(String pattern, String agency) {
        return pattern.replace("{code}", agency).replace("/**", "/x").replaceAll("\\{[^}]+}", "1");
    }

    /**
     * Calls every endpoint as every role (an operator both for the agency in the path and for
     * another one): 403 exactly where the matrix denies. Denials are checked before any allowed
     * call, so a DELETE that an admin may make cannot hide a wrong decision for another role.
     */
    @Test
    void everyRoleGetsWhatTheMatrixSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        List<Runnable> allowedCalls = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            AccessRules.Rule rule = ruleOf(e);
            if (rule == null || rule.access() == AccessRules.Access.PUBLIC || e.pattern().startsWith("/actuator")) {
                continue; // missing rules fail above; open endpoints and actuator (401 first) elsewhere
            }
            for (HttpMethod m : e.method() == null ? ALL_METHODS : List.of(e.method())) {
                String path = concrete(e.pattern(), "RSUD");
                for (Role role : Role.values()) {
                    for (String userAgency : role == Role.AGENCY_OPERATOR ? List.of("RSUD", "DISHUB") : List.of("-")) {
                        boolean allowed = rule.access().allows(role, userAgency, "RSUD");
                        if (!allowed) {
                            int status = mvc.perform(request(m, path).with(as(role, userAgency)).with(csrf()))
                                    .andReturn().getResponse().getStatus();
                            if (status != 403) {
                                wrong.add(m + " " + path + " as " + role + "(" + userAgency + "): " + status + ", expected 403");
                            }
                        } else {
                            allowedCalls.add(() -> {
                                try {
                                    int status = mvc.perform(request(m, path).with(as(role, userAgency)).with(csrf()))
                                            .andReturn().getResponse().getStatus();
                                    if (status == 403 || status == 401) {
                                        wrong.add(m + " " + path + " as " + role + "(" + userAgency + "): " + status + ", expected access");
                                    }
                                } catch (Exception ex) {
                                    // a handler failing on empty input is still past the access check
                                }
                            });
                        }
                    }
                }
            }
        }
        allowedCalls.forEach(Runnable::run);
        assertThat(wrong).isEmpty();
    }

    @Test
    void theMatrixItself() {
        // Spot checks of the decisions that matter most, as the issue states them.
        assertThat(AccessRules.Access.AUDIT_READ.allows(Role.ENGINEER, null, null)).isFalse();
        assertThat(AccessRules.Access.AUDIT_READ.allows(Role.AUDITOR, null, null)).isTrue();
        assertThat(AccessRules.Access.TECHNICAL.allows(Role.AUDITOR, null, null)).isFalse();
        assertThat(AccessRules.Access.ADMIN_ONLY.allows(Role.ENGINEER, null, null)).isFalse();
        assertThat(AccessRules.Access.AGENCY_READ.allows(Role.AGENCY_OPERATOR, "RSUD", "RSUD")).isTrue();
        assertThat(AccessRules.Access.AGENCY_READ.allows(Role.AGENCY_OPERATOR, "RSUD", "DISHUB")).isFalse();
        assertThat(AccessRules.Access.READ_ALL.allows(Role.AGENCY_OPERATOR, "RSUD", "RSUD")).isFalse();
    }
}
