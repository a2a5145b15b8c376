package id.padu.app.measurement;

import java.util.List;

/**
 * Where the server's own collectors (SNMP pollers, flow listeners) hand over what they measured,
 * one closed minute at a time. The implementation stores the minutes and rolls them up
 * incrementally into the coarser resolutions (see {@code docs/measurement.md}).
 *
 * <p>Contract for callers: hand over a minute once it is closed (no more data can arrive for it);
 * handing over the same (agency, source, minute) again adds to what is stored, so a collector
 * that restarts in the middle of a minute loses nothing and counts nothing twice as long as it
 * hands over only what it measured itself. An unknown agency code is skipped and counted, never
 * an error that drops the rest of the batch.
 */
public interface MeasurementSink {

    /** Stores a batch of closed minutes in one transaction. */
    void record(List<MinuteUsage> minutes);
}
