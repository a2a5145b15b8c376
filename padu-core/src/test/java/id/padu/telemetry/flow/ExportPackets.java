package id.padu.telemetry.flow;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Builds NetFlow v5, v9 and IPFIX export packets byte by byte, following RFC 3954 / RFC 7011,
 * so tests can state exactly what an exporter sent. Used as golden packets and as fuzzing seeds.
 */
public final class ExportPackets {

    private ExportPackets() {
    }

    /** A growable big-endian byte writer. */
    public static final class Bytes {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        public Bytes u8(int v) {
            out.write(v);
            return this;
        }

        public Bytes u16(int v) {
            out.write(v >>> 8);
            out.write(v);
            return this;
        }

        public Bytes u32(long v) {
            u16((int) (v >>> 16));
            u16((int) v);
            return this;
        }

        public Bytes u64(long v) {
            u32(v >>> 32);
            u32(v);
            return this;
        }

        public Bytes raw(byte[] b) {
            out.write(b, 0, b.length);
            return this;
        }

        public Bytes ip(String dotted) {
            for (String p : dotted.split("\\.")) {
                u8(Integer.parseInt(p));
            }
            return this;
        }

        public Bytes ip6(String text) {
            return raw(ipv6(text));
        }

        public int size() {
            return out.size();
        }

        public byte[] bytes() {
            return out.toByteArray();
        }
    }

    public static Bytes bytes() {
        return new Bytes();
    }

    public static byte[] ipv6(String text) {
        return id.padu.domain.IpPrefix.parse(text + "/128").orElseThrow().networkBytes();
    }

    /** A set (flowset): id, length including the 4-byte header, then the body padded to 4 bytes. */
    public static byte[] set(int id, byte[] body, boolean pad) {
        int padding = pad ? (4 - (body.length % 4)) % 4 : 0;
        return bytes().u16(id).u16(4 + body.length + padding).raw(body).raw(new byte[padding]).bytes();
    }

    /** NetFlow v9 packet: header (count = records announced) followed by the given flowsets. */
    public static byte[] v9(long sysUptime, long unixSecs, long sequence, long sourceId, int count, byte[]... sets) {
        Bytes b = bytes().u16(9).u16(count).u32(sysUptime).u32(unixSecs).u32(sequence).u32(sourceId);
        for (byte[] s : sets) {
            b.raw(s);
        }
        return b.bytes();
    }

    /** IPFIX message: header with the correct length, then the sets. */
    public static byte[] ipfix(long exportSecs, long sequence, long domain, byte[]... sets) {
        int len = 16;
        for (byte[] s : sets) {
            len += s.length;
        }
        Bytes b = bytes().u16(10).u16(len).u32(exportSecs).u32(sequence).u32(domain);
        for (byte[] s : sets) {
            b.raw(s);
        }
        return b.bytes();
    }

    /** v9 template record body: template id, field count, (type, length) pairs. */
    public static byte[] v9Template(int id, int... typeLengthPairs) {
        Bytes b = bytes().u16(id).u16(typeLengthPairs.length / 2);
        for (int v : typeLengthPairs) {
            b.u16(v);
        }
        return b.bytes();
    }

    /** v9 options template record: scope (type, length) pairs, then option pairs. */
    public static byte[] v9OptionsTemplate(int id, int[] scope, int[] options) {
        Bytes b = bytes().u16(id).u16(scope.length * 2).u16(options.length * 2);
        for (int v : scope) {
            b.u16(v);
        }
        for (int v : options) {
            b.u16(v);
        }
        return b.bytes();
    }

    /** An IPFIX field specifier list entry. */
    public record Field(int id, int length, long pen) {
        public static Field iana(int id, int length) {
            return new Field(id, length, 0);
        }

        public static Field enterprise(int id, int length, long pen) {
            return new Field(id, length, pen);
        }
    }

    public static byte[] ipfixTemplate(int id, Field... fields) {
        Bytes b = bytes().u16(id).u16(fields.length);
        writeFields(b, fields);
        return b.bytes();
    }

    public static byte[] ipfixOptionsTemplate(int id, int scopeCount, Field... fields) {
        Bytes b = bytes().u16(id).u16(fields.length).u16(scopeCount);
        writeFields(b, fields);
        return b.bytes();
    }

    private static void writeFields(Bytes b, Field[] fields) {
        for (Field f : fields) {
            if (f.pen() != 0) {
                b.u16(f.id() | 0x8000).u16(f.length()).u32(f.pen());
            } else {
                b.u16(f.id()).u16(f.length());
            }
        }
    }

    public static byte[] concat(byte[]... parts) {
        Bytes b = bytes();
        for (byte[] p : parts) {
            b.raw(p);
        }
        return b.bytes();
    }

    /** NetFlow v5 packet; each flow is {src, dst, packets, octets, firstUptime, lastUptime}. */
    public static byte[] v5(long sysUptime, long unixSecs, long sequence, int samplingField, Object[]... flows) {
        Bytes b = bytes().u16(5).u16(flows.length).u32(sysUptime).u32(unixSecs).u32(0).u32(sequence)
                .u8(0).u8(1).u16(samplingField);
        for (Object[] f : flows) {
            b.ip((String) f[0]).ip((String) f[1]).ip("0.0.0.0").u16(1).u16(2)
                    .u32((Long) f[2]).u32((Long) f[3]).u32((Long) f[4]).u32((Long) f[5])
                    .u16(1234).u16(80).u8(0).u8(0).u8(6).u8(0).u16(0).u16(0).u8(24).u8(24).u16(0);
        }
        return b.bytes();
    }

    static ByteBuffer wrap(byte[] b) {
        return ByteBuffer.wrap(b);
    }
}
