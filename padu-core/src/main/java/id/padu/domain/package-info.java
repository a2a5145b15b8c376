/**
 * The values everything else is made of: agencies, subscriptions, offers, links, online services,
 * usage series, settings and the dataset that holds them; money as whole Rupiah ({@link
 * id.padu.domain.Rupiah}), rates as bits per second ({@link id.padu.domain.BitRate}), address
 * prefixes, the WIB zone and the maintenance-window text. Immutable records, no I/O.
 */
package id.padu.domain;
