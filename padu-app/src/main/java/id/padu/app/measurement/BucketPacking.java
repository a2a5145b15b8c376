package id.padu.app.measurement;

import java.io.ByteArrayOutputStream;

/**
 * The buckets of one stored period as bytes: a format byte (1), then per bucket its covered
 * seconds as an unsigned LEB128 varint; a bucket nobody measured is that single byte 0, a measured
 * one continues with its down bytes and up bytes as varints. An unmeasured hour of minutes costs
 * 61 bytes, a fully measured one about 60 x 9 bytes at office rates.
 */
final class BucketPacking {

    static final byte FORMAT = 1;

    private BucketPacking() {
    }

    /** Sums of one period, one entry per bucket; covered 0 = not measured. */
    record Buckets(long[] down, long[] up, long[] covered) {
        static Buckets empty(int n) {
            return new Buckets(new long[n], new long[n], new long[n]);
        }

        int size() {
            return covered.length;
        }

        /** Adds the other period's sums bucket by bucket (the incremental rollup's one operation). */
        void add(Buckets other) {
            for (int i = 0; i < covered.length; i++) {
                down[i] += other.down[i];
                up[i] += other.up[i];
                covered[i] += other.covered[i];
            }
        }
    }

    static byte[] pack(Buckets b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 + b.size() * 9);
        out.write(FORMAT);
        for (int i = 0; i < b.size(); i++) {
            varint(out, b.covered[i]);
            if (b.covered[i] != 0) {
                varint(out, b.down[i]);
                varint(out, b.up[i]);
            }
        }
        return out.toByteArray();
    }

    static Buckets unpack(byte[] packed, int n) {
        if (packed.length == 0 || packed[0] != FORMAT) {
            throw new IllegalStateException("unknown measurement packing format");
        }
        Buckets b = Buckets.empty(n);
        int[] at = {1};
        for (int i = 0; i < n; i++) {
            long covered = read(packed, at);
            b.covered[i] = covered;
            if (covered != 0) {
                b.down[i] = read(packed, at);
                b.up[i] = read(packed, at);
            }
        }
        return b;
    }

    private static void varint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static long read(byte[] p, int[] at) {
        long v = 0;
        int shift = 0;
        byte b;
        do {
            b = p[at[0]++];
            v |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while (b < 0);
        return v;
    }
}
