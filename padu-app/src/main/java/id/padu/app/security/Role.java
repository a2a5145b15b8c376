package id.padu.app.security;

/**
 * What a user may do (full enforcement comes in its own issue): ADMIN manages users and
 * everything; ENGINEER runs the network; AGENCY_OPERATOR sees one agency (bound by code);
 * AUDITOR reads everything and changes nothing.
 */
public enum Role {
    ADMIN, ENGINEER, AGENCY_OPERATOR, AUDITOR
}
