/**
 * Availability of the central uplinks as the ISP's SLA counts it: each SNMP poll of an uplink's
 * WAN interface is up and passing traffic, up without traffic, down, or missed by Padu itself
 * ({@link id.padu.availability.PollOutcome}, decided by {@link id.padu.availability.Observation});
 * per uplink and calendar month (WIB) the share of answered polls that were up and passing
 * traffic, the outages with start, end and duration, and the comparison with the offer's
 * {@code sla_pct} ({@link id.padu.availability.UplinkMonth}, {@link id.padu.availability.SlaTerm}).
 * Polls Padu missed (no answer, or Padu not running: a gap between stored polls) are counted
 * apart and never against the ISP. Pure: no clock, no I/O; the same polls give the same report.
 */
package id.padu.availability;
