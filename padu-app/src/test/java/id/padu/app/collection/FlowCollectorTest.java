package id.padu.app.collection;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.domain.Agency;
import id.padu.domain.IpPrefix;
import id.padu.telemetry.flow.AgencyPrefixes;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The UDP collector on loopback: garbage never stops it, and what it counts is what was sent. */
class FlowCollectorTest {

    static byte[] v5(long unixSecs, int seq, int sampling, String src, String dst, long octets) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(5);
        out.writeShort(1);
        out.writeInt(60_000);
        out.writeInt((int) unixSecs);
        out.writeInt(0);
        out.writeInt(seq);
        out.writeByte(0);
        out.writeByte(0);
        out.writeShort(sampling);
        out.write(InetAddress.getByName(src).getAddress());
        out.write(InetAddress.getByName(dst).getAddress());
        out.writeInt(0);
        out.writeShort(1);
        out.writeShort(2);
        out.writeInt(1);
        out.writeInt((int) octets);
        out.writeInt(59_000);
        out.writeInt(59_500);
        out.write(new byte[16]);
        return bytes.toByteArray();
    }

    @Test
    void malformedPacketsAreCountedAndTheRestIsStillCollected() throws Exception {
        AgencyPrefixes prefixes = AgencyPrefixes.of(List.of(
                new Agency("DINKES", "Dinas Kesehatan", null, null, List.of(IpPrefix.parse("10.5.0.0/16").orElseThrow()))));
        FlowCollector collector = new FlowCollector(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 2,
                4 << 20, prefixes, 60, 600_000);
        collector.start();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new FlowCollectorMetrics(collector, Tags.of("listener", "test")).bindTo(registry);
        Random rnd = new Random(1);
        long now = System.currentTimeMillis() / 1000;
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(collector.localAddress());
            for (int i = 0; i < 200; i++) {
                byte[] junk = new byte[rnd.nextInt(200)];
                rnd.nextBytes(junk);
                socket.send(new DatagramPacket(junk, junk.length));
                // 1-in-10 sampled v5: 1000 bytes seen = 10,000 bytes of traffic to the agency.
                byte[] good = v5(now, i, (1 << 14) | 10, "198.51.100.9", "10.5.1.1", 1000);
                socket.send(new DatagramPacket(good, good.length));
                if (i % 50 == 0) {
                    Thread.sleep(20);
                }
            }
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (collector.counters().packets() < 400 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        collector.close();
        assertThat(collector.counters().packets()).isEqualTo(400);
        assertThat(collector.counters().records()).isEqualTo(200);
        assertThat(collector.counters().decodeErrors()).isGreaterThan(150);
        Map<Long, long[]> steps = collector.stepBytes();
        long down = steps.values().stream().mapToLong(b -> b[0]).sum();
        assertThat(down).isEqualTo(200 * 10_000L);
        assertThat(registry.get("padu.flow.records").functionCounter().count()).isEqualTo(200);
        assertThat(registry.get("padu.flow.decode.errors").functionCounter().count()).isGreaterThan(150);
    }
}
