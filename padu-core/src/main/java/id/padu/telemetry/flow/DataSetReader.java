package id.padu.telemetry.flow;

import static id.padu.telemetry.flow.BigEndian.i64;
import static id.padu.telemetry.flow.BigEndian.u16;
import static id.padu.telemetry.flow.BigEndian.unsigned;

import id.padu.telemetry.flow.ExporterSessions.Domain;
import id.padu.telemetry.flow.ExporterSessions.Exporter;

/**
 * Reads the records of one template-described data set, the part NetFlow v9 and IPFIX have
 * in common: every field is read into its role, then a flow record is assembled (sampling
 * applied, end time resolved) and handed to the sink, or an options record updates its
 * domain's sampling rates and system init time.
 *
 * <p>This is the decoder's inner loop. It is called once per data set and then works on
 * primitive scratch fields and the shared {@link FlowRecord}: no allocation and no
 * virtual call per record other than the sink's.
 */
final class DataSetReader {

    /** Larger counts in one record are not traffic but corruption (2^47 bytes = 140 TB). */
    private static final long MAX_RECORD_BYTES = 1L << 47;
    private static final long MAX_RECORD_PACKETS = 1L << 40;
    /** Sampling rates above 1 in 2^24 are not believed. */
    private static final long MAX_SAMPLING = 1L << 24;
    private static final long NTP_TO_UNIX_SECONDS = 2_208_988_800L;

    private final DecoderState state;
    private final ExporterSessions sessions;

    // Scratch space reused for every record: the values read by role, and which roles were present.
    private final long[] val = new long[Template.ROLES];
    private int present;
    private long src6Hi;
    private long src6Lo;
    private long dst6Hi;
    private long dst6Lo;

    DataSetReader(DecoderState state, ExporterSessions sessions) {
        this.state = state;
        this.sessions = sessions;
    }

    /**
     * Reads the records between {@code q} and {@code setEnd} with the template {@code setId} of
     * the domain; a set whose template is unknown is counted and skipped.
     *
     * @param sysUptime the v9 header's uptime (end times are relative to it); 0 for IPFIX
     */
    void read(Exporter ex, Domain d, int version, int setId, byte[] b, int q, int setEnd,
              long exportMillis, long sysUptime, FlowSink sink) {
        Template t = sessions.template(ex, d, version, setId);
        if (t == null) {
            state.setsWithoutTemplate = state.setsWithoutTemplate + 1;
            state.bytesWithoutTemplate = state.bytesWithoutTemplate + (setEnd - q);
            return;
        }
        int fixed = t.fixedLength;
        if (fixed > 0) {
            int[] roles = t.fixedRoles;
            int[] offsets = t.fixedOffsets;
            int[] lengths = t.fixedLengths;
            int n = roles.length;
            while (setEnd - q >= fixed) {
                present = 0;
                for (int k = 0; k < n; k++) {
                    readRole(b, q + offsets[k], roles[k], lengths[k]);
                }
                finishRecord(t, d, version, exportMillis, sysUptime, sink);
                q += fixed;
            }
            // What is left is padding (shorter than a record).
            return;
        }
        int min = t.minLength;
        while (setEnd - q >= min) {
            present = 0;
            int p = q;
            for (int i = 0; i < t.fieldCount; i++) {
                int len = t.lengths[i];
                if (len == Template.VARIABLE) {
                    if (setEnd - p < 1) {
                        state.error();
                        return;
                    }
                    len = b[p] & 0xFF;
                    p++;
                    if (len == 255) {
                        if (setEnd - p < 2) {
                            state.error();
                            return;
                        }
                        len = u16(b, p);
                        p += 2;
                    }
                }
                if (setEnd - p < len) {
                    state.error();
                    return;
                }
                int role = t.roles[i];
                // A role is bound to a fixed length at compile time; a variable-length field gets
                // one only if the length it carries fits the element.
                if (role != Template.R_NONE && (present & (1 << role)) == 0
                        && (t.lengths[i] != Template.VARIABLE || Template.roleOf(t.elementIds[i], len) == role)) {
                    readRole(b, p, role, len);
                }
                p += len;
            }
            finishRecord(t, d, version, exportMillis, sysUptime, sink);
            q = p;
        }
    }

    private void readRole(byte[] b, int p, int role, int len) {
        switch (role) {
            case Template.R_SRC6 -> {
                src6Hi = i64(b, p);
                src6Lo = i64(b, p + 8);
            }
            case Template.R_DST6 -> {
                dst6Hi = i64(b, p);
                dst6Lo = i64(b, p + 8);
            }
            default -> val[role] = unsigned(b, p, len);
        }
        present |= 1 << role;
    }

    private boolean has(int role) {
        return (present & (1 << role)) != 0;
    }

    private void finishRecord(Template t, Domain d, int version, long exportMillis, long sysUptime, FlowSink sink) {
        if (t.options) {
            optionRecord(d);
            return;
        }
        long bytes = has(Template.R_BYTES) ? val[Template.R_BYTES] : has(Template.R_BYTES_ALT) ? val[Template.R_BYTES_ALT] : 0;
        long pkts = has(Template.R_PACKETS) ? val[Template.R_PACKETS] : has(Template.R_PACKETS_ALT) ? val[Template.R_PACKETS_ALT] : 0;
        if (bytes < 0 || bytes > MAX_RECORD_BYTES || pkts < 0 || pkts > MAX_RECORD_PACKETS) {
            state.error();
            return;
        }
        long num = d.samplingNum;
        long den = d.samplingDen;
        if (has(Template.R_SAMPLING_INTERVAL) && val[Template.R_SAMPLING_INTERVAL] > 0
                && val[Template.R_SAMPLING_INTERVAL] <= MAX_SAMPLING) {
            num = val[Template.R_SAMPLING_INTERVAL];
            den = 1;
        } else if (has(Template.R_SAMPLER_ID) || has(Template.R_SELECTOR_ID)) {
            long key = has(Template.R_SAMPLER_ID) ? val[Template.R_SAMPLER_ID] : (1L << 40) | val[Template.R_SELECTOR_ID];
            int i = d.findSampler(key);
            if (i >= 0) {
                num = d.samplerNum[i];
                den = d.samplerDen[i];
            }
        }
        FlowRecord r = state.record;
        r.clear();
        r.version = version;
        r.domain = d.id;
        if (has(Template.R_SRC4) || has(Template.R_DST4)) {
            r.ipVersion = 4;
            r.srcV4 = (int) val[Template.R_SRC4];
            r.dstV4 = (int) val[Template.R_DST4];
            if (!has(Template.R_SRC4)) {
                r.srcV4 = 0;
            }
            if (!has(Template.R_DST4)) {
                r.dstV4 = 0;
            }
        } else if (has(Template.R_SRC6) || has(Template.R_DST6)) {
            r.ipVersion = 6;
            if (has(Template.R_SRC6)) {
                r.srcHi = src6Hi;
                r.srcLo = src6Lo;
            }
            if (has(Template.R_DST6)) {
                r.dstHi = dst6Hi;
                r.dstLo = dst6Lo;
            }
        }
        if (num == den) {
            r.bytes = bytes;
            r.packets = pkts;
        } else {
            long scaledBytes = bytes * num;
            long scaledPackets = pkts * num;
            if (Math.multiplyHigh(bytes, num) != 0 || scaledBytes < 0 || Math.multiplyHigh(pkts, num) != 0 || scaledPackets < 0) {
                state.error(); // a corrupt count times a large rate: not traffic
                return;
            }
            r.bytes = scaledBytes / den;
            r.packets = scaledPackets / den;
        }
        r.samplingNumerator = num;
        r.samplingDenominator = den;
        r.endMillis = exportMillis;
        if (has(Template.R_END_MS)) {
            r.endMillis = val[Template.R_END_MS];
            r.endFromRecord = true;
        } else if (has(Template.R_END_SEC)) {
            r.endMillis = val[Template.R_END_SEC] * 1000;
            r.endFromRecord = true;
        } else if (has(Template.R_END_NTP)) {
            long ntp = val[Template.R_END_NTP];
            long secs = (ntp >>> 32) - NTP_TO_UNIX_SECONDS;
            r.endMillis = secs * 1000 + (((ntp & 0xFFFFFFFFL) * 1000) >>> 32);
            r.endFromRecord = true;
        } else if (has(Template.R_END_SYSUP)) {
            if (version == 9) {
                r.endMillis = exportMillis - ((sysUptime - val[Template.R_END_SYSUP]) & 0xFFFFFFFFL);
                r.endFromRecord = true;
            } else if (d.sysInitMillis >= 0) {
                r.endMillis = d.sysInitMillis + val[Template.R_END_SYSUP];
                r.endFromRecord = true;
            }
        }
        state.packetRecords++;
        sink.accept(r);
    }

    private void optionRecord(Domain d) {
        state.optionRecords = state.optionRecords + 1;
        state.optionRecordsInPacket++;
        if (has(Template.R_SYS_INIT_MS)) {
            d.sysInitMillis = val[Template.R_SYS_INIT_MS];
        }
        long num = 0;
        long den = 1;
        if (has(Template.R_SAMPLER_INTERVAL) && val[Template.R_SAMPLER_INTERVAL] > 0) {
            num = val[Template.R_SAMPLER_INTERVAL];
        } else if (has(Template.R_SAMPLING_INTERVAL) && val[Template.R_SAMPLING_INTERVAL] > 0) {
            num = val[Template.R_SAMPLING_INTERVAL];
        } else if (has(Template.R_PKT_INTERVAL) && val[Template.R_PKT_INTERVAL] > 0) {
            // 305/306: select "interval" packets, then skip "space" packets.
            long space = has(Template.R_PKT_SPACE) ? val[Template.R_PKT_SPACE] : 0;
            num = val[Template.R_PKT_INTERVAL] + space;
            den = val[Template.R_PKT_INTERVAL];
        }
        if (num <= 0 || num > MAX_SAMPLING || den > MAX_SAMPLING || num < den) {
            if (num != 0) {
                state.error();
            }
            return;
        }
        if (has(Template.R_SAMPLER_ID)) {
            d.putSampler(val[Template.R_SAMPLER_ID], num, den);
        } else if (has(Template.R_SELECTOR_ID)) {
            d.putSampler((1L << 40) | val[Template.R_SELECTOR_ID], num, den);
        } else {
            d.samplingNum = num;
            d.samplingDen = den;
        }
    }
}
