package id.padu.dataset;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times in messages and files: ISO-8601 at WIB (+07:00), the time of Kotawaringin Timur. */
final class WibText {

    static final ZoneOffset WIB = ZoneOffset.ofHours(7);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private WibText() {
    }

    static String of(long epochSecond) {
        return ISO.format(Instant.ofEpochSecond(epochSecond).atOffset(WIB));
    }
}
