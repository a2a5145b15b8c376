package id.padu.telemetry.snmp;

/**
 * An interval between two polls that counts: bytes in and out between the answers that
 * arrived at {@code startMillis} and {@code endMillis} (our clock, which places the interval
 * in steps), measured over {@code durationMillis} (the agent's own sysUpTime difference when it
 * agrees with our clock, so that delays on our side do not shorten or stretch it).
 */
public record MeasuredInterval(long startMillis, long endMillis, long inBytes, long outBytes, long durationMillis) {

    public MeasuredInterval(long startMillis, long endMillis, long inBytes, long outBytes) {
        this(startMillis, endMillis, inBytes, outBytes, endMillis - startMillis);
    }

    public long millis() {
        return endMillis - startMillis;
    }
}
