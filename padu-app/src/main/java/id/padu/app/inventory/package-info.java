/**
 * Inventory: agencies (with their networks), subscriptions, offers, links, online services and
 * settings, stored with Flyway-managed tables (V1__inventory.sql).
 *
 * <p>Public API: {@link id.padu.app.inventory.InventoryService} ({@code current()} gives the whole
 * stored data as a {@link id.padu.domain.Dataset}, usage included; {@code replace} and {@code merge}
 * write one atomically) and {@link id.padu.app.inventory.Identified}. Also the JSON API under
 * {@code /api/agencies}, {@code /api/subscriptions}, {@code /api/offers}, {@code /api/links},
 * {@code /api/services} and the pages under {@code /agencies}.
 */
package id.padu.app.inventory;
