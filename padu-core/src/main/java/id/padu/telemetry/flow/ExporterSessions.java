package id.padu.telemetry.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a decoder remembers between packets, per exporter: its templates, its domains
 * (IPFIX observation domain, v9 source id, v5 engine) with their sampling rates, and the
 * sequence numbers that tell how much of the export was lost on the way.
 *
 * <p>Templates are scoped by (exporter address, protocol, domain, template id), so two
 * exporters, or two domains of one exporter, announcing template 256 with different layouts
 * never mix. Memory is bounded by {@link FlowDecoder.Limits}: a new exporter, domain or
 * template beyond its cap is refused and counted, never stored.
 *
 * <p>The protocol decoders parse; this class decides what is kept. Not thread-safe, like the
 * decoder that owns it.
 */
final class ExporterSessions {

    private static final int MAX_SAMPLERS_PER_DOMAIN = 64;

    private final FlowDecoder.Limits limits;
    private final DecoderState state;
    private final Map<AddressKey, Exporter> exporters = new HashMap<>();
    // Most datagrams come from the exporter of the one before: skip the map for those.
    private Exporter lastExporter;

    ExporterSessions(FlowDecoder.Limits limits, DecoderState state) {
        this.limits = limits;
        this.state = state;
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

    /** One exporting device, known by its address: the scope of its templates and domains. */
    static final class Exporter {
        final byte[] address;
        final String text;
        final LongMap<Template> templates = new LongMap<>();
        final LongMap<Domain> domains = new LongMap<>();

        Exporter(byte[] address) {
            this.address = address;
            this.text = addressText(address);
        }
    }

    /** One exporter's sequence-number stream and sampling configuration for one protocol and domain. */
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

    /** The exporter with this address, created on first sight; null (counted) past the exporter cap. */
    Exporter exporter(byte[] address) {
        Exporter last = lastExporter;
        if (last != null && Arrays.equals(last.address, address)) {
            return last;
        }
        AddressKey key = new AddressKey(address);
        Exporter ex = exporters.get(key);
        if (ex == null) {
            if (exporters.size() >= limits.maxExporters()) {
                state.exportersRejected = state.exportersRejected + 1;
                state.error();
                return null;
            }
            // The caller may reuse its array for the next datagram: keep a copy.
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

    /** The exporter's domain for this protocol version, created on first sight; null (counted) past the cap. */
    Domain domain(Exporter ex, int version, long id) {
        long key = domainKey(version, id);
        Domain d = ex.domains.get(key);
        if (d == null) {
            if (ex.domains.size() >= limits.maxDomainsPerExporter()) {
                state.error();
                return null;
            }
            d = new Domain(version, id);
            ex.domains.put(key, d);
        }
        return d;
    }

    // ---------------------------------------------------------------- templates

    // v9 and IPFIX templates live apart (bit 48), each within its domain: one long, no boxing.
    private static long templateKey(int version, long domain, int templateId) {
        return ((long) (version == 10 ? 1 : 0) << 48) | ((domain & 0xFFFFFFFFL) << 16) | templateId;
    }

    /** The template a data set refers to, or null when it has not been announced (yet). */
    Template template(Exporter ex, Domain d, int version, int templateId) {
        return ex.templates.get(templateKey(version, d.id, templateId));
    }

    /**
     * Compiles the template whose {@code fc} fields {@link DecoderState} holds and keeps it,
     * replacing an older one of the same id. Refused (and counted) past the template cap.
     */
    void install(Exporter ex, Domain d, int version, int tid, boolean options, int scope, int fc) {
        long key = templateKey(version, d.id, tid);
        Template old = ex.templates.get(key);
        if (old != null && old.sameLayout(options, scope, fc, state.fieldIds, state.fieldLengths, state.fieldPens)) {
            return; // a refresh: keep the compiled template, allocate nothing
        }
        Template t = new Template(tid, options, scope, fc, state.fieldIds, state.fieldLengths, state.fieldPens, version);
        if (t.minLength < 1) {
            state.error(); // a record of zero bytes could never be walked past
            return;
        }
        if (old == null && ex.templates.size() >= limits.maxTemplatesPerExporter()) {
            state.templatesRejected = state.templatesRejected + 1;
            state.error();
            return;
        }
        ex.templates.put(key, t);
    }

    /**
     * An IPFIX template withdrawal (RFC 7011 8.1; v9 has none): one template, or every
     * template (or options template) of the domain when the id equals the set id.
     */
    void withdraw(Exporter ex, Domain d, int tid, int setId, boolean options) {
        if (tid == setId) {
            // "All templates" withdrawal: every template (or options template) of this domain.
            long base = templateKey(10, d.id, 0);
            ex.templates.removeIf((k, t) -> (k & ~0xFFFFL) == base && t.options == options);
            return;
        }
        if (tid < 256) {
            state.error();
            return;
        }
        long key = templateKey(10, d.id, tid);
        Template t = ex.templates.get(key);
        if (t != null && t.options == options) {
            ex.templates.remove(key);
        }
    }

    // ---------------------------------------------------------------- sequence numbers

    /**
     * Checks a sequence number against the one expected and moves the expectation on by
     * {@code advance}. Small backward steps are late packets (their units are taken back
     * from the loss); jumps beyond the window are exporter restarts, not loss.
     */
    void sequence(Domain d, long seq, long advance, long forwardWindow, long backwardWindow) {
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
                state.sequenceGaps = state.sequenceGaps + 1;
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

    // ---------------------------------------------------------------- reports

    List<ExportLoss> losses() {
        List<ExportLoss> out = new ArrayList<>();
        for (Exporter ex : exporters.values()) {
            ex.domains.forEach(d -> out.add(new ExportLoss(ex.text, d.version, d.id, d.gaps, d.lost, d.reordered, d.resets)));
        }
        return out;
    }

    int templateCount() {
        int n = 0;
        for (Exporter ex : exporters.values()) {
            n += ex.templates.size();
        }
        return n;
    }

    int exporterCount() {
        return exporters.size();
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
