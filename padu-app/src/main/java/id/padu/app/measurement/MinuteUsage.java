package id.padu.app.measurement;

/**
 * Traffic of one agency in one UTC minute as one source measured it.
 *
 * @param agencyCode        the agency's code
 * @param source            which kind of collector measured it
 * @param minuteEpochSecond start of the minute, a multiple of 60 (UTC epoch seconds)
 * @param downBytes         bytes towards the agency in the minute (its download)
 * @param upBytes           bytes from the agency in the minute (its upload)
 * @param coveredSeconds    seconds of the minute the source actually observed (1..60); an SNMP
 *                          poll gap or a listener started mid-minute covers less, so a rate is
 *                          bytes x 8 / coveredSeconds, never diluted by time nobody measured
 */
public record MinuteUsage(String agencyCode, MeasurementSource source, long minuteEpochSecond,
                          long downBytes, long upBytes, int coveredSeconds) {

    public MinuteUsage {
        if (minuteEpochSecond % 60 != 0) {
            throw new IllegalArgumentException("minute must start on a whole minute: " + minuteEpochSecond);
        }
        if (coveredSeconds < 1 || coveredSeconds > 60) {
            throw new IllegalArgumentException("covered seconds must be 1..60: " + coveredSeconds);
        }
        if (downBytes < 0 || upBytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative");
        }
    }
}
