package id.padu.app.inventory;

/** A stored row of the inventory with its database id (subscriptions, offers and services have no natural key). */
public record Identified<T>(long id, T value) {
}
