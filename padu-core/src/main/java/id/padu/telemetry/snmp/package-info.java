/**
 * SNMP interface counters to rates per interval: 64-bit counters with the 32-bit fallback, a
 * single wrap corrected, resets (sysUpTime, discontinuity time) discarded, gaps kept missing;
 * rates from the actual poll times.
 */
package id.padu.telemetry.snmp;
