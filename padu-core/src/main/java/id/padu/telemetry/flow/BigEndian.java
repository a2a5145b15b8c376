package id.padu.telemetry.flow;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Big-endian reads from a packet buffer, shared by the three protocol decoders. Static and
 * final, so the JIT inlines them into the decoding loops: splitting the decoder into classes
 * must not cost a call per field.
 */
final class BigEndian {

    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private BigEndian() {
    }

    static int u16(byte[] b, int p) {
        return ((short) I16.get(b, p)) & 0xFFFF;
    }

    static long u32(byte[] b, int p) {
        return ((int) I32.get(b, p)) & 0xFFFFFFFFL;
    }

    /** Four bytes as a signed int: an IPv4 address in network byte order. */
    static int i32(byte[] b, int p) {
        return (int) I32.get(b, p);
    }

    static long i64(byte[] b, int p) {
        return (long) I64.get(b, p);
    }

    /** Unsigned big-endian integer of 1 to 8 bytes (reduced-size encoding, RFC 7011 6.2). */
    static long unsigned(byte[] b, int p, int len) {
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
}
