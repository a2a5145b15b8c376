package id.padu.telemetry.flow;

/**
 * What the parts of one {@link FlowDecoder} share: its running counters, the counts of the
 * packet being decoded, the one {@link FlowRecord} handed to sinks and the field list of the
 * template being read. One instance per decoder, allocated with it, so that the protocol
 * decoders, the data-set reader and the exporter sessions all count into the same place and
 * nothing is allocated per packet or record.
 *
 * <p>Written by the decoding thread only. The totals are volatile so that another thread
 * (a status page, a metrics scrape) reads recent values through {@link #snapshot()}.
 */
final class DecoderState {

    // Totals over the decoder's life; single writer, so "x = x + 1" needs no atomics.
    volatile long packets;
    volatile long records;
    volatile long optionRecords;
    volatile long setsWithoutTemplate;
    volatile long bytesWithoutTemplate;
    volatile long decodeErrors;
    volatile long sequenceGaps;
    volatile long templatesRejected;
    volatile long exportersRejected;

    // The packet being decoded: the facade returns the first, IPFIX's sequence check needs both.
    int packetRecords;
    int optionRecordsInPacket;

    /** The flyweight every decoded record is written into before it goes to the sink. */
    final FlowRecord record = new FlowRecord();

    // The field list of a template as read off the wire, before ExporterSessions compiles it.
    // Sized for the most fields a 64 KiB set can hold (4 bytes each).
    final int[] fieldIds = new int[65536 / 4];
    final int[] fieldLengths = new int[65536 / 4];
    final long[] fieldPens = new long[65536 / 4];

    void error() {
        decodeErrors = decodeErrors + 1;
    }

    FlowCounters snapshot() {
        return new FlowCounters(packets, records, optionRecords, setsWithoutTemplate, bytesWithoutTemplate,
                decodeErrors, sequenceGaps, templatesRejected, exportersRejected);
    }
}
