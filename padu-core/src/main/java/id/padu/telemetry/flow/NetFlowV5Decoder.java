package id.padu.telemetry.flow;

import static id.padu.telemetry.flow.BigEndian.i32;
import static id.padu.telemetry.flow.BigEndian.u16;
import static id.padu.telemetry.flow.BigEndian.u32;

import id.padu.telemetry.flow.ExporterSessions.Domain;
import id.padu.telemetry.flow.ExporterSessions.Exporter;

/**
 * NetFlow v5: a 24-byte header and up to 30 fixed 48-byte IPv4 records, no templates. The
 * header's sampling interval scales bytes and packets; its sequence number counts records
 * per engine (type and id), which is the v5 "domain".
 */
final class NetFlowV5Decoder {

    private final DecoderState state;
    private final ExporterSessions sessions;

    NetFlowV5Decoder(DecoderState state, ExporterSessions sessions) {
        this.state = state;
        this.sessions = sessions;
    }

    void decode(Exporter ex, byte[] b, int off, int len, FlowSink sink) {
        if (len < 24) {
            state.error();
            return;
        }
        int count = u16(b, off + 2);
        if (count == 0 || count > 30 || len < 24 + count * 48) {
            state.error();
            return;
        }
        long sysUptime = u32(b, off + 4);
        long unixSecs = u32(b, off + 8);
        long unixNsecs = u32(b, off + 12);
        long seq = u32(b, off + 16);
        int engine = u16(b, off + 20);
        int samplingField = u16(b, off + 22);
        long interval = samplingField & 0x3FFF;
        if (interval < 1) {
            interval = 1;
        }
        Domain d = sessions.domain(ex, 5, engine);
        if (d == null) {
            return;
        }
        sessions.sequence(d, seq, count, 1L << 28, 1L << 14);
        long exportMillis = unixSecs * 1000 + unixNsecs / 1_000_000;
        FlowRecord r = state.record;
        for (int i = 0; i < count; i++) {
            int p = off + 24 + i * 48;
            long pkts = u32(b, p + 16);
            long octets = u32(b, p + 20);
            long last = u32(b, p + 28);
            r.clear();
            r.version = 5;
            r.domain = engine;
            r.ipVersion = 4;
            r.srcV4 = i32(b, p);
            r.dstV4 = i32(b, p + 4);
            r.bytes = octets * interval;
            r.packets = pkts * interval;
            r.samplingNumerator = interval;
            r.endMillis = exportMillis - ((sysUptime - last) & 0xFFFFFFFFL);
            r.endFromRecord = true;
            state.packetRecords++;
            sink.accept(r);
        }
    }
}
