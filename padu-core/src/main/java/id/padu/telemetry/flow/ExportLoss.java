package id.padu.telemetry.flow;

/**
 * Export loss seen from one exporter's domain: what its sequence numbers say went missing
 * between the exporter and us. The unit of {@code lost} follows the protocol: flow records
 * for v5 and IPFIX (their sequence numbers count records), export packets for v9 (its
 * sequence number counts packets per source id).
 *
 * @param exporter  the exporter's address as text
 * @param version   5, 9 or 10
 * @param domain    observation domain (IPFIX), source id (v9), engine type/id (v5)
 * @param gaps      how often the sequence jumped forward
 * @param lost      records (v5, IPFIX) or packets (v9) missing, net of late arrivals
 * @param reordered packets that arrived after a later one
 * @param resets    jumps too large to be loss (exporter restart); counted, not added to {@code lost}
 */
public record ExportLoss(String exporter, int version, long domain, long gaps, long lost, long reordered, long resets) {

    public String lostUnit() {
        return version == 9 ? "packets" : "records";
    }
}
