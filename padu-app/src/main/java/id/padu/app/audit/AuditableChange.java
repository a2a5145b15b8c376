package id.padu.app.audit;

/**
 * A change that belongs in the audit log, published by the module that made it (inventory,
 * datasets, security, requests) with {@code ApplicationEventPublisher}. {@code before} and
 * {@code after} are any values Jackson can write (null for "did not exist"); secrets must never
 * be put in them.
 *
 * @param action what happened, e.g. {@code agency.update}
 * @param entity the kind of thing changed, e.g. {@code agency}
 * @param key    which one, e.g. the agency code
 * @param actor  who made it, when the change runs off the request thread (a background planner run);
 *               null means the logged-in user of the current thread
 */
public record AuditableChange(String action, String entity, String key, Object before, Object after, String actor) {

    public AuditableChange(String action, String entity, String key, Object before, Object after) {
        this(action, entity, key, before, after, null);
    }
}
