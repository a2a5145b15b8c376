package id.padu.telemetry.flow;

import id.padu.telemetry.flow.ExporterSessions.Exporter;
import java.util.List;

/**
 * Decodes NetFlow v5, NetFlow v9 (RFC 3954) and IPFIX (RFC 7011) export packets into
 * {@link FlowRecord}s. Bytes in, records out: no sockets, no clock, nothing thrown.
 *
 * <ul>
 *   <li>Templates are scoped by (exporter address, observation domain / source id, template id),
 *       so two exporters using template 256 with different layouts never mix. A re-announced
 *       template replaces the old one; an IPFIX template record with field count 0 withdraws
 *       one template, or all of a domain's templates when its id equals the set id.</li>
 *   <li>Data that arrives before its template is counted ({@code setsWithoutTemplate}), never guessed.</li>
 *   <li>Sampling: the v5 header's interval; options records with 34 (samplingInterval), 48/50
 *       (sampler id / random interval) or 302/305/306 (selector id, packet interval and space);
 *       a data record naming a sampler or selector uses that one's rate. Bytes and packets are scaled.</li>
 *   <li>Sequence numbers give the loss per exporter and domain: v5 and IPFIX count records,
 *       v9 counts packets per source id.</li>
 *   <li>Malformed input is counted in {@code decodeErrors}; the decoder never throws. Memory is
 *       bounded: at most {@link Limits#maxExporters} exporters, {@link Limits#maxTemplatesPerExporter}
 *       templates and {@link Limits#maxDomainsPerExporter} domains per exporter.</li>
 * </ul>
 *
 * <p>This class is the entry point only: it picks the protocol by the version field and hands
 * the packet to {@link NetFlowV5Decoder}, {@link NetFlowV9Decoder} or {@link IpfixDecoder}.
 * What outlives a packet (exporters, templates, domains, sequence numbers) is kept by
 * {@link ExporterSessions}; the template-driven records of v9 and IPFIX are read by
 * {@link DataSetReader}; the counters and scratch buffers all of them share are in
 * {@link DecoderState}.
 *
 * <p>Not thread-safe: give every receive thread its own decoder (with SO_REUSEPORT the kernel
 * keeps one exporter's datagrams on one socket). Counters may be read from any thread.
 */
public final class FlowDecoder {

    /** Caps that keep a decoder's memory bounded whatever arrives. */
    public record Limits(int maxExporters, int maxTemplatesPerExporter, int maxDomainsPerExporter) {
        public static final Limits DEFAULT = new Limits(1024, 512, 256);
    }

    private final DecoderState state = new DecoderState();
    private final ExporterSessions sessions;
    private final NetFlowV5Decoder v5;
    private final NetFlowV9Decoder v9;
    private final IpfixDecoder ipfix;

    public FlowDecoder() {
        this(Limits.DEFAULT);
    }

    public FlowDecoder(Limits limits) {
        this.sessions = new ExporterSessions(limits, state);
        // One reader for both template protocols: its scratch space is per decoder, not per protocol.
        DataSetReader dataSets = new DataSetReader(state, sessions);
        this.v5 = new NetFlowV5Decoder(state, sessions);
        this.v9 = new NetFlowV9Decoder(state, sessions, dataSets);
        this.ipfix = new IpfixDecoder(state, sessions, dataSets);
    }

    /**
     * Decodes one export packet.
     *
     * @param exporterAddress the exporter's IP address (4 or 16 bytes); the decoder keeps no reference to it
     * @return the number of flow records handed to the sink
     */
    public int decode(byte[] exporterAddress, byte[] buf, int off, int len, FlowSink sink) {
        DecoderState s = state;
        s.packets = s.packets + 1;
        s.packetRecords = 0;
        s.optionRecordsInPacket = 0;
        try {
            if (len < 4 || off < 0 || off + len > buf.length) {
                s.error();
                return 0;
            }
            int version = BigEndian.u16(buf, off);
            Exporter ex = sessions.exporter(exporterAddress);
            if (ex == null) {
                return 0;
            }
            switch (version) {
                case 5 -> v5.decode(ex, buf, off, len, sink);
                case 9 -> v9.decode(ex, buf, off, len, sink);
                case 10 -> ipfix.decode(ex, buf, off, len, sink);
                default -> s.error();
            }
        } catch (RuntimeException e) {
            // A bug-proof net: bounds are checked before every read, but a malformed packet
            // must never take a receive thread down.
            s.error();
        }
        // Records handed over before a failure still count: the sink has seen them.
        s.records = s.records + s.packetRecords;
        return s.packetRecords;
    }

    public FlowCounters counters() {
        return state.snapshot();
    }

    /** Loss per exporter and domain; call from the decoding thread or after it stopped. */
    public List<ExportLoss> losses() {
        return sessions.losses();
    }

    /** Templates currently held, over all exporters (for tests and the status page). */
    public int templateCount() {
        return sessions.templateCount();
    }

    public int exporterCount() {
        return sessions.exporterCount();
    }

    static String addressText(byte[] a) {
        return ExporterSessions.addressText(a);
    }
}
