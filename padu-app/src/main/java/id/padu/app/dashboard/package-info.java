/**
 * Dashboard of spend and demand ({@code /dashboard}): headline spend and idle-capacity cost, the
 * aggregate demand against the packages bought, agencies sortable by spend, utilisation and idle
 * cost, an agency page with usage charts (min/avg/max per bucket, downsampled on the server),
 * the contract calendar, and the spend report as XLSX and PDF. The analysis is computed once
 * per stored data version ({@link id.padu.app.inventory.InventoryService#version()}) and day.
 */
package id.padu.app.dashboard;
