package id.padu.app.inventory;

/**
 * Published inside the transaction that deleted an agency nothing referred to (see {@link
 * AgencyReferences}): what belongs to it alone and is keyed by its code (measured usage) goes
 * with it, as its usage, subscriptions, link and services do.
 */
public record AgencyDeleted(String code) {
}
