package id.padu.app.security;

import static id.padu.app.security.AccessRules.Access.ADMIN_ONLY;
import static id.padu.app.security.AccessRules.Access.AGENCY_READ;
import static id.padu.app.security.AccessRules.Access.ANY_USER;
import static id.padu.app.security.AccessRules.Access.AUDIT_READ;
import static id.padu.app.security.AccessRules.Access.PUBLIC;
import static id.padu.app.security.AccessRules.Access.OWN_AGENCY_ONLY;
import static id.padu.app.security.AccessRules.Access.READ_ALL;
import static id.padu.app.security.AccessRules.Access.REQUEST_DECIDE;
import static id.padu.app.security.AccessRules.Access.REQUEST_FILE;
import static id.padu.app.security.AccessRules.Access.TECHNICAL;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The role matrix, in one place: every endpoint of the application has exactly one rule here,
 * written with the same path pattern as its {@code @GetMapping}/{@code @PostMapping}. The security
 * filter chain is built from this list and ends with "deny everything else", and
 * {@code RoleMatrixTest} enumerates every request mapping of the running application and fails
 * when one has no rule: an endpoint added without a decision about who may call it breaks the
 * build instead of being open.
 *
 * <p>ADMIN manages users and settings and may also do what an engineer does (the person who runs
 * Padu at Diskominfo is usually both). Agency operators are bound to one agency: rules of kind
 * {@link Access#AGENCY_READ} let them through only when the {@code {code}} path variable is their
 * own agency; lists they may read are filtered to their agency by the controller (see
 * {@link CurrentUser#agencyScope()}), every other list is closed to them.
 */
public final class AccessRules {

    private AccessRules() {
    }

    /** Who may call an endpoint. */
    public enum Access {
        /** No login: health, login page, static assets. */
        PUBLIC(EnumSet.noneOf(Role.class), false),
        /** Any logged-in user (own tokens, start page). */
        ANY_USER(EnumSet.allOf(Role.class), false),
        /** Everything technical that reads all agencies at once: engineers, admins, auditors. */
        READ_ALL(EnumSet.of(Role.ADMIN, Role.ENGINEER, Role.AUDITOR), false),
        /** Reads of one agency ({@code {code}}): as READ_ALL, plus that agency's own operator. */
        AGENCY_READ(EnumSet.of(Role.ADMIN, Role.ENGINEER, Role.AUDITOR), true),
        /** Changes to inventory, plans, shaping, telemetry, imports. */
        TECHNICAL(EnumSet.of(Role.ADMIN, Role.ENGINEER), false),
        /** Users and settings. */
        ADMIN_ONLY(EnumSet.of(Role.ADMIN), false),
        /** The audit log. */
        AUDIT_READ(EnumSet.of(Role.ADMIN, Role.AUDITOR), false),
        /** Filing a bandwidth request: the agency's own operator (and engineers on its behalf). */
        REQUEST_FILE(EnumSet.of(Role.ADMIN, Role.ENGINEER), true),
        /** Approving or declining a bandwidth request. */
        REQUEST_DECIDE(EnumSet.of(Role.ADMIN, Role.ENGINEER), false),
        /** What only the agency itself may say: its answer in a review round (its operator, nobody else). */
        OWN_AGENCY_ONLY(EnumSet.noneOf(Role.class), true);

        private final Set<Role> roles;
        private final boolean ownAgency;

        Access(Set<Role> roles, boolean ownAgency) {
            this.roles = roles;
            this.ownAgency = ownAgency;
        }

        /** Whether {@code role} may call such an endpoint for the agency {@code pathAgency} (null: none in the path). */
        public boolean allows(Role role, String userAgency, String pathAgency) {
            if (this == PUBLIC || roles.contains(role)) {
                return true;
            }
            return ownAgency && role == Role.AGENCY_OPERATOR && userAgency != null && userAgency.equals(pathAgency);
        }

        boolean allows(Authentication auth, Map<String, String> pathVariables) {
            if (this == PUBLIC) {
                return true;
            }
            if (auth == null || !auth.isAuthenticated() || CurrentUser.role(auth).isEmpty()) {
                return false;
            }
            return allows(CurrentUser.role(auth).get(), CurrentUser.agency(auth).orElse(null), pathVariables.get("code"));
        }
    }

    /** One endpoint: method (null: every method) and path pattern exactly as in its mapping. */
    public record Rule(HttpMethod method, String pattern, Access access) {
    }

    private static Rule rule(HttpMethod m, String pattern, Access a) {
        return new Rule(m, pattern, a);
    }

    /** The matrix, most specific pattern first (so {@code /agencies/new} wins over {@code /agencies/{code}}). */
    public static final List<Rule> RULES = sortedBySpecificity(List.of(
            // ---- open
            rule(GET, "/login", PUBLIC),
            rule(GET, "/logout", PUBLIC), // the confirmation; logged out is the login page
            rule(null, "/error", PUBLIC),
            rule(GET, "/actuator/health", PUBLIC),
            rule(GET, "/actuator/health/**", PUBLIC),
            rule(GET, "/actuator", READ_ALL),
            rule(GET, "/actuator/info", READ_ALL),
            rule(GET, "/actuator/prometheus", READ_ALL),
            rule(GET, "/v3/api-docs", ANY_USER),
            rule(GET, "/v3/api-docs.yaml", ANY_USER),
            rule(GET, "/v3/api-docs/swagger-config", ANY_USER),
            rule(GET, "/swagger-ui.html", ANY_USER),
            // ---- web
            rule(GET, "/", ANY_USER),
            // ---- inventory API (lists an operator may read are filtered to the agency)
            rule(GET, "/api/agencies", ANY_USER),
            rule(GET, "/api/agencies/{code}", AGENCY_READ),
            rule(POST, "/api/agencies", TECHNICAL),
            rule(PUT, "/api/agencies/{code}", TECHNICAL),
            rule(DELETE, "/api/agencies/{code}", TECHNICAL),
            rule(GET, "/api/subscriptions", READ_ALL),
            rule(GET, "/api/agencies/{code}/subscriptions", AGENCY_READ),
            rule(POST, "/api/agencies/{code}/subscriptions", TECHNICAL),
            rule(GET, "/api/subscriptions/{id}", READ_ALL),
            rule(PUT, "/api/subscriptions/{id}", TECHNICAL),
            rule(DELETE, "/api/subscriptions/{id}", TECHNICAL),
            rule(GET, "/api/offers", READ_ALL),
            rule(GET, "/api/offers/{id}", READ_ALL),
            rule(POST, "/api/offers", TECHNICAL),
            rule(PUT, "/api/offers/{id}", TECHNICAL),
            rule(DELETE, "/api/offers/{id}", TECHNICAL),
            rule(GET, "/api/links", READ_ALL),
            rule(GET, "/api/agencies/{code}/link", AGENCY_READ),
            rule(PUT, "/api/agencies/{code}/link", TECHNICAL),
            rule(DELETE, "/api/agencies/{code}/link", TECHNICAL),
            rule(GET, "/api/services", READ_ALL),
            rule(GET, "/api/agencies/{code}/services", AGENCY_READ),
            rule(POST, "/api/agencies/{code}/services", TECHNICAL),
            rule(GET, "/api/services/{id}", READ_ALL),
            rule(PUT, "/api/services/{id}", TECHNICAL),
            rule(DELETE, "/api/services/{id}", TECHNICAL),
            // ---- inventory pages
            rule(GET, "/agencies", ANY_USER),
            rule(GET, "/agencies/new", TECHNICAL),
            rule(POST, "/agencies", TECHNICAL),
            rule(GET, "/agencies/{code}", AGENCY_READ),
            rule(GET, "/agencies/{code}/edit", TECHNICAL),
            rule(POST, "/agencies/{code}", TECHNICAL),
            rule(POST, "/agencies/{code}/delete", TECHNICAL),
            rule(GET, "/agencies/{code}/subscriptions/new", TECHNICAL),
            rule(POST, "/agencies/{code}/subscriptions", TECHNICAL),
            rule(GET, "/subscriptions/{id}/edit", TECHNICAL),
            rule(POST, "/subscriptions/{id}", TECHNICAL),
            rule(POST, "/subscriptions/{id}/delete", TECHNICAL),
            // ---- usage
            rule(GET, "/api/agencies/{code}/usage", AGENCY_READ),
            // ---- measurements of the server's own collectors
            rule(GET, "/api/measurements/{code}", AGENCY_READ),
            rule(GET, "/api/measurements/{code}.csv", AGENCY_READ),
            rule(GET, "/measurements/{code}", AGENCY_READ),
            rule(GET, "/measurements/{code}/chart.json", AGENCY_READ),
            rule(POST, "/measurements/{code}/use-as-usage", TECHNICAL),
            // ---- datasets (a whole-regency export is every agency's data: not for operators)
            rule(POST, "/api/datasets", TECHNICAL),
            rule(GET, "/api/datasets/export", READ_ALL),
            rule(GET, "/import", TECHNICAL),
            rule(POST, "/import", TECHNICAL),
            rule(GET, "/export", READ_ALL),
            rule(GET, "/export/dataset.{format}", READ_ALL),
            // ---- dashboard (the regency-wide picture is not for operators; their agency's page is)
            rule(GET, "/dashboard", READ_ALL),
            rule(GET, "/dashboard/agencies/{code}", AGENCY_READ),
            rule(GET, "/dashboard/charts/aggregate.json", READ_ALL),
            rule(GET, "/dashboard/charts/forecast.json", READ_ALL),
            rule(GET, "/dashboard/agencies/{code}/usage.json", AGENCY_READ),
            rule(GET, "/dashboard/agencies/{code}/hourly.json", AGENCY_READ),
            rule(GET, "/dashboard/export.xlsx", READ_ALL),
            rule(GET, "/dashboard/export.pdf", READ_ALL),
            // ---- users (ADMIN)
            rule(GET, "/api/users", ADMIN_ONLY),
            rule(POST, "/api/users", ADMIN_ONLY),
            rule(PUT, "/api/users/{username}", ADMIN_ONLY),
            rule(DELETE, "/api/users/{username}", ADMIN_ONLY),
            rule(GET, "/users", ADMIN_ONLY),
            rule(POST, "/users", ADMIN_ONLY),
            rule(POST, "/users/{username}", ADMIN_ONLY),
            rule(POST, "/users/{username}/delete", ADMIN_ONLY),
            // ---- own API tokens
            rule(GET, "/api/tokens", ANY_USER),
            rule(POST, "/api/tokens", ANY_USER),
            rule(DELETE, "/api/tokens/{id}", ANY_USER),
            rule(GET, "/tokens", ANY_USER),
            rule(POST, "/tokens", ANY_USER),
            rule(POST, "/tokens/{id}/revoke", ANY_USER),
            // ---- one's own password
            rule(GET, "/account/password", ANY_USER),
            rule(POST, "/account/password", ANY_USER),
            rule(PUT, "/api/account/password", ANY_USER),
            // ---- audit log
            rule(GET, "/api/audit", AUDIT_READ),
            rule(GET, "/api/audit/verify", AUDIT_READ),
            rule(GET, "/audit", AUDIT_READ),
            rule(GET, "/audit/export.xlsx", AUDIT_READ),
            // ---- secrets (values never leave the server; names and "set" only)
            rule(GET, "/api/secrets", TECHNICAL), // names and dates only
            rule(PUT, "/api/secrets/{name}", TECHNICAL),
            rule(DELETE, "/api/secrets/{name}", TECHNICAL),
            // ---- bandwidth requests
            rule(GET, "/api/requests", ANY_USER),
            rule(GET, "/api/agencies/{code}/requests", AGENCY_READ),
            rule(POST, "/api/agencies/{code}/requests", REQUEST_FILE),
            rule(GET, "/api/requests/{id}", ANY_USER),
            rule(GET, "/api/requests/{id}/preview", REQUEST_DECIDE),
            rule(POST, "/api/requests/{id}/approve", REQUEST_DECIDE),
            rule(POST, "/api/requests/{id}/decline", REQUEST_DECIDE),
            rule(GET, "/requests", ANY_USER),
            rule(GET, "/requests/{id}", ANY_USER),
            rule(POST, "/requests/{id}/approve", REQUEST_DECIDE),
            rule(POST, "/requests/{id}/decline", REQUEST_DECIDE),
            rule(GET, "/agencies/{code}/requests/new", REQUEST_FILE),
            rule(POST, "/agencies/{code}/requests", REQUEST_FILE),
            rule(GET, "/api/agencies/{code}/allocation", AGENCY_READ),
            // ---- planning: scenarios are the regency's plan (reading is open to auditors)
            rule(GET, "/api/plans", READ_ALL),
            rule(POST, "/api/plans", TECHNICAL),
            rule(GET, "/api/plans/runs/{runId}", READ_ALL),
            rule(GET, "/api/plans/{id}", READ_ALL),
            rule(DELETE, "/api/plans/{id}", TECHNICAL),
            // ---- the plan of record: adopted by engineers, read by everyone technical
            rule(POST, "/api/plans/{id}/adopt", TECHNICAL),
            rule(GET, "/api/plan-of-record", READ_ALL),
            rule(GET, "/api/plan-of-record/versions", READ_ALL),
            rule(GET, "/api/plan-of-record/amendments", READ_ALL),
            rule(POST, "/api/plan-of-record/amendments", TECHNICAL),
            rule(GET, "/api/plan-of-record/config", READ_ALL),
            // ---- alerts (an operator: its own agency's, filtered in the module)
            rule(GET, "/api/alerts", ANY_USER),
            rule(GET, "/api/alerts/{id}", ANY_USER),
            rule(POST, "/api/alerts/{id}/acknowledge", TECHNICAL),
            rule(POST, "/api/alerts/evaluate", TECHNICAL),
            rule(GET, "/alerts", ANY_USER),
            rule(POST, "/alerts/{id}/acknowledge", TECHNICAL),
            // ---- uplink availability against the SLA (the regency's uplinks: not for operators)
            rule(GET, "/availability", READ_ALL),
            rule(GET, "/api/uplinks/availability", READ_ALL),
            rule(GET, "/api/uplinks/availability.xlsx", READ_ALL),
            rule(GET, "/api/uplinks/availability.pdf", READ_ALL),
            // ---- review rounds with the agencies (an operator: its own agency only)
            rule(POST, "/api/reviews", TECHNICAL),
            rule(GET, "/api/reviews", ANY_USER),
            rule(GET, "/api/reviews/{id}", ANY_USER),
            rule(GET, "/api/reviews/{id}/agencies/{code}", AGENCY_READ),
            rule(POST, "/api/reviews/{id}/agencies/{code}/response", OWN_AGENCY_ONLY),
            rule(POST, "/api/reviews/{id}/agencies/{code}/reply", TECHNICAL),
            rule(GET, "/api/reviews/{id}/agencies/{code}/minutes.pdf", AGENCY_READ),
            rule(POST, "/api/reviews/{id}/revise", TECHNICAL),
            rule(GET, "/api/reviews/{id}/minutes.pdf", READ_ALL),
            rule(POST, "/api/reviews/{id}/adopt", TECHNICAL),
            rule(GET, "/reviews", ANY_USER),
            rule(POST, "/reviews", TECHNICAL),
            rule(GET, "/reviews/{id}", ANY_USER),
            rule(GET, "/reviews/{id}/agencies/{code}", AGENCY_READ),
            rule(POST, "/reviews/{id}/agencies/{code}/response", OWN_AGENCY_ONLY),
            rule(POST, "/reviews/{id}/agencies/{code}/reply", TECHNICAL),
            rule(POST, "/reviews/{id}/revise", TECHNICAL),
            rule(POST, "/reviews/{id}/adopt", TECHNICAL),
            // ---- budget proposal from the plan of record (read-only; the regency-wide figures are not for operators)
            rule(GET, "/budget", READ_ALL),
            rule(GET, "/budget/export.xlsx", READ_ALL),
            rule(GET, "/api/budget", READ_ALL),
            rule(GET, "/planning", READ_ALL),
            rule(POST, "/planning/run", TECHNICAL),
            rule(GET, "/planning/runs/{id}", READ_ALL),
            rule(GET, "/planning/scenarios/{id}", READ_ALL),
            rule(GET, "/planning/scenarios/{id}/charts.json", READ_ALL),
            rule(POST, "/planning/scenarios/{id}/delete", TECHNICAL),
            rule(POST, "/planning/scenarios/{id}/adopt", TECHNICAL),
            rule(GET, "/planning/compare", READ_ALL),
            rule(GET, "/planning/scenarios/{id}/export.xlsx", READ_ALL),
            rule(GET, "/planning/scenarios/{id}/export.pdf", READ_ALL),
            // ---- gateway: rendered configurations, applied versions, gateway counters
            rule(GET, "/gateway", READ_ALL),
            rule(GET, "/gateway/status", READ_ALL),
            rule(POST, "/gateway/plan", TECHNICAL),
            rule(POST, "/gateway/plan/compute", TECHNICAL),
            rule(POST, "/gateway/plan/record", TECHNICAL),
            rule(GET, "/gateway/download/{target}", READ_ALL),
            rule(POST, "/gateway/applied", TECHNICAL),
            rule(POST, "/gateway/counters", TECHNICAL),
            rule(POST, "/api/gateway/counters", TECHNICAL),
            // ---- migration tracking (an operator may read its own agency's cutover and runbook)
            rule(GET, "/migration", READ_ALL),
            rule(GET, "/migration/agencies/{code}", AGENCY_READ),
            rule(POST, "/migration/upload", TECHNICAL),
            rule(POST, "/migration/compute", TECHNICAL),
            rule(POST, "/migration/from-record", TECHNICAL),
            rule(GET, "/migration/job", READ_ALL),
            rule(POST, "/migration/agencies/{code}/status", TECHNICAL),
            rule(POST, "/migration/replan", TECHNICAL),
            rule(POST, "/migration/agencies/{code}/checklist", TECHNICAL),
            rule(GET, "/migration/agencies/{code}/runbook.pdf", AGENCY_READ),
            rule(GET, "/migration/schedule.ics", READ_ALL),
            rule(GET, "/migration/schedule.xlsx", READ_ALL),
            rule(GET, "/migration/gantt.json", READ_ALL),
            // ---- collection inside the server (no secret is ever answered; config is not for operators)
            rule(GET, "/api/collection/snmp-targets", READ_ALL),
            rule(POST, "/api/collection/snmp-targets", TECHNICAL),
            rule(POST, "/api/collection/snmp-targets/import", TECHNICAL),
            rule(GET, "/api/collection/snmp-targets/{id}", READ_ALL),
            rule(PUT, "/api/collection/snmp-targets/{id}", TECHNICAL),
            rule(DELETE, "/api/collection/snmp-targets/{id}", TECHNICAL),
            rule(GET, "/api/collection/flow-listeners", READ_ALL),
            rule(POST, "/api/collection/flow-listeners", TECHNICAL),
            rule(GET, "/api/collection/flow-listeners/{id}", READ_ALL),
            rule(PUT, "/api/collection/flow-listeners/{id}", TECHNICAL),
            rule(DELETE, "/api/collection/flow-listeners/{id}", TECHNICAL),
            rule(GET, "/api/collection/status", READ_ALL),
            rule(GET, "/collection", READ_ALL),
            rule(GET, "/collection/status", READ_ALL),
            rule(GET, "/collection/status/fragment", READ_ALL),
            rule(GET, "/collection/targets/new", TECHNICAL),
            rule(POST, "/collection/targets", TECHNICAL),
            rule(POST, "/collection/targets/import", TECHNICAL),
            rule(GET, "/collection/targets/{id}/edit", TECHNICAL),
            rule(POST, "/collection/targets/{id}", TECHNICAL),
            rule(POST, "/collection/targets/{id}/enabled", TECHNICAL),
            rule(POST, "/collection/targets/{id}/delete", TECHNICAL),
            rule(GET, "/collection/listeners/new", TECHNICAL),
            rule(POST, "/collection/listeners", TECHNICAL),
            rule(GET, "/collection/listeners/{id}/edit", TECHNICAL),
            rule(POST, "/collection/listeners/{id}", TECHNICAL),
            rule(POST, "/collection/listeners/{id}/enabled", TECHNICAL),
            rule(POST, "/collection/listeners/{id}/delete", TECHNICAL)));

    private static List<Rule> sortedBySpecificity(List<Rule> rules) {
        PathPatternParser parser = PathPatternParser.defaultInstance;
        return rules.stream()
                .sorted(Comparator.comparing((Rule r) -> parser.parse(r.pattern()),
                        org.springframework.web.util.pattern.PathPattern.SPECIFICITY_COMPARATOR))
                .toList();
    }
}
