/**
 * Watching the shared network day to day: the alert rules (uplink busy, an agency at its ceiling
 * or far under its guarantee, no data, a contract ending, an agency paying twice after its
 * cutover), evaluated on a dataset, the live plan and an evaluation time. Pure: no clock, no I/O;
 * the server evaluates them every few minutes on what it measured, {@code padu alerts} on a
 * dataset folder. {@code uplink-down} ({@link id.padu.alert.UplinkDown}) needs the polls of the
 * central uplinks' WAN interfaces, which only the server has. What keeps an alert from flapping
 * (open after the condition has held, close after it has cleared for a while) is
 * {@link id.padu.alert.AlertTracker}.
 */
package id.padu.alert;
