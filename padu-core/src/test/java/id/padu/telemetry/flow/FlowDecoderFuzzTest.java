package id.padu.telemetry.flow;

import static id.padu.telemetry.flow.ExportPackets.Field.enterprise;
import static id.padu.telemetry.flow.ExportPackets.Field.iana;
import static id.padu.telemetry.flow.ExportPackets.bytes;
import static id.padu.telemetry.flow.ExportPackets.set;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutation fuzzing: valid packets of every kind, mutated (bit flips, byte overwrites with edge
 * values, truncation, extension, spliced sets) and fed to one decoder. Nothing may escape,
 * the decoder's memory must stay within its caps, and the damage must show in the counters.
 */
class FlowDecoderFuzzTest {

    static List<byte[]> seeds() {
        long unix = 1_700_000_000L;
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(ExportPackets.v5(1000, unix, 0, 0x4000 | 64,
                new Object[] {"192.0.2.1", "10.1.0.5", 3L, 1500L, 900L, 950L}));
        byte[] v9tpl = set(0, ExportPackets.v9Template(256, 8, 4, 12, 4, 1, 4, 2, 4, 21, 4, 22, 4, 48, 1), false);
        byte[] v9opt = set(1, ExportPackets.v9OptionsTemplate(257, new int[] {1, 4}, new int[] {48, 1, 50, 4}), true);
        byte[] v9optData = set(257, bytes().u32(0).u8(1).u32(100).bytes(), true);
        byte[] v9data = set(256, bytes().ip("10.1.0.9").ip("198.51.100.7").u32(4000).u32(4).u32(900).u32(800).u8(1)
                .ip("10.1.0.10").ip("198.51.100.7").u32(4000).u32(4).u32(900).u32(800).u8(1).bytes(), true);
        seeds.add(ExportPackets.v9(1000, unix, 1, 3, 4, v9tpl, v9opt, v9optData, v9data));
        byte[] ipTpl = set(2, ExportPackets.ipfixTemplate(300, iana(27, 16), iana(28, 16), iana(96, 65535),
                enterprise(1, 8, 9), iana(1, 8), iana(2, 8), iana(153, 8)), false);
        byte[] ipOpt = set(3, ExportPackets.ipfixOptionsTemplate(301, 1, iana(302, 4), iana(305, 4), iana(306, 4)), false);
        byte[] ipOptData = set(301, bytes().u32(1).u32(1).u32(99).bytes(), false);
        byte[] ipData = set(300, bytes().ip6("2001:db8::1").ip6("2001:db8::2").u8(3).raw("abc".getBytes()).u64(5)
                .u64(1500).u64(1).u64(unix * 1000).ip6("2001:db8::3").ip6("2001:db8::4").u8(255).u16(1).u8(0).u64(5)
                .u64(15).u64(1).u64(unix * 1000).bytes(), false);
        byte[] withdraw = set(2, bytes().u16(2).u16(0).bytes(), false);
        seeds.add(ExportPackets.ipfix(unix, 0, 5, ipTpl, ipOpt, ipOptData, ipData));
        seeds.add(ExportPackets.ipfix(unix, 3, 5, ipData, withdraw, ipTpl));
        return seeds;
    }

    @Test
    void hundredsOfThousandsOfMutatedPacketsNeverEscapeAndStayBounded() {
        Random rnd = new Random(20261128);
        FlowDecoder.Limits limits = new FlowDecoder.Limits(16, 64, 16);
        FlowDecoder d = new FlowDecoder(limits);
        long[] sink = new long[2];
        FlowSink count = r -> {
            sink[0]++;
            assertThat(r.bytes).isNotNegative();
            assertThat(r.packets).isNotNegative();
        };
        List<byte[]> seeds = seeds();
        int packets = 200_000;
        for (int i = 0; i < packets; i++) {
            byte[] p = mutate(seeds.get(rnd.nextInt(seeds.size())), seeds, rnd);
            byte[] exporter = {10, 0, 0, (byte) rnd.nextInt(40)};
            int off = rnd.nextInt(4) == 0 ? rnd.nextInt(3) : 0;
            byte[] framed = new byte[p.length + off];
            System.arraycopy(p, 0, framed, off, p.length);
            d.decode(exporter, framed, off, p.length, count);
            if (i % 10_000 == 0) {
                assertThat(d.exporterCount()).isLessThanOrEqualTo(limits.maxExporters());
                assertThat(d.templateCount()).isLessThanOrEqualTo(limits.maxExporters() * limits.maxTemplatesPerExporter());
            }
        }
        FlowCounters c = d.counters();
        assertThat(c.packets()).isEqualTo(packets);
        assertThat(c.decodeErrors()).isGreaterThan(packets / 20);
        assertThat(c.records()).isEqualTo(sink[0]).isPositive();
        assertThat(c.exportersRejected()).isPositive();
        assertThat(d.exporterCount()).isLessThanOrEqualTo(limits.maxExporters());
        assertThat(d.templateCount()).isLessThanOrEqualTo(limits.maxExporters() * limits.maxTemplatesPerExporter());
        assertThat(d.losses().size()).isLessThanOrEqualTo(limits.maxExporters() * limits.maxDomainsPerExporter());
    }

    static byte[] mutate(byte[] seed, List<byte[]> seeds, Random rnd) {
        byte[] p = seed.clone();
        int ops = 1 + rnd.nextInt(4);
        for (int k = 0; k < ops; k++) {
            switch (rnd.nextInt(7)) {
                case 0 -> { // bit flip
                    int i = rnd.nextInt(p.length);
                    p[i] ^= (byte) (1 << rnd.nextInt(8));
                }
                case 1 -> { // edge value in a 16-bit slot (lengths, ids, counts)
                    int i = rnd.nextInt(Math.max(1, p.length - 1));
                    int v = new int[] {0, 1, 3, 4, 255, 256, 0x7FFF, 0x8000, 0xFFFF}[rnd.nextInt(9)];
                    p[i] = (byte) (v >>> 8);
                    if (i + 1 < p.length) {
                        p[i + 1] = (byte) v;
                    }
                }
                case 2 -> p = java.util.Arrays.copyOf(p, rnd.nextInt(p.length + 1)); // truncate
                case 3 -> { // extend with garbage
                    byte[] tail = new byte[rnd.nextInt(64)];
                    rnd.nextBytes(tail);
                    p = ExportPackets.concat(p, tail);
                }
                case 4 -> { // splice another seed's tail
                    byte[] other = seeds.get(rnd.nextInt(seeds.size()));
                    int cut = rnd.nextInt(p.length + 1);
                    int from = rnd.nextInt(other.length);
                    byte[] q = new byte[cut + other.length - from];
                    System.arraycopy(p, 0, q, 0, cut);
                    System.arraycopy(other, from, q, cut, other.length - from);
                    p = q;
                }
                case 5 -> { // random byte
                    if (p.length > 0) {
                        p[rnd.nextInt(p.length)] = (byte) rnd.nextInt(256);
                    }
                }
                default -> { // template id churn: make many distinct templates
                    if (p.length > 24) {
                        int i = 20 + rnd.nextInt(p.length - 22);
                        p[i] = (byte) rnd.nextInt(256);
                    }
                }
            }
            if (p.length == 0) {
                break;
            }
        }
        return p;
    }
}
