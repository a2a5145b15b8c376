package id.padu.bench;

import id.padu.domain.Agency;
import id.padu.domain.IpPrefix;
import id.padu.telemetry.flow.AgencyPrefixes;
import id.padu.telemetry.flow.FlowAttribution;
import id.padu.telemetry.flow.FlowDecoder;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one receive thread spends per flow record once the datagram is in memory: decoding
 * and attribution, without sockets. The packets are those of bench/replay-v9.c: NetFlow v9,
 * one template of 13 fields, 30 IPv4 records of 35 bytes per packet, destinations spread over
 * 100 agencies of one /16 each. Every invocation decodes one packet; the score is per record
 * ({@link OperationsPerInvocation} 30), as the collector's cost is quoted in docs/BENCHMARKS.md.
 *
 * <p>As in the collector, the attribution is told the packet's arrival time before each
 * decode, and each packet carries the next sequence number (so no loss is counted).
 *
 * <pre>
 * ./mvnw -B -Pbench -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar FlowDecodeBench -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class FlowDecodeBench {

    static final int RECORDS_PER_PACKET = 30;
    private static final byte[] EXPORTER = {127, 0, 0, 1};

    private FlowDecoder decoder;
    private FlowAttribution attribution;
    private byte[] data;
    private int sequence;

    @Setup
    public void setUp() throws IOException {
        List<Agency> agencies = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            agencies.add(new Agency("A" + i, "A" + i, null, null,
                    List.of(IpPrefix.parse("10." + i + ".0.0/16").orElseThrow())));
        }
        attribution = new FlowAttribution(AgencyPrefixes.of(agencies), 60, 600_000);
        decoder = new FlowDecoder();
        int unixSecs = (int) (System.currentTimeMillis() / 1000);
        byte[] template = templatePacket(unixSecs);
        data = dataPacket(unixSecs);
        decoder.decode(EXPORTER, template, 0, template.length, attribution);
        sequence = 1;
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS_PER_PACKET)
    public int decodeAndAttribute() {
        // The v9 header's sequence number (bytes 12-15): one packet after the other.
        int seq = sequence++;
        byte[] b = data;
        b[12] = (byte) (seq >>> 24);
        b[13] = (byte) (seq >>> 16);
        b[14] = (byte) (seq >>> 8);
        b[15] = (byte) seq;
        attribution.arrival(System.currentTimeMillis());
        return decoder.decode(EXPORTER, b, 0, b.length, attribution);
    }

    @TearDown
    public void check() {
        // A benchmark that silently decoded nothing would look very fast.
        long expected = (long) (sequence - 1) * RECORDS_PER_PACKET;
        if (decoder.counters().records() != expected || decoder.counters().decodeErrors() != 0) {
            throw new IllegalStateException("decoder did not decode every record: " + decoder.counters());
        }
    }

    /** src addr, dst addr, bytes, packets, first, last, src port, dst port, protocol, tos, tcp flags, src as, dst as. */
    private static final int[][] FIELDS = {
            {8, 4}, {12, 4}, {1, 4}, {2, 4}, {22, 4}, {21, 4}, {7, 2}, {11, 2}, {4, 1}, {5, 1}, {6, 1}, {10, 2}, {14, 2}};

    private static byte[] templatePacket(int unixSecs) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(bytes);
        header(o, 1, unixSecs, 0);
        o.writeShort(0); // template flowset
        o.writeShort(8 + FIELDS.length * 4);
        o.writeShort(256);
        o.writeShort(FIELDS.length);
        for (int[] f : FIELDS) {
            o.writeShort(f[0]);
            o.writeShort(f[1]);
        }
        return bytes.toByteArray();
    }

    private static byte[] dataPacket(int unixSecs) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(bytes);
        Random r = new Random(1);
        header(o, RECORDS_PER_PACKET, unixSecs, 1);
        o.writeShort(256);
        o.writeShort(4 + RECORDS_PER_PACKET * 35 + 2); // two bytes of padding
        for (int i = 0; i < RECORDS_PER_PACKET; i++) {
            int agency = 1 + r.nextInt(100);
            o.writeInt(0xC6000000 | r.nextInt(1 << 24));               // source: outside every agency
            o.writeInt((10 << 24) | (agency << 16) | r.nextInt(65536)); // destination: in agency's /16
            o.writeInt(1000);
            o.writeInt(1);
            o.writeInt(90000);
            o.writeInt(99000);
            o.writeShort(1000);
            o.writeShort(443);
            o.writeByte(6);
            o.writeByte(0);
            o.writeByte(0x18);
            o.writeShort(1);
            o.writeShort(2);
        }
        o.writeShort(0);
        return bytes.toByteArray();
    }

    private static void header(DataOutputStream o, int count, int unixSecs, int sequence) throws IOException {
        o.writeShort(9);
        o.writeShort(count);
        o.writeInt(100000); // sysUptime
        o.writeInt(unixSecs);
        o.writeInt(sequence);
        o.writeInt(1); // source id
    }
}
