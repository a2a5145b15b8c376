/**
 * Audit log: every change (who, when, what, before and after as JSON) appended to
 * {@code audit_log}, never updated in place, with a SHA-256 hash chain ({@link id.padu.app.audit.AuditChain})
 * so that an edited, removed or reordered row shows; {@code padu audit verify} checks it from the
 * command line. Modules publish an {@link id.padu.app.audit.AuditableChange}; one listener writes it.
 *
 * <p>Public API: {@link id.padu.app.audit.AuditableChange}, {@link id.padu.app.audit.AuditChain},
 * {@link id.padu.app.audit.AuditLog}.
 */
package id.padu.app.audit;
