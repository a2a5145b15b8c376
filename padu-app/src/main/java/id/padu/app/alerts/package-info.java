/**
 * Alerts (menu "Peringatan"): the server evaluates the core's alert rules
 * ({@link id.padu.alert}) every five minutes on the measured usage and the live plan of record,
 * keeps each alert's open/acknowledged/resolved history, shows it on a page and in the page
 * header, e-mails engineers on open and resolve, and exports every rule as a Prometheus metric.
 * An agency's operator sees its own agency's alerts only.
 */
package id.padu.app.alerts;
