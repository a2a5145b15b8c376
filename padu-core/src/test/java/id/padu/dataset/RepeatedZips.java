package id.padu.dataset;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A zip of one entry that inflates to a head followed by one byte repeated billions of times (a
 * "zip bomb", as in issue #19: 3 GiB of a line in 3 MB), made in well under a second and never on
 * disk. Deflating gigabytes would take seconds; instead one mebibyte of the byte is deflated after
 * a sync flush, when the window already holds only that byte, and those compressed bytes are
 * repeated: each copy decodes to the same mebibyte because it only refers back into that window.
 */
public final class RepeatedZips {

    private static final int MIB = 1 << 20;

    private RepeatedZips() {
    }

    /** The zip bytes: {@code name} holding {@code head} then {@code count} times {@code repeated} (at most 4 GiB in all). */
    public static byte[] zip(String name, String head, char repeated, long count) {
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        long size = headBytes.length + count;
        if (count < 2L * MIB || size >= 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("2 MiB to 4 GiB");
        }
        byte[] mib = new byte[MIB];
        Arrays.fill(mib, (byte) repeated);

        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] first = new byte[headBytes.length + MIB];
        System.arraycopy(headBytes, 0, first, 0, headBytes.length);
        System.arraycopy(mib, 0, first, headBytes.length, MIB);
        data.writeBytes(deflate(deflater, first));
        byte[] chunk = deflate(deflater, mib);
        long left = count - MIB;
        for (; left > MIB; left -= MIB) {
            data.writeBytes(chunk);
        }
        deflater.setInput(mib, 0, (int) left);
        deflater.finish();
        byte[] buf = new byte[64 * 1024];
        while (!deflater.finished()) {
            data.write(buf, 0, deflater.deflate(buf));
        }
        deflater.end();

        CRC32 crc = new CRC32();
        crc.update(headBytes);
        for (long n = count; n > 0; n -= MIB) {
            crc.update(mib, 0, (int) Math.min(MIB, n));
        }
        return zipOf(name, data.toByteArray(), crc.getValue(), size);
    }

    /** The input deflated and flushed to a byte boundary (a sync flush ends with an empty stored block). */
    private static byte[] deflate(Deflater deflater, byte[] input) {
        deflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        int n;
        do {
            n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
            out.write(buf, 0, n);
        } while (n == buf.length || !deflater.needsInput());
        return out.toByteArray();
    }

    /** One deflated entry with its local header, the central directory and its end record. */
    private static byte[] zipOf(String name, byte[] deflated, long crc, long size) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(30 + 46 + 22 + 2 * nameBytes.length + deflated.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) 8).putShort((short) 0).putShort((short) 0x21)
                .putInt((int) crc).putInt(deflated.length).putInt((int) size)
                .putShort((short) nameBytes.length).putShort((short) 0).put(nameBytes).put(deflated);
        int central = b.position();
        b.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0).putShort((short) 8)
                .putShort((short) 0).putShort((short) 0x21).putInt((int) crc).putInt(deflated.length).putInt((int) size)
                .putShort((short) nameBytes.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                .putShort((short) 0).putInt(0).putInt(0).put(nameBytes);
        int centralSize = b.position() - central;
        b.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) 1).putShort((short) 1)
                .putInt(centralSize).putInt(central).putShort((short) 0);
        return b.array();
    }
}
