package id.padu.telemetry.flow;

import static id.padu.telemetry.flow.BigEndian.u16;
import static id.padu.telemetry.flow.BigEndian.u32;

import id.padu.telemetry.flow.ExporterSessions.Domain;
import id.padu.telemetry.flow.ExporterSessions.Exporter;

/**
 * NetFlow v9 (RFC 3954): a 20-byte header, then flowsets: templates (id 0), options templates
 * (id 1) and data (id 256 and up, read by {@link DataSetReader}). The sequence number counts
 * export packets per source id; record end times are relative to the header's uptime.
 */
final class NetFlowV9Decoder {

    private final DecoderState state;
    private final ExporterSessions sessions;
    private final DataSetReader dataSets;

    NetFlowV9Decoder(DecoderState state, ExporterSessions sessions, DataSetReader dataSets) {
        this.state = state;
        this.sessions = sessions;
        this.dataSets = dataSets;
    }

    void decode(Exporter ex, byte[] b, int off, int len, FlowSink sink) {
        if (len < 20) {
            state.error();
            return;
        }
        long sysUptime = u32(b, off + 4);
        long unixSecs = u32(b, off + 8);
        long seq = u32(b, off + 12);
        long sourceId = u32(b, off + 16);
        Domain d = sessions.domain(ex, 9, sourceId);
        if (d == null) {
            return;
        }
        sessions.sequence(d, seq, 1, 1L << 20, 1L << 10);
        long exportMillis = unixSecs * 1000;
        int p = off + 20;
        int end = off + len;
        while (end - p >= 4) {
            int setId = u16(b, p);
            int setLen = u16(b, p + 2);
            if (setLen < 4 || setLen > end - p) {
                state.error();
                return;
            }
            int body = p + 4;
            int setEnd = p + setLen;
            if (setId == 0) {
                templates(ex, d, b, body, setEnd);
            } else if (setId == 1) {
                optionsTemplates(ex, d, b, body, setEnd);
            } else if (setId >= 256) {
                dataSets.read(ex, d, 9, setId, b, body, setEnd, exportMillis, sysUptime, sink);
            }
            // Set ids 2..255 are reserved: skipped by their length.
            p = setEnd;
        }
    }

    private void templates(Exporter ex, Domain d, byte[] b, int q, int setEnd) {
        int[] ids = state.fieldIds;
        int[] lengths = state.fieldLengths;
        long[] pens = state.fieldPens;
        while (setEnd - q >= 4) {
            int tid = u16(b, q);
            int fc = u16(b, q + 2);
            q += 4;
            if (tid < 256 || fc == 0 || fc * 4 > setEnd - q) {
                state.error();
                return;
            }
            for (int i = 0; i < fc; i++) {
                int len = u16(b, q + 2);
                if (len == 0 || len == Template.VARIABLE) {
                    state.error();
                    return;
                }
                ids[i] = u16(b, q);
                lengths[i] = len;
                pens[i] = 0;
                q += 4;
            }
            sessions.install(ex, d, 9, tid, false, 0, fc);
        }
    }

    private void optionsTemplates(Exporter ex, Domain d, byte[] b, int q, int setEnd) {
        int[] ids = state.fieldIds;
        int[] lengths = state.fieldLengths;
        long[] pens = state.fieldPens;
        while (setEnd - q >= 6) {
            int tid = u16(b, q);
            int scopeLen = u16(b, q + 2);
            int optLen = u16(b, q + 4);
            if (tid == 0 && scopeLen == 0 && optLen == 0) {
                return; // padding
            }
            q += 6;
            if (tid < 256 || (scopeLen & 3) != 0 || (optLen & 3) != 0 || scopeLen + optLen == 0
                    || scopeLen + optLen > setEnd - q) {
                state.error();
                return;
            }
            int fc = (scopeLen + optLen) / 4;
            for (int i = 0; i < fc; i++) {
                int len = u16(b, q + 2);
                // RFC 3954 allows a zero-length scope field only as "system" scope padding; refuse 65535.
                if (len == Template.VARIABLE || (len == 0 && i >= scopeLen / 4)) {
                    state.error();
                    return;
                }
                ids[i] = u16(b, q);
                lengths[i] = len;
                pens[i] = 0;
                q += 4;
            }
            sessions.install(ex, d, 9, tid, true, scopeLen / 4, fc);
        }
    }
}
