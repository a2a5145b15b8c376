package id.padu.app.security;

/**
 * What a user may do (enforced by {@link AccessRules}): ADMIN manages users and settings and may
 * do what an engineer does; ENGINEER runs the network; AGENCY_OPERATOR sees one agency (bound by
 * code) and files its requests; AUDITOR reads everything, the audit log included, and changes nothing.
 */
public enum Role {
    ADMIN, ENGINEER, AGENCY_OPERATOR, AUDITOR
}
