package id.padu.telemetry.counter;

/** An interval between two polls that counts: bytes in and out over [startMillis, endMillis). */
public record MeasuredInterval(long startMillis, long endMillis, long inBytes, long outBytes) {

    public long millis() {
        return endMillis - startMillis;
    }
}
