/**
 * Uplink availability (menu "Ketersediaan"): every poll of the central uplinks' WAN interfaces
 * (SNMP targets of kind {@code uplink} in collection, which hands each poll over through
 * {@link id.padu.app.availability.UplinkPollSink}) is stored with its outcome (V62__uplink_polls.sql,
 * kept {@code padu.availability.retention}, 400 days by default); the monthly report per uplink
 * (availability, polls Padu missed, outages in WIB, the offer's SLA met or not) as a page, JSON,
 * XLSX and PDF: what Diskominfo sends the ISP to claim the SLA's compensation. The alerts module
 * reads the last polls ({@link id.padu.app.availability.UplinkPolls#recent}) for {@code uplink-down}.
 * Sits on the core package {@code id.padu.availability}. See docs/uplinks.md.
 */
package id.padu.app.availability;
