package id.padu.domain;

import java.time.ZoneId;

/**
 * Waktu Indonesia Barat, the time of Kotawaringin Timur: every date and wall-clock time Padu
 * shows, schedules or files (cutover windows, usage days, audit times, report dates) is read in
 * this one zone, whatever the machine's own zone is.
 */
public final class Wib {

    /** The zone's name, for annotations that take a zone as text (a scheduled job's cron). */
    public static final String ID = "Asia/Jakarta";

    /** {@code Asia/Jakarta}, +07:00 without daylight saving. */
    public static final ZoneId ZONE = ZoneId.of(ID);

    private Wib() {
    }
}
