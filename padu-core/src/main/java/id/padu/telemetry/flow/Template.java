package id.padu.telemetry.flow;

import java.util.Arrays;

/**
 * A (options) template compiled for decoding: every field gets a role, and for templates
 * without variable-length fields the offsets of the roles the collector reads are
 * precomputed, so a data record is read with a handful of loads.
 *
 * <p>An enterprise-specific field (IPFIX: top bit of the element id, then a 4-byte PEN) never
 * gets a role: element 1 of enterprise 9 is not IANA's octetDeltaCount.
 */
final class Template {

    static final int VARIABLE = 65535;

    // Roles of fields the collector uses; everything else is skipped by its length.
    static final int R_NONE = 0;
    static final int R_SRC4 = 1;
    static final int R_DST4 = 2;
    static final int R_SRC6 = 3;
    static final int R_DST6 = 4;
    static final int R_BYTES = 5;
    static final int R_PACKETS = 6;
    static final int R_END_SYSUP = 7;      // v9 LAST_SWITCHED / IPFIX flowEndSysUpTime (ms since boot)
    static final int R_END_SEC = 8;        // IPFIX 151 flowEndSeconds
    static final int R_END_MS = 9;         // IPFIX 153 flowEndMilliseconds
    static final int R_END_NTP = 10;       // IPFIX 155/157 flowEndMicro/Nanoseconds (NTP format)
    static final int R_SAMPLING_INTERVAL = 11; // 34 samplingInterval (v9 SAMPLING_INTERVAL)
    static final int R_SAMPLER_ID = 12;    // 48 (v9 FLOW_SAMPLER_ID / IPFIX samplerId)
    static final int R_SAMPLER_INTERVAL = 13; // 50 (FLOW_SAMPLER_RANDOM_INTERVAL / samplerRandomInterval)
    static final int R_SELECTOR_ID = 14;   // 302 selectorId
    static final int R_PKT_INTERVAL = 15;  // 305 samplingPacketInterval
    static final int R_PKT_SPACE = 16;     // 306 samplingPacketSpace
    static final int R_SYS_INIT_MS = 17;   // 160 systemInitTimeMilliseconds
    static final int R_BYTES_ALT = 18;     // 23 postOctetDeltaCount / OUT_BYTES, used when 1 is absent
    static final int R_PACKETS_ALT = 19;   // 24 postPacketDeltaCount / OUT_PKTS
    static final int ROLES = 20;

    final int id;
    final boolean options;
    final int scopeCount;
    final int fieldCount;
    final int[] elementIds;   // as on the wire, enterprise bit included
    final int[] lengths;
    final long[] pens;        // 0 unless enterprise-specific
    final int[] roles;
    final int[] roleLengths;
    /** Record length when every field is fixed, else -1. */
    final int fixedLength;
    /** The least number of bytes one record can take (a variable field takes at least its 1-byte length). */
    final int minLength;
    /** Offset of each role within a fixed-length record, -1 when absent. */
    final int[] roleOffset = new int[ROLES];
    final int[] roleLength = new int[ROLES];
    final boolean flowTemplate;
    /** The roles present in a fixed-length record, with their offsets and lengths, in role order. */
    final int[] fixedRoles;
    final int[] fixedOffsets;
    final int[] fixedLengths;

    Template(int id, boolean options, int scopeCount, int fieldCount, int[] elementIds, int[] lengths, long[] pens, int version) {
        this.id = id;
        this.options = options;
        this.scopeCount = scopeCount;
        this.fieldCount = fieldCount;
        this.elementIds = Arrays.copyOf(elementIds, fieldCount);
        this.lengths = Arrays.copyOf(lengths, fieldCount);
        this.pens = Arrays.copyOf(pens, fieldCount);
        this.roles = new int[fieldCount];
        this.roleLengths = new int[fieldCount];
        Arrays.fill(roleOffset, -1);
        int offset = 0;
        int min = 0;
        boolean fixed = true;
        for (int i = 0; i < fieldCount; i++) {
            int len = this.lengths[i];
            boolean enterprise = version == 10 ? (this.elementIds[i] & 0x8000) != 0 : this.elementIds[i] >= 0x8000;
            // Scope fields keep their roles: a sampler or selector id is usually the scope.
            int role = enterprise ? R_NONE : roleOf(this.elementIds[i], len);
            roles[i] = role;
            roleLengths[i] = len;
            if (len == VARIABLE) {
                fixed = false;
                min += 1;
            } else {
                min += len;
                if (fixed && role != R_NONE && roleOffset[role] < 0) {
                    roleOffset[role] = offset;
                    roleLength[role] = len;
                }
                offset += len;
            }
        }
        this.fixedLength = fixed ? offset : -1;
        this.minLength = min;
        this.flowTemplate = !options;
        int n = 0;
        for (int role = 1; role < ROLES; role++) {
            if (roleOffset[role] >= 0) {
                n++;
            }
        }
        fixedRoles = new int[n];
        fixedOffsets = new int[n];
        fixedLengths = new int[n];
        n = 0;
        for (int role = 1; role < ROLES; role++) {
            if (roleOffset[role] >= 0) {
                fixedRoles[n] = role;
                fixedOffsets[n] = roleOffset[role];
                fixedLengths[n] = roleLength[role];
                n++;
            }
        }
    }

    /** The role of an IANA element of the given length; lengths that cannot hold it give none. */
    static int roleOf(int element, int len) {
        boolean counter = len >= 1 && len <= 8;
        switch (element) {
            case 1: return counter ? R_BYTES : R_NONE;
            case 2: return counter ? R_PACKETS : R_NONE;
            case 23: return counter ? R_BYTES_ALT : R_NONE;
            case 24: return counter ? R_PACKETS_ALT : R_NONE;
            case 8: return len == 4 ? R_SRC4 : R_NONE;
            case 12: return len == 4 ? R_DST4 : R_NONE;
            case 27: return len == 16 ? R_SRC6 : R_NONE;
            case 28: return len == 16 ? R_DST6 : R_NONE;
            case 21: return len == 4 ? R_END_SYSUP : R_NONE;
            case 151: return len == 4 ? R_END_SEC : R_NONE;
            case 153: return len == 8 ? R_END_MS : R_NONE;
            case 155: case 157: return len == 8 ? R_END_NTP : R_NONE;
            case 34: return counter ? R_SAMPLING_INTERVAL : R_NONE;
            case 48: return counter ? R_SAMPLER_ID : R_NONE;
            case 50: return counter ? R_SAMPLER_INTERVAL : R_NONE;
            case 302: return counter ? R_SELECTOR_ID : R_NONE;
            case 305: return counter ? R_PKT_INTERVAL : R_NONE;
            case 306: return counter ? R_PKT_SPACE : R_NONE;
            case 160: return len == 8 ? R_SYS_INIT_MS : R_NONE;
            default: return R_NONE;
        }
    }

    /** Whether a re-announced template has the same layout (then the compiled one is kept). */
    boolean sameLayout(boolean options, int scopeCount, int fieldCount, int[] elementIds, int[] lengths, long[] pens) {
        if (options != this.options || scopeCount != this.scopeCount || fieldCount != this.fieldCount) {
            return false;
        }
        for (int i = 0; i < fieldCount; i++) {
            if (elementIds[i] != this.elementIds[i] || lengths[i] != this.lengths[i] || pens[i] != this.pens[i]) {
                return false;
            }
        }
        return true;
    }
}
