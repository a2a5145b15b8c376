package id.padu.telemetry.flow;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * <p>Not thread-safe: give every receive thread its own decoder (with SO_REUSEPORT the kernel
 * keeps one exporter's datagrams on one socket). Counters may be read from any thread.
 */
public final class FlowDecoder {

    /** Caps that keep a decoder's memory bounded whatever arrives. */
    public record Limits(int maxExporters, int maxTemplatesPerExporter, int maxDomainsPerExporter) {
        public static final Limits DEFAULT = new Limits(1024, 512, 256);
    }

    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /** Larger counts in one record are not traffic but corruption (2^47 bytes = 140 TB). */
    private static final long MAX_RECORD_BYTES = 1L << 47;
    private static final long MAX_RECORD_PACKETS = 1L << 40;
    /** Sampling rates above 1 in 2^24 are not believed. */
    private static final long MAX_SAMPLING = 1L << 24;
    private static final int MAX_SAMPLERS_PER_DOMAIN = 64;
    private static final long NTP_TO_UNIX_SECONDS = 2_208_988_800L;

    private final Limits limits;
    private final Map<AddressKey, Exporter> exporters = new HashMap<>();
    private Exporter lastExporter;

    // Counters: written by the decoding thread only, readable from others.
    private volatile long packets;
    private volatile long records;
    private volatile long optionRecords;
    private volatile long setsWithoutTemplate;
    private volatile long bytesWithoutTemplate;
    private volatile long decodeErrors;
    private volatile long sequenceGaps;
    private volatile long templatesRejected;
    private volatile long exportersRejected;

    // Scratch space reused for every template and record.
    private final FlowRecord record = new FlowRecord();
    private final long[] val = new long[Template.ROLES];
    private int present;
    private long src6Hi;
    private long src6Lo;
    private long dst6Hi;
    private long dst6Lo;
    private final int[] scratchIds = new int[65536 / 4];
    private final int[] scratchLengths = new int[65536 / 4];
    private final long[] scratchPens = new long[65536 / 4];
    private int packetRecords;
    private int optionRecordsInPacket;

    public FlowDecoder() {
        this(Limits.DEFAULT);
    }

    public FlowDecoder(Limits limits) {
        this.limits = limits;
    }

    /**
     * Decodes one export packet.
     *
     * @param exporterAddress the exporter's IP address (4 or 16 bytes); the decoder keeps no reference to it
     * @return the number of flow records handed to the sink
     */
    public int decode(byte[] exporterAddress, byte[] buf, int off, int len, FlowSink sink) {
        packets = packets + 1;
        packetRecords = 0;
        optionRecordsInPacket = 0;
        try {
            if (len < 4 || off < 0 || off + len > buf.length) {
                error();
                return 0;
            }
            int version = u16(buf, off);
            Exporter ex = exporter(exporterAddress);
            if (ex == null) {
                return 0;
            }
            switch (version) {
                case 5 -> decodeV5(ex, buf, off, len, sink);
                case 9 -> decodeV9(ex, buf, off, len, sink);
                case 10 -> decodeIpfix(ex, buf, off, len, sink);
                default -> error();
            }
        } catch (RuntimeException e) {
            // A bug-proof net: bounds are checked before every read, but a malformed packet
            // must never take a receive thread down.
            error();
        }
        records = records + packetRecords;
        return packetRecords;
    }

    public FlowCounters counters() {
        return new FlowCounters(packets, records, optionRecords, setsWithoutTemplate, bytesWithoutTemplate,
                decodeErrors, sequenceGaps, templatesRejected, exportersRejected);
    }

    /** Loss per exporter and domain; call from the decoding thread or after it stopped. */
    public List<ExportLoss> losses() {
        List<ExportLoss> out = new ArrayList<>();
        for (Exporter ex : exporters.values()) {
            ex.domains.forEach(d -> out.add(new ExportLoss(ex.text, d.version, d.id, d.gaps, d.lost, d.reordered, d.resets)));
        }
        return out;
    }

    /** Templates currently held, over all exporters (for tests and the status page). */
    public int templateCount() {
        int n = 0;
        for (Exporter ex : exporters.values()) {
            n += ex.templates.size();
        }
        return n;
    }

    public int exporterCount() {
        return exporters.size();
    }

    private void error() {
        decodeErrors = decodeErrors + 1;
    }

    // ---------------------------------------------------------------- exporters and domains

    private static final class AddressKey {
        final byte[] address;
        final int hash;

        AddressKey(byte[] address) {
            this.address = address;
            this.hash = Arrays.hashCode(address);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AddressKey k && Arrays.equals(k.address, address);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static final class Exporter {
        final byte[] address;
        final String text;
        final LongMap<Template> templates = new LongMap<>();
        final LongMap<Domain> domains = new LongMap<>();

        Exporter(byte[] address) {
            this.address = address;
            this.text = addressText(address);
        }
    }

    static final class Domain {
        final int version;
        final long id;
        boolean sequenceSeen;
        long expected;
        long gaps;
        long lost;
        long reordered;
        long resets;
        long samplingNum = 1;
        long samplingDen = 1;
        // Samplers (48/50) and selectors (302/305/306) by id; key has the kind in bit 40.
        long[] samplerKeys = new long[0];
        long[] samplerNum = new long[0];
        long[] samplerDen = new long[0];
        int samplers;
        long sysInitMillis = -1;
        long previousNext = -1;
        long lastTakenBack;

        Domain(int version, long id) {
            this.version = version;
            this.id = id;
        }

        void putSampler(long key, long num, long den) {
            for (int i = 0; i < samplers; i++) {
                if (samplerKeys[i] == key) {
                    samplerNum[i] = num;
                    samplerDen[i] = den;
                    return;
                }
            }
            if (samplers == MAX_SAMPLERS_PER_DOMAIN) {
                return;
            }
            if (samplers == samplerKeys.length) {
                int n = Math.max(4, samplers * 2);
                samplerKeys = Arrays.copyOf(samplerKeys, n);
                samplerNum = Arrays.copyOf(samplerNum, n);
                samplerDen = Arrays.copyOf(samplerDen, n);
            }
            samplerKeys[samplers] = key;
            samplerNum[samplers] = num;
            samplerDen[samplers] = den;
            samplers++;
        }

        int findSampler(long key) {
            for (int i = 0; i < samplers; i++) {
                if (samplerKeys[i] == key) {
                    return i;
                }
            }
            return -1;
        }
    }

    private Exporter exporter(byte[] address) {
        Exporter last = lastExporter;
        if (last != null && Arrays.equals(last.address, address)) {
            return last;
        }
        AddressKey key = new AddressKey(address);
        Exporter ex = exporters.get(key);
        if (ex == null) {
            if (exporters.size() >= limits.maxExporters()) {
                exportersRejected = exportersRejected + 1;
                error();
                return null;
            }
            byte[] copy = address.clone();
            ex = new Exporter(copy);
            exporters.put(new AddressKey(copy), ex);
        }
        lastExporter = ex;
        return ex;
    }

    private static long domainKey(int version, long domain) {
        return ((long) version << 32) | (domain & 0xFFFFFFFFL);
    }

    private Domain domain(Exporter ex, int version, long id) {
        long key = domainKey(version, id);
        Domain d = ex.domains.get(key);
        if (d == null) {
            if (ex.domains.size() >= limits.maxDomainsPerExporter()) {
                error();
                return null;
            }
            d = new Domain(version, id);
            ex.domains.put(key, d);
        }
        return d;
    }

    private static long templateKey(int version, long domain, int templateId) {
        return ((long) (version == 10 ? 1 : 0) << 48) | ((domain & 0xFFFFFFFFL) << 16) | templateId;
    }

    // ---------------------------------------------------------------- sequence numbers

    /**
     * Checks a sequence number against the one expected and moves the expectation on by
     * {@code advance}. Small backward steps are late packets (their units are taken back
     * from the loss); jumps beyond the window are exporter restarts, not loss.
     */
    private void sequence(Domain d, long seq, long advance, long forwardWindow, long backwardWindow) {
        long next = (seq + advance) & 0xFFFFFFFFL;
        if (d.sequenceSeen && seq != d.expected) {
            long ahead = (seq - d.expected) & 0xFFFFFFFFL;
            long behind = (d.expected - seq) & 0xFFFFFFFFL;
            if (seq == d.previousNext) {
                // The stream carries on from the previous, out-of-place packet: the exporter
                // restarted its numbering; that packet was no late arrival.
                d.resets++;
                d.reordered = Math.max(0, d.reordered - 1);
                d.lost += d.lastTakenBack;
            } else if (ahead <= forwardWindow) {
                d.gaps++;
                d.lost += ahead;
                sequenceGaps = sequenceGaps + 1;
            } else if (behind <= backwardWindow) {
                d.reordered++;
                d.lastTakenBack = Math.min(d.lost, advance);
                d.lost -= d.lastTakenBack;
                d.previousNext = next;
                return;
            } else {
                d.resets++;
            }
        }
        d.sequenceSeen = true;
        d.expected = next;
        d.previousNext = -1;
        d.lastTakenBack = 0;
    }

    // ---------------------------------------------------------------- NetFlow v5

    private void decodeV5(Exporter ex, byte[] b, int off, int len, FlowSink sink) {
        if (len < 24) {
            error();
            return;
        }
        int count = u16(b, off + 2);
        if (count == 0 || count > 30 || len < 24 + count * 48) {
            error();
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
        Domain d = domain(ex, 5, engine);
        if (d == null) {
            return;
        }
        sequence(d, seq, count, 1L << 28, 1L << 14);
        long exportMillis = unixSecs * 1000 + unixNsecs / 1_000_000;
        FlowRecord r = record;
        for (int i = 0; i < count; i++) {
            int p = off + 24 + i * 48;
            long pkts = u32(b, p + 16);
            long octets = u32(b, p + 20);
            long last = u32(b, p + 28);
            r.clear();
            r.version = 5;
            r.domain = engine;
            r.ipVersion = 4;
            r.srcV4 = (int) I32.get(b, p);
            r.dstV4 = (int) I32.get(b, p + 4);
            r.bytes = octets * interval;
            r.packets = pkts * interval;
            r.samplingNumerator = interval;
            r.endMillis = exportMillis - ((sysUptime - last) & 0xFFFFFFFFL);
            r.endFromRecord = true;
            packetRecords++;
            sink.accept(r);
        }
    }

    // ---------------------------------------------------------------- NetFlow v9

    private void decodeV9(Exporter ex, byte[] b, int off, int len, FlowSink sink) {
        if (len < 20) {
            error();
            return;
        }
        long sysUptime = u32(b, off + 4);
        long unixSecs = u32(b, off + 8);
        long seq = u32(b, off + 12);
        long sourceId = u32(b, off + 16);
        Domain d = domain(ex, 9, sourceId);
        if (d == null) {
            return;
        }
        sequence(d, seq, 1, 1L << 20, 1L << 10);
        long exportMillis = unixSecs * 1000;
        int p = off + 20;
        int end = off + len;
        while (end - p >= 4) {
            int setId = u16(b, p);
            int setLen = u16(b, p + 2);
            if (setLen < 4 || setLen > end - p) {
                error();
                return;
            }
            int body = p + 4;
            int setEnd = p + setLen;
            if (setId == 0) {
                templatesV9(ex, d, b, body, setEnd);
            } else if (setId == 1) {
                optionsTemplatesV9(ex, d, b, body, setEnd);
            } else if (setId >= 256) {
                dataSet(ex, d, 9, setId, b, body, setEnd, exportMillis, sysUptime, sink);
            }
            // Set ids 2..255 are reserved: skipped by their length.
            p = setEnd;
        }
    }

    private void templatesV9(Exporter ex, Domain d, byte[] b, int q, int setEnd) {
        while (setEnd - q >= 4) {
            int tid = u16(b, q);
            int fc = u16(b, q + 2);
            q += 4;
            if (tid < 256 || fc == 0 || fc * 4 > setEnd - q) {
                error();
                return;
            }
            for (int i = 0; i < fc; i++) {
                int len = u16(b, q + 2);
                if (len == 0 || len == Template.VARIABLE) {
                    error();
                    return;
                }
                scratchIds[i] = u16(b, q);
                scratchLengths[i] = len;
                scratchPens[i] = 0;
                q += 4;
            }
            install(ex, d, 9, tid, false, 0, fc);
        }
    }

    private void optionsTemplatesV9(Exporter ex, Domain d, byte[] b, int q, int setEnd) {
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
                error();
                return;
            }
            int fc = (scopeLen + optLen) / 4;
            for (int i = 0; i < fc; i++) {
                int len = u16(b, q + 2);
                // RFC 3954 allows a zero-length scope field only as "system" scope padding; refuse 65535.
                if (len == Template.VARIABLE || (len == 0 && i >= scopeLen / 4)) {
                    error();
                    return;
                }
                scratchIds[i] = u16(b, q);
                scratchLengths[i] = len;
                scratchPens[i] = 0;
                q += 4;
            }
            install(ex, d, 9, tid, true, scopeLen / 4, fc);
        }
    }

    // ---------------------------------------------------------------- IPFIX

    private void decodeIpfix(Exporter ex, byte[] b, int off, int len, FlowSink sink) {
        if (len < 16) {
            error();
            return;
        }
        int msgLen = u16(b, off + 2);
        if (msgLen < 16 || msgLen > len) {
            error();
            return;
        }
        long exportSecs = u32(b, off + 4);
        long seq = u32(b, off + 8);
        long domainId = u32(b, off + 12);
        Domain d = domain(ex, 10, domainId);
        if (d == null) {
            return;
        }
        long exportMillis = exportSecs * 1000;
        int p = off + 16;
        int end = off + msgLen;
        int before = packetRecords;
        while (end - p >= 4) {
            int setId = u16(b, p);
            int setLen = u16(b, p + 2);
            if (setLen < 4 || setLen > end - p) {
                error();
                break;
            }
            int body = p + 4;
            int setEnd = p + setLen;
            if (setId == 2 || setId == 3) {
                templatesIpfix(ex, d, setId, b, body, setEnd);
            } else if (setId >= 256) {
                dataSet(ex, d, 10, setId, b, body, setEnd, exportMillis, 0, sink);
            } else {
                error(); // 0, 1, 4..255 are not valid IPFIX set ids
            }
            p = setEnd;
        }
        // IPFIX sequence numbers count data records (flow and options) sent in the domain; the
        // records of a malformed message that could not be read show up as loss in the next one.
        sequence(d, seq, packetRecords - before + optionRecordsInPacket, 1L << 28, 1L << 14);
        optionRecordsInPacket = 0;
    }

    private void templatesIpfix(Exporter ex, Domain d, int setId, byte[] b, int q, int setEnd) {
        boolean options = setId == 3;
        while (setEnd - q >= 4) {
            int tid = u16(b, q);
            int fc = u16(b, q + 2);
            q += 4;
            if (fc == 0) {
                withdraw(ex, d, tid, setId, options);
                continue;
            }
            int scope = 0;
            if (options) {
                if (setEnd - q < 2) {
                    error();
                    return;
                }
                scope = u16(b, q);
                q += 2;
                if (scope == 0 || scope > fc) {
                    error();
                    return;
                }
            }
            if (tid < 256) {
                error();
                return;
            }
            for (int i = 0; i < fc; i++) {
                if (setEnd - q < 4) {
                    error();
                    return;
                }
                int id = u16(b, q);
                int len = u16(b, q + 2);
                q += 4;
                long pen = 0;
                if ((id & 0x8000) != 0) {
                    if (setEnd - q < 4) {
                        error();
                        return;
                    }
                    pen = u32(b, q);
                    q += 4;
                }
                scratchIds[i] = id;
                scratchLengths[i] = len;
                scratchPens[i] = pen;
            }
            install(ex, d, 10, tid, options, scope, fc);
        }
    }

    private void withdraw(Exporter ex, Domain d, int tid, int setId, boolean options) {
        if (tid == setId) {
            // "All templates" withdrawal: every template (or options template) of this domain.
            long base = templateKey(10, d.id, 0);
            ex.templates.removeIf((k, t) -> (k & ~0xFFFFL) == base && t.options == options);
            return;
        }
        if (tid < 256) {
            error();
            return;
        }
        long key = templateKey(10, d.id, tid);
        Template t = ex.templates.get(key);
        if (t != null && t.options == options) {
            ex.templates.remove(key);
        }
    }

    private void install(Exporter ex, Domain d, int version, int tid, boolean options, int scope, int fc) {
        long key = templateKey(version, d.id, tid);
        Template old = ex.templates.get(key);
        if (old != null && old.sameLayout(options, scope, fc, scratchIds, scratchLengths, scratchPens)) {
            return; // a refresh: keep the compiled template, allocate nothing
        }
        Template t = new Template(tid, options, scope, fc, scratchIds, scratchLengths, scratchPens, version);
        if (t.minLength < 1) {
            error(); // a record of zero bytes could never be walked past
            return;
        }
        if (old == null && ex.templates.size() >= limits.maxTemplatesPerExporter()) {
            templatesRejected = templatesRejected + 1;
            error();
            return;
        }
        ex.templates.put(key, t);
    }

    // ---------------------------------------------------------------- data sets

    private void dataSet(Exporter ex, Domain d, int version, int setId, byte[] b, int q, int setEnd,
                         long exportMillis, long sysUptime, FlowSink sink) {
        Template t = ex.templates.get(templateKey(version, d.id, setId));
        if (t == null) {
            setsWithoutTemplate = setsWithoutTemplate + 1;
            bytesWithoutTemplate = bytesWithoutTemplate + (setEnd - q);
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
                        error();
                        return;
                    }
                    len = b[p] & 0xFF;
                    p++;
                    if (len == 255) {
                        if (setEnd - p < 2) {
                            error();
                            return;
                        }
                        len = u16(b, p);
                        p += 2;
                    }
                }
                if (setEnd - p < len) {
                    error();
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
                src6Hi = (long) I64.get(b, p);
                src6Lo = (long) I64.get(b, p + 8);
            }
            case Template.R_DST6 -> {
                dst6Hi = (long) I64.get(b, p);
                dst6Lo = (long) I64.get(b, p + 8);
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
            error();
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
        FlowRecord r = record;
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
                error(); // a corrupt count times a large rate: not traffic
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
        packetRecords++;
        sink.accept(r);
    }

    private void optionRecord(Domain d) {
        optionRecords = optionRecords + 1;
        optionRecordsInPacket++;
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
                error();
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

    // ---------------------------------------------------------------- reading

    private static int u16(byte[] b, int p) {
        return ((short) I16.get(b, p)) & 0xFFFF;
    }

    private static long u32(byte[] b, int p) {
        return ((int) I32.get(b, p)) & 0xFFFFFFFFL;
    }

    /** Unsigned big-endian integer of 1 to 8 bytes (reduced-size encoding, RFC 7011 6.2). */
    private static long unsigned(byte[] b, int p, int len) {
        switch (len) {
            case 1:
                return b[p] & 0xFFL;
            case 2:
                return u16(b, p);
            case 4:
                return u32(b, p);
            case 8:
                return (long) I64.get(b, p);
            default:
                long v = 0;
                for (int i = 0; i < len; i++) {
                    v = (v << 8) | (b[p + i] & 0xFF);
                }
                return v;
        }
    }

    static String addressText(byte[] a) {
        if (a.length == 4) {
            return (a[0] & 0xFF) + "." + (a[1] & 0xFF) + "." + (a[2] & 0xFF) + "." + (a[3] & 0xFF);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i + 1 < a.length; i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(Integer.toHexString(((a[i] & 0xFF) << 8) | (a[i + 1] & 0xFF)));
        }
        return sb.toString();
    }
}
