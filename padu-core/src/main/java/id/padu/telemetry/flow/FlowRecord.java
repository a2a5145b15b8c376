package id.padu.telemetry.flow;

/**
 * One decoded flow record, as a reusable flyweight: the decoder overwrites the same instance
 * for every record and hands it to a {@link FlowSink}, so the hot path allocates nothing per
 * record. A sink that wants to keep values must copy them out before returning.
 *
 * <p>Addresses are primitive: IPv4 in {@link #srcV4}/{@link #dstV4} (network byte order as an
 * int), IPv6 as two longs each. Byte and packet counts are already multiplied by the sampling
 * rate the exporter declared.
 */
public final class FlowRecord {

    /** 4 or 6; 0 when the record carried no usable address. */
    public int ipVersion;
    public int srcV4;
    public int dstV4;
    public long srcHi;
    public long srcLo;
    public long dstHi;
    public long dstLo;
    /** Bytes, scaled by the sampling rate. */
    public long bytes;
    /** Packets, scaled by the sampling rate. */
    public long packets;
    /** When the flow ended (epoch ms); the export time of the packet when the record has none. */
    public long endMillis;
    /** Whether {@link #endMillis} came from the record itself rather than the packet header. */
    public boolean endFromRecord;
    /** The sampling rate applied (1 = unsampled), as numerator/denominator. */
    public long samplingNumerator;
    public long samplingDenominator;
    /** 5, 9 or 10. */
    public int version;
    /** Observation domain (IPFIX), source id (v9), or engine type/id (v5). */
    public long domain;

    void clear() {
        ipVersion = 0;
        srcV4 = 0;
        dstV4 = 0;
        srcHi = 0;
        srcLo = 0;
        dstHi = 0;
        dstLo = 0;
        bytes = 0;
        packets = 0;
        endMillis = 0;
        endFromRecord = false;
        samplingNumerator = 1;
        samplingDenominator = 1;
    }
}
