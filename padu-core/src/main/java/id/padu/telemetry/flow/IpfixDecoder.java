package id.padu.telemetry.flow;

import static id.padu.telemetry.flow.BigEndian.u16;
import static id.padu.telemetry.flow.BigEndian.u32;

import id.padu.telemetry.flow.ExporterSessions.Domain;
import id.padu.telemetry.flow.ExporterSessions.Exporter;

/**
 * IPFIX (RFC 7011): a 16-byte message header, then sets: templates (id 2), options templates
 * (id 3) and data (id 256 and up, read by {@link DataSetReader}). Unlike v9, fields may be
 * enterprise-specific or variable-length, templates can be withdrawn, and the sequence number
 * counts the data records (flow and options) sent in the observation domain.
 */
final class IpfixDecoder {

    private final DecoderState state;
    private final ExporterSessions sessions;
    private final DataSetReader dataSets;

    IpfixDecoder(DecoderState state, ExporterSessions sessions, DataSetReader dataSets) {
        this.state = state;
        this.sessions = sessions;
        this.dataSets = dataSets;
    }

    void decode(Exporter ex, byte[] b, int off, int len, FlowSink sink) {
        if (len < 16) {
            state.error();
            return;
        }
        int msgLen = u16(b, off + 2);
        if (msgLen < 16 || msgLen > len) {
            state.error();
            return;
        }
        long exportSecs = u32(b, off + 4);
        long seq = u32(b, off + 8);
        long domainId = u32(b, off + 12);
        Domain d = sessions.domain(ex, 10, domainId);
        if (d == null) {
            return;
        }
        long exportMillis = exportSecs * 1000;
        int p = off + 16;
        int end = off + msgLen;
        int before = state.packetRecords;
        while (end - p >= 4) {
            int setId = u16(b, p);
            int setLen = u16(b, p + 2);
            if (setLen < 4 || setLen > end - p) {
                state.error();
                break;
            }
            int body = p + 4;
            int setEnd = p + setLen;
            if (setId == 2 || setId == 3) {
                templates(ex, d, setId, b, body, setEnd);
            } else if (setId >= 256) {
                dataSets.read(ex, d, 10, setId, b, body, setEnd, exportMillis, 0, sink);
            } else {
                state.error(); // 0, 1, 4..255 are not valid IPFIX set ids
            }
            p = setEnd;
        }
        // IPFIX sequence numbers count data records (flow and options) sent in the domain; the
        // records of a malformed message that could not be read show up as loss in the next one.
        sessions.sequence(d, seq, state.packetRecords - before + state.optionRecordsInPacket, 1L << 28, 1L << 14);
        state.optionRecordsInPacket = 0;
    }

    private void templates(Exporter ex, Domain d, int setId, byte[] b, int q, int setEnd) {
        int[] ids = state.fieldIds;
        int[] lengths = state.fieldLengths;
        long[] pens = state.fieldPens;
        boolean options = setId == 3;
        while (setEnd - q >= 4) {
            int tid = u16(b, q);
            int fc = u16(b, q + 2);
            q += 4;
            if (fc == 0) {
                sessions.withdraw(ex, d, tid, setId, options);
                continue;
            }
            int scope = 0;
            if (options) {
                if (setEnd - q < 2) {
                    state.error();
                    return;
                }
                scope = u16(b, q);
                q += 2;
                if (scope == 0 || scope > fc) {
                    state.error();
                    return;
                }
            }
            if (tid < 256) {
                state.error();
                return;
            }
            for (int i = 0; i < fc; i++) {
                if (setEnd - q < 4) {
                    state.error();
                    return;
                }
                int id = u16(b, q);
                int len = u16(b, q + 2);
                q += 4;
                long pen = 0;
                if ((id & 0x8000) != 0) {
                    // Enterprise bit: a 4-byte private enterprise number follows.
                    if (setEnd - q < 4) {
                        state.error();
                        return;
                    }
                    pen = u32(b, q);
                    q += 4;
                }
                ids[i] = id;
                lengths[i] = len;
                pens[i] = pen;
            }
            sessions.install(ex, d, 10, tid, options, scope, fc);
        }
    }
}
