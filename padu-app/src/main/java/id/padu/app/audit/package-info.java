/**
 * Audit log: every change (who, when, what, before and after as JSON) appended to
 * {@code audit_log}, never updated in place, with a hash chain keyed by a key kept outside the
 * database (HMAC-SHA256, {@link id.padu.app.audit.AuditChain}) and anchors of its head written to a
 * file and the server's log ({@link id.padu.app.audit.AuditAnchors}), so that an edited, removed or
 * reordered row shows even to someone who could rewrite the database; {@code padu audit verify}
 * checks it from the command line, {@code GET /api/audit/verify} through the server. Modules
 * publish an {@link id.padu.app.audit.AuditableChange}; one listener writes it.
 *
 * <p>Public API: {@link id.padu.app.audit.AuditableChange}, {@link id.padu.app.audit.AuditChain},
 * {@link id.padu.app.audit.AuditAnchors}, {@link id.padu.app.audit.AuditLog}.
 */
package id.padu.app.audit;
