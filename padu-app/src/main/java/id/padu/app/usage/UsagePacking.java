package id.padu.app.usage;

import id.padu.domain.UsageSeries;
import java.io.ByteArrayOutputStream;

/**
 * The binary form of one day of samples in {@code usage_day.samples}: a format byte (1), then
 * every down rate, then every up rate, each as an unsigned LEB128 varint of {@code bps + 1}
 * (so {@link UsageSeries#MISSING} = -1 is the single byte 0). A 5-minute day of office traffic
 * (rates up to a few hundred Mbps) takes 4 to 5 bytes a value, about 2.6 kB a day instead of
 * 4.6 kB as raw longs, lossless; it is also independent of the database's byte order.
 */
final class UsagePacking {

    static final byte FORMAT = 1;

    private UsagePacking() {
    }

    static byte[] pack(long[] down, long[] up, int from, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 + count * 10);
        out.write(FORMAT);
        writeAll(out, down, from, count);
        writeAll(out, up, from, count);
        return out.toByteArray();
    }

    private static void writeAll(ByteArrayOutputStream out, long[] values, int from, int count) {
        for (int i = from; i < from + count; i++) {
            long v = values[i];
            if (v < UsageSeries.MISSING || v == Long.MAX_VALUE) {
                throw new IllegalArgumentException("negative rate " + v);
            }
            long u = v + 1;
            while ((u & ~0x7FL) != 0) {
                out.write((int) ((u & 0x7F) | 0x80));
                u >>>= 7;
            }
            out.write((int) u);
        }
    }

    /** Unpacks into {@code down[at..at+count)} and {@code up[at..at+count)}. */
    static void unpack(byte[] packed, int count, long[] down, long[] up, int at) {
        if (packed.length == 0 || packed[0] != FORMAT) {
            throw new IllegalStateException("unknown usage packing format");
        }
        int pos = 1;
        for (int series = 0; series < 2; series++) {
            long[] target = series == 0 ? down : up;
            for (int i = 0; i < count; i++) {
                long u = 0;
                int shift = 0;
                byte b;
                do {
                    b = packed[pos++];
                    u |= (long) (b & 0x7F) << shift;
                    shift += 7;
                } while (b < 0);
                int idx = at + i;
                if (idx >= 0 && idx < target.length) {
                    target[idx] = u - 1;
                }
            }
        }
    }
}
