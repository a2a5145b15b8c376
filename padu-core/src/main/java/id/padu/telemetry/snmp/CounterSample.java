package id.padu.telemetry.snmp;

/**
 * One successful poll of an interface's octet counters.
 *
 * @param atMillis             when the answer arrived (epoch ms): rates use these actual
 *                             timestamps, never the configured interval
 * @param sysUpTimeTicks       the agent's sysUpTime (hundredths of a second, unsigned 32-bit)
 * @param inOctets             ifHCInOctets, or ifInOctets when {@code wide} is false
 * @param outOctets            ifHCOutOctets, or ifOutOctets
 * @param wide                 true for the 64-bit ifHC counters, false for the 32-bit ones
 * @param discontinuityTicks   ifCounterDiscontinuityTime, or -1 when the agent has none
 * @param speedBps             the interface speed (ifHighSpeed x 10^6 or ifSpeed), 0 when unknown
 */
public record CounterSample(long atMillis, long sysUpTimeTicks, long inOctets, long outOctets, boolean wide,
                            long discontinuityTicks, long speedBps) {
}
