package id.padu.app.availability;

import java.util.List;

/**
 * Where the server's SNMP pollers hand over the polls of the uplink targets, in the order they
 * were sent per target. Each poll gets its outcome here (up, idle, down, missed: the counters are
 * compared with the target's previous answered poll, also across a restart of Padu) and is stored.
 */
public interface UplinkPollSink {

    /** Stores a batch of polls in one transaction. */
    void record(List<UplinkObservation> polls);
}
