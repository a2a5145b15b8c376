package id.padu.telemetry.flow;

import static id.padu.telemetry.flow.ExportPackets.Field.enterprise;
import static id.padu.telemetry.flow.ExportPackets.Field.iana;
import static id.padu.telemetry.flow.ExportPackets.bytes;
import static id.padu.telemetry.flow.ExportPackets.concat;
import static id.padu.telemetry.flow.ExportPackets.ipfix;
import static id.padu.telemetry.flow.ExportPackets.ipfixOptionsTemplate;
import static id.padu.telemetry.flow.ExportPackets.ipfixTemplate;
import static id.padu.telemetry.flow.ExportPackets.set;
import static id.padu.telemetry.flow.ExportPackets.v9;
import static id.padu.telemetry.flow.ExportPackets.v9OptionsTemplate;
import static id.padu.telemetry.flow.ExportPackets.v9Template;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden packets, built byte by byte, through the decoder: no sockets. */
class FlowDecoderTest {

    static final byte[] EXPORTER_A = {10, 0, 0, 1};
    static final byte[] EXPORTER_B = {10, 0, 0, 2};

    /** A copy of what the flyweight held. */
    record Flow(int ipVersion, String src, String dst, long bytes, long packets, long endMillis, boolean endFromRecord,
                long domain) {
    }

    static final class Collect implements FlowSink {
        final List<Flow> flows = new ArrayList<>();

        @Override
        public void accept(FlowRecord r) {
            String src;
            String dst;
            if (r.ipVersion == 4) {
                src = v4(r.srcV4);
                dst = v4(r.dstV4);
            } else if (r.ipVersion == 6) {
                src = v6(r.srcHi, r.srcLo);
                dst = v6(r.dstHi, r.dstLo);
            } else {
                src = dst = "-";
            }
            flows.add(new Flow(r.ipVersion, src, dst, r.bytes, r.packets, r.endMillis, r.endFromRecord, r.domain));
        }
    }

    public static String v4(int a) {
        return (a >>> 24) + "." + ((a >>> 16) & 255) + "." + ((a >>> 8) & 255) + "." + (a & 255);
    }

    static String v6(long hi, long lo) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (hi >>> (56 - 8 * i));
            b[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return FlowDecoder.addressText(b);
    }

    static int decode(FlowDecoder d, byte[] exporter, byte[] packet, Collect sink) {
        return d.decode(exporter, packet, 0, packet.length, sink);
    }

    // ------------------------------------------------------------------ v5

    @Test
    void v5RecordsAreScaledByTheHeaderSamplingIntervalAndTimedFromUptime() {
        FlowDecoder d = new FlowDecoder();
        Collect c = new Collect();
        long unix = 1_700_000_000L;
        byte[] p = ExportPackets.v5(100_000, unix, 0, (1 << 14) | 10,
                new Object[] {"192.0.2.1", "10.1.0.5", 3L, 1500L, 90_000L, 95_000L},
                new Object[] {"10.1.0.5", "192.0.2.1", 2L, 120L, 90_000L, 99_000L});
        assertThat(decode(d, EXPORTER_A, p, c)).isEqualTo(2);
        assertThat(c.flows.get(0).bytes()).isEqualTo(15_000);
        assertThat(c.flows.get(0).packets()).isEqualTo(30);
        assertThat(c.flows.get(0).dst()).isEqualTo("10.1.0.5");
        // The flow ended 5 s of uptime before the export.
        assertThat(c.flows.get(0).endMillis()).isEqualTo(unix * 1000 - 5_000);
        assertThat(c.flows.get(1).endMillis()).isEqualTo(unix * 1000 - 1_000);
    }

    @Test
    void v5SequenceCountsFlowsSoAMissingPacketShowsAsLostRecords() {
        FlowDecoder d = new FlowDecoder();
        Collect c = new Collect();
        Object[] f = {"192.0.2.1", "10.1.0.5", 1L, 100L, 1L, 2L};
        decode(d, EXPORTER_A, ExportPackets.v5(10, 1_700_000_000L, 0, 0, f, f), c);
        // Records 2..4 (3 records) went missing.
        decode(d, EXPORTER_A, ExportPackets.v5(10, 1_700_000_000L, 5, 0, f), c);
        decode(d, EXPORTER_A, ExportPackets.v5(10, 1_700_000_000L, 6, 0, f), c);
        assertThat(d.counters().sequenceGaps()).isEqualTo(1);
        assertThat(d.losses()).singleElement().satisfies(l -> {
            assertThat(l.lost()).isEqualTo(3);
            assertThat(l.lostUnit()).isEqualTo("records");
        });
    }

    // ------------------------------------------------------------------ v9

    static final long UNIX = 1_700_000_000L;

    @Test
    void twoExportersWithTheSameTemplateIdAndDifferentLayoutsAreDecodedEachByItsOwn() {
        FlowDecoder d = new FlowDecoder();
        Collect c = new Collect();
        // Exporter A: src(8) dst(12) bytes(1, 4 bytes) packets(2, 4 bytes)
        byte[] tplA = set(0, v9Template(256, 8, 4, 12, 4, 1, 4, 2, 4), false);
        // Exporter B, same id 256: packets(2, 8 bytes) first, bytes(1, 8 bytes), dst, src
        byte[] tplB = set(0, v9Template(256, 2, 8, 1, 8, 12, 4, 8, 4), false);
        decode(d, EXPORTER_A, v9(1000, UNIX, 0, 7, 1, tplA), c);
        decode(d, EXPORTER_B, v9(1000, UNIX, 0, 7, 1, tplB), c);
        byte[] dataA = set(256, bytes().ip("10.1.0.9").ip("198.51.100.7").u32(4000).u32(4).bytes(), true);
        byte[] dataB = set(256, bytes().u64(5).u64(7000).ip("10.2.0.9").ip("198.51.100.8").bytes(), true);
        decode(d, EXPORTER_A, v9(1000, UNIX, 1, 7, 1, dataA), c);
        decode(d, EXPORTER_B, v9(1000, UNIX, 1, 7, 1, dataB), c);
        assertThat(c.flows).hasSize(2);
        assertThat(c.flows.get(0)).extracting(Flow::src, Flow::dst, Flow::bytes, Flow::packets)
                .containsExactly("10.1.0.9", "198.51.100.7", 4000L, 4L);
        assertThat(c.flows.get(1)).extracting(Flow::src, Flow::dst, Flow::bytes, Flow::packets)
                .containsExactly("198.51.100.8", "10.2.0.9", 7000L, 5L);
    }

    @Test
    void dataBeforeItsTemplateIsCountedNotGuessed() {
        FlowDecoder d = new FlowDecoder();
        Collect c = new Collect();
        byte[] data = set(300, bytes().ip("10.1.0.9").ip("198.51.100.7").u32(4000).u32(4).bytes(), true);
        decode(d, EXPORTER_A, v9(1000, UNIX, 0, 1, 1, data), c);
        assertThat(c.flows).isEmpty();
        assertThat(d.counters().setsWithoutTemplate()).isEqualTo(1);
        assertThat(d.counters().bytesWithoutTemplate()).isEqualTo(16);
        // Once the template is known, the same data decodes.
        decode(d, EXPORTER_A, v9(1000, UNIX, 1, 1, 2, set(0, v9Template(300, 8, 4, 12, 4, 1, 4, 2, 4), false), data), c);
        assertThat(c.flows).singleElement().extracting(Flow::bytes).isEqualTo(4000L);
    }

    @Test
    void aTemplateOfOneSourceIdDoesNotDecodeAnotherSourceIdsData() {
        FlowDecoder d = new FlowDecoder();
        Collect c = new Collect();
        decode(d, EXPORTER_A, v9(1000, UNIX, 0, 1, 1, set(0, v9Template(256, 8, 4, 12, 4, 1, 4), false)), c);
        byte[] data = set(256, bytes().ip("10.1.0.9").ip("198.51.100.7").u32(4000).bytes(), true);
        decode(d, EXPORTER_A, v9(1000, UNIX, 0, 2, 1, data), c);
        assertThat(c.flows).isEmpty();
        assertThat(d.counters().setsWithoutTemplate()).isEqualTo(1);
    }

    @Test
    void aRefreshedTemplateWithANewLayoutReplacesTheOld() {
        FlowDecoder d = new FlowDecoder();
        Collect c = new Collect();
        decode(d, EXPORTER_A, v9(1000, UNIX, 0, 1, 1, set(0, v9Template(256, 8, 4, 12, 4, 1, 4), false)), c);
        decode(d, EXPORTER_A, v9(1000, UNIX, 1, 1, 1, set(0, v9Template(256, 1, 4, 8, 4, 12, 4), false)), c);
        decode(d, EXPORTER_A, v9(1000, UNIX, 2, 1, 1, set(256, bytes().u32(999).ip("10.1.0.9").ip("198.51.100.7").bytes(), true)), c);
        assertThat(c.flows).singleElement().extracting(Flow::bytes, Flow::src).containsExactly(999L, "10.1.0.9");
        assertThat(d.templateCount()).isEqualTo(1);
    }

    @Test
    void v9EndTimeComesFromLastSwitchedRelativeToSysUptime() {
        FlowDecoder d = new FlowDecoder();
        Collect c = new Collect();
        byte[] tpl = set(0, v9Template(256, 8, 4, 12, 4, 1, 4, 21, 4), false);
        byte[] data = set(256, bytes().ip("10.1.0.9").ip("198.51.100.7").u32(10).u32(57_500).bytes(), true);
        decode(d, EXPORTER_A, v9(60_000, UNIX, 0, 1, 2, tpl, data), c);
        assertThat(c.flows.get(0).endMillis()).isEqualTo(UNIX * 1000 - 2_500);
        assertThat(c.flows.get(0).endFromRecord()).isTrue();
    }

    @Test
    void v9OptionsSamplingScalesBytesAndPacketsPerDomainAndPerSamplerId() {
        FlowDecoder d = new FlowDecoder();
        Collect c = new Collect();
        // Options template 257: scope system(1,4); options SAMPLING_INTERVAL(34,4) SAMPLING_ALGORITHM(35,1)
        byte[] optTpl = set(1, v9OptionsTemplate(257, new int[] {1, 4}, new int[] {34, 4, 35, 1}), true);
        byte[] opt = set(257, bytes().u32(0).u32(100).u8(2).bytes(), true);
        // Options template 258: scope system; FLOW_SAMPLER_ID(48,1) FLOW_SAMPLER_MODE(49,1) RANDOM_INTERVAL(50,4)
        byte[] optTpl2 = set(1, v9OptionsTemplate(258, new int[] {1, 4}, new int[] {48, 1, 49, 1, 50, 4}), true);
        byte[] opt2 = set(258, bytes().u32(0).u8(5).u8(2).u32(1000).bytes(), true);
        byte[] tpl = set(0, v9Template(256, 8, 4, 12, 4, 1, 4, 2, 4), false);
        byte[] tplWithSampler = set(0, v9Template(259, 8, 4, 12, 4, 1, 4, 2, 4, 48, 1), false);
        decode(d, EXPORTER_A, v9(1000, UNIX, 0, 1, 6, optTpl, opt, optTpl2, opt2, tpl, tplWithSampler), c);
        byte[] data = set(256, bytes().ip("10.1.0.9").ip("198.51.100.7").u32(40).u32(1).bytes(), true);
        byte[] dataSampler = set(259, bytes().ip("10.1.0.9").ip("198.51.100.7").u32(40).u32(1).u8(5).bytes(), true);
        decode(d, EXPORTER_A, v9(1000, UNIX, 1, 1, 2, data, dataSampler), c);
        assertThat(c.flows).extracting(Flow::bytes).containsExactly(4_000L, 40_000L);
        assertThat(c.flows).extracting(Flow::packets).containsExactly(100L, 1000L);
        assertThat(d.counters().optionRecords()).isEqualTo(2);
        // Sampling of source id 1 says nothing about source id 2.
        decode(d, EXPORTER_A, v9(1000, UNIX, 0, 2, 2, tpl, data), c);
        assertThat(c.flows.get(2).bytes()).isEqualTo(40);
    }

    @Test
    void v9SequenceCountsPacketsPerSourceId() {
        FlowDecoder d = new FlowDecoder();
        Collect c = new Collect();
        byte[] tpl = set(0, v9Template(256, 8, 4, 12, 4, 1, 4), false);
        decode(d, EXPORTER_A, v9(1000, UNIX, 10, 1, 1, tpl), c);
        decode(d, EXPORTER_A, v9(1000, UNIX, 500, 2, 1, tpl), c);
        decode(d, EXPORTER_A, v9(1000, UNIX, 11, 1, 1, tpl), c);
        decode(d, EXPORTER_A, v9(1000, UNIX, 501, 2, 1, tpl), c);
        assertThat(d.counters().sequenceGaps()).isZero();
        decode(d, EXPORTER_A, v9(1000, UNIX, 14, 1, 1, tpl), c); // 12 and 13 lost
        assertThat(d.counters().sequenceGaps()).isEqualTo(1);
        assertThat(d.losses()).filteredOn(l -> l.domain() == 1).singleElement()
                .satisfies(l -> {
                    assertThat(l.lost()).isEqualTo(2);
                    assertThat(l.lostUnit()).isEqualTo("packets");
                });
        assertThat(d.losses()).filteredOn(l -> l.domain() == 2).singleElement().extracting(ExportLoss::lost).isEqualTo(0L);
    }

    // ------------------------------------------------------------------ IPFIX

    @Test
    void ipfixEnterpriseElementIsNeverMistakenForTheIanaElementWithTheSameNumber() {
        FlowDecoder d = new FlowDecoder();
        Collect c = new Collect();
        // Enterprise element 1 (PEN 29305) carries 8 bytes that must not be read as octetDeltaCount.
        byte[] tpl = set(2, ipfixTemplate(256,
                enterprise(1, 8, 29305), iana(8, 4), iana(12, 4), iana(1, 8), enterprise(2, 4, 9), iana(2, 8)), false);
        byte[] data = set(256, bytes().u64(123_456_789L).ip("10.1.0.9").ip("198.51.100.7").u64(1500)
                .u32(77).u64(3).bytes(), false);
        decode(d, EXPORTER_A, ipfix(UNIX, 0, 1, tpl, data), c);
        assertThat(c.flows).singleElement().extracting(Flow::bytes, Flow::packets, Flow::src)
                .containsExactly(1500L, 3L, "10.1.0.9");
    }

    @Test
    void ipfixEnterpriseOnlyCountersLeaveTheRecordWithoutBytes() {
        FlowDecoder d = new FlowDecoder();
        Collect c = new Collect();
        byte[] tpl = set(2, ipfixTemplate(256, iana(8, 4), iana(12, 4), enterprise(1, 8, 9)), false);
        byte[] data = set(256, bytes().ip("10.1.0.9").ip("198.51.100.7").u64(999).bytes(), false);
        decode(d, EXPORTER_A, ipfix(UNIX, 0, 1, tpl, data), c);
        assertThat(c.flows).singleElement().extracting(Flow::bytes).isEqualTo(0L);
    }

    @Test
    void ipfixVariableLengthFieldsWithShortAndLongLengthPrefixesAreSkipped() {
        FlowDecoder d = new FlowDecoder();
        Collect c = new Collect();
        // applicationName-like string (96, variable), then an enterprise variable field, then counters.
        byte[] tpl = set(2, ipfixTemplate(256, iana(96, 65535), iana(8, 4), enterprise(7, 65535, 12345),
                iana(12, 4), iana(1, 4), iana(2, 4)), false);
        byte[] longValue = new byte[300];
        java.util.Arrays.fill(longValue, (byte) 0x41);
        byte[] r1 = bytes().u8(3).raw("dns".getBytes()).ip("10.1.0.9").u8(0).ip("198.51.100.7").u32(700).u32(7).bytes();
        byte[] r2 = bytes().u8(255).u16(300).raw(longValue).ip("10.1.0.10").u8(255).u16(2).u16(0xFFFF)
                .ip("198.51.100.8").u32(800).u32(8).bytes();
        decode(d, EXPORTER_A, ipfix(UNIX, 0, 1, tpl, set(256, concat(r1, r2), false)), c);
        assertThat(c.flows).extracting(Flow::src, Flow::dst, Flow::bytes).containsExactly(
                org.assertj.core.groups.Tuple.tuple("10.1.0.9", "198.51.100.7", 700L),
                org.assertj.core.groups.Tuple.tuple("10.1.0.10", "198.51.100.8", 800L));
        assertThat(d.counters().decodeErrors()).isZero();
    }

    @Test
    void ipfixVariableLengthRunningPastTheSetIsAnErrorNotACrash() {
        FlowDecoder d = new FlowDecoder();
        Collect c = new Collect();
        byte[] tpl = set(2, ipfixTemplate(256, iana(96, 65535), iana(1, 4)), false);
        byte[] bad = bytes().u8(255).u16(5000).u32(1).bytes();
        decode(d, EXPORTER_A, ipfix(UNIX, 0, 1, tpl, set(256, bad, false)), c);
        assertThat(c.flows).isEmpty();
        assertThat(d.counters().decodeErrors()).isEqualTo(1);
    }

    @Test
    void ipfixIpv6FlowsAndFlowEndMilliseconds() {
        FlowDecoder d = new FlowDecoder();
        Collect c = new Collect();
        byte[] tpl = set(2, ipfixTemplate(256, iana(27, 16), iana(28, 16), iana(1, 8), iana(2, 8), iana(153, 8)), false);
        byte[] data = set(256, bytes().ip6("2001:db8:1::5").ip6("2400:cb00::1").u64(2_000).u64(2)
                .u64(UNIX * 1000 - 1234).bytes(), false);
        decode(d, EXPORTER_A, ipfix(UNIX, 0, 1, tpl, data), c);
        assertThat(c.flows).singleElement().satisfies(f -> {
            assertThat(f.ipVersion()).isEqualTo(6);
            assertThat(f.src()).isEqualTo("2001:db8:1:0:0:0:0:5");
            assertThat(f.dst()).isEqualTo("2400:cb00:0:0:0:0:0:1");
            assertThat(f.bytes()).isEqualTo(2000);
            assertThat(f.endMillis()).isEqualTo(UNIX * 1000 - 1234);
        });
    }

    @Test
    void ipfixWithdrawalOfOneTemplateAndOfAllTemplates() {
        FlowDecoder d = new FlowDecoder();
        Collect c = new Collect();
        byte[] t256 = ipfixTemplate(256, iana(8, 4), iana(12, 4), iana(1, 4));
        byte[] t257 = ipfixTemplate(257, iana(8, 4), iana(12, 4), iana(1, 4));
        decode(d, EXPORTER_A, ipfix(UNIX, 0, 1, set(2, concat(t256, t257), false)), c);
        assertThat(d.templateCount()).isEqualTo(2);
        byte[] row = bytes().ip("10.1.0.9").ip("198.51.100.7").u32(100).bytes();
        // Withdraw 256 alone: its data is now without template, 257 still decodes.
        decode(d, EXPORTER_A, ipfix(UNIX, 0, 1, set(2, bytes().u16(256).u16(0).bytes(), false)), c);
        decode(d, EXPORTER_A, ipfix(UNIX, 0, 1, set(256, row, false), set(257, row, false)), c);
        assertThat(c.flows).hasSize(1);
        assertThat(d.counters().setsWithoutTemplate()).isEqualTo(1);
        // Withdraw all (template id = set id 2).
        decode(d, EXPORTER_A, ipfix(UNIX, 1, 1, set(2, bytes().u16(2).u16(0).bytes(), false)), c);
        assertThat(d.templateCount()).isZero();
    }

    @Test
    void ipfixWithdrawalOfAllTemplatesInOneDomainKeepsTheOtherDomains() {
        FlowDecoder d = new FlowDecoder();
        Collect c = new Collect();
        byte[] t = ipfixTemplate(256, iana(8, 4), iana(12, 4), iana(1, 4));
        decode(d, EXPORTER_A, ipfix(UNIX, 0, 1, set(2, t, false)), c);
        decode(d, EXPORTER_A, ipfix(UNIX, 0, 2, set(2, t, false)), c);
        decode(d, EXPORTER_A, ipfix(UNIX, 0, 1, set(2, bytes().u16(2).u16(0).bytes(), false)), c);
        assertThat(d.templateCount()).isEqualTo(1);
        decode(d, EXPORTER_A, ipfix(UNIX, 0, 2, set(256, bytes().ip("10.1.0.9").ip("198.51.100.7").u32(5).bytes(), false)), c);
        assertThat(c.flows).hasSize(1);
    }

    @Test
    void ipfixPacketSamplingFromOptionsWithSelectorIds() {
        FlowDecoder d = new FlowDecoder();
        Collect c = new Collect();
        // Options: scope selectorId(302); samplingPacketInterval(305)=1, samplingPacketSpace(306)=9 -> 1 in 10
        byte[] optTpl = set(3, ipfixOptionsTemplate(300, 1, iana(302, 4), iana(305, 4), iana(306, 4)), false);
        byte[] opt = set(300, bytes().u32(42).u32(1).u32(9).bytes(), false);
        // Options without selector: domain-wide samplingInterval 34 = 4
        byte[] optTpl2 = set(3, ipfixOptionsTemplate(301, 1, iana(149, 4), iana(34, 4)), false);
        byte[] opt2 = set(301, bytes().u32(1).u32(4).bytes(), false);
        byte[] tplSel = set(2, ipfixTemplate(256, iana(8, 4), iana(12, 4), iana(1, 4), iana(2, 4), iana(302, 4)), false);
        byte[] tplPlain = set(2, ipfixTemplate(257, iana(8, 4), iana(12, 4), iana(1, 4), iana(2, 4)), false);
        decode(d, EXPORTER_A, ipfix(UNIX, 0, 1, optTpl, opt, optTpl2, opt2, tplSel, tplPlain), c);
        decode(d, EXPORTER_A, ipfix(UNIX, 2, 1,
                set(256, bytes().ip("10.1.0.9").ip("198.51.100.7").u32(100).u32(1).u32(42).bytes(), false),
                set(257, bytes().ip("10.1.0.9").ip("198.51.100.7").u32(100).u32(1).bytes(), false)), c);
        assertThat(c.flows).extracting(Flow::bytes).containsExactly(1_000L, 400L);
        assertThat(c.flows).extracting(Flow::packets).containsExactly(10L, 4L);
    }

    @Test
    void ipfixSequenceCountsDataRecordsPerDomain() {
        FlowDecoder d = new FlowDecoder();
        Collect c = new Collect();
        byte[] tpl = set(2, ipfixTemplate(256, iana(8, 4), iana(12, 4), iana(1, 4)), false);
        byte[] row = bytes().ip("10.1.0.9").ip("198.51.100.7").u32(100).bytes();
        byte[] threeRows = set(256, concat(row, row, row), false);
        decode(d, EXPORTER_A, ipfix(UNIX, 0, 1, tpl, threeRows), c);   // records 0..2
        decode(d, EXPORTER_A, ipfix(UNIX, 3, 1, threeRows), c);        // 3..5
        decode(d, EXPORTER_A, ipfix(UNIX, 0, 9, tpl, threeRows), c);   // another domain
        assertThat(d.counters().sequenceGaps()).isZero();
        decode(d, EXPORTER_A, ipfix(UNIX, 10, 1, threeRows), c);       // 6..9 lost: 4 records
        assertThat(d.losses()).filteredOn(l -> l.domain() == 1).singleElement()
                .satisfies(l -> {
                    assertThat(l.gaps()).isEqualTo(1);
                    assertThat(l.lost()).isEqualTo(4);
                });
        // A late packet takes its records back from the loss.
        decode(d, EXPORTER_A, ipfix(UNIX, 6, 1, threeRows), c);
        assertThat(d.losses()).filteredOn(l -> l.domain() == 1).singleElement()
                .satisfies(l -> {
                    assertThat(l.lost()).isEqualTo(1);
                    assertThat(l.reordered()).isEqualTo(1);
                });
    }

    @Test
    void templatesPerExporterAreCapped() {
        FlowDecoder d = new FlowDecoder(new FlowDecoder.Limits(4, 10, 4));
        Collect c = new Collect();
        for (int i = 0; i < 50; i++) {
            decode(d, EXPORTER_A, ipfix(UNIX, 0, 1, set(2, ipfixTemplate(256 + i, iana(1, 4)), false)), c);
        }
        assertThat(d.templateCount()).isEqualTo(10);
        assertThat(d.counters().templatesRejected()).isEqualTo(40);
        for (int i = 0; i < 10; i++) {
            decode(d, new byte[] {10, 9, 9, (byte) i}, ipfix(UNIX, 0, 1), c);
        }
        assertThat(d.exporterCount()).isEqualTo(4);
        assertThat(d.counters().exportersRejected()).isEqualTo(7);
    }

    @Test
    void truncatedAndUnknownPacketsAreCountedAsDecodeErrors() {
        FlowDecoder d = new FlowDecoder();
        Collect c = new Collect();
        decode(d, EXPORTER_A, new byte[] {0, 9, 0}, c);
        decode(d, EXPORTER_A, new byte[] {0, 7, 0, 0, 0, 0}, c);
        byte[] ip = ipfix(UNIX, 0, 1, set(2, ipfixTemplate(256, iana(1, 4)), false));
        decode(d, EXPORTER_A, java.util.Arrays.copyOf(ip, ip.length - 3), c); // header length says more
        assertThat(d.counters().decodeErrors()).isEqualTo(3);
        assertThat(d.counters().packets()).isEqualTo(3);
    }

    @Test
    void anExporterThatRestartsItsNumberingIsAResetNotLateAndNotLoss() {
        FlowDecoder d = new FlowDecoder();
        Collect c = new Collect();
        byte[] tpl = set(0, v9Template(256, 8, 4, 12, 4, 1, 4), false);
        for (int seq = 100; seq < 110; seq++) {
            decode(d, EXPORTER_A, v9(1000, UNIX, seq, 1, 1, tpl), c);
        }
        for (int seq = 0; seq < 10; seq++) {
            decode(d, EXPORTER_A, v9(1000, UNIX, seq, 1, 1, tpl), c);
        }
        assertThat(d.losses()).singleElement().satisfies(l -> {
            assertThat(l.lost()).isZero();
            assertThat(l.reordered()).isZero();
            assertThat(l.resets()).isEqualTo(1);
        });
    }
}
