package id.padu.telemetry.flow;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.domain.Agency;
import id.padu.domain.IpPrefix;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FlowAttributionTest {

    static Agency agency(String code, String... prefixes) {
        return new Agency(code, code, null, null, Arrays.stream(prefixes).map(p -> IpPrefix.parse(p).orElseThrow()).toList());
    }

    static int v4(String dotted) {
        String[] p = dotted.split("\\.");
        return (Integer.parseInt(p[0]) << 24) | (Integer.parseInt(p[1]) << 16) | (Integer.parseInt(p[2]) << 8) | Integer.parseInt(p[3]);
    }

    static long[] v6(String text) {
        byte[] b = ExportPackets.ipv6(text);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = (hi << 8) | (b[i] & 0xFF);
            lo = (lo << 8) | (b[8 + i] & 0xFF);
        }
        return new long[] {hi, lo};
    }

    final AgencyPrefixes table = AgencyPrefixes.of(List.of(
            agency("DISKOMINFO", "10.0.0.0/8", "2001:db8::/32"),
            agency("RSUD", "10.20.0.0/16", "2001:db8:20::/48"),
            agency("IGD", "10.20.5.0/24"),
            agency("BAPPEDA", "192.168.7.0/24", "0.0.0.0/32"),
            agency("TOP", "255.255.255.0/24", "ffff::/16")));

    @Test
    void longestPrefixWinsForNestedNetworksInIpv4AndIpv6() {
        assertThat(table.lookupV4(v4("10.1.2.3"))).isEqualTo(0);
        assertThat(table.lookupV4(v4("10.20.0.1"))).isEqualTo(1);
        assertThat(table.lookupV4(v4("10.20.5.77"))).isEqualTo(2);
        assertThat(table.lookupV4(v4("10.20.6.0"))).isEqualTo(1);   // after the /24 closes, the /16 again
        assertThat(table.lookupV4(v4("10.21.0.0"))).isEqualTo(0);   // after the /16 closes, the /8 again
        assertThat(table.lookupV4(v4("11.0.0.0"))).isEqualTo(-1);
        assertThat(table.lookupV4(v4("9.255.255.255"))).isEqualTo(-1);
        assertThat(table.lookupV4(v4("192.168.7.255"))).isEqualTo(3);
        assertThat(table.lookupV4(v4("0.0.0.0"))).isEqualTo(3);
        assertThat(table.lookupV4(v4("0.0.0.1"))).isEqualTo(-1);
        assertThat(table.lookupV4(v4("255.255.255.255"))).isEqualTo(4);
        long[] a = v6("2001:db8:20:1::9");
        assertThat(table.lookupV6(a[0], a[1])).isEqualTo(1);
        long[] b = v6("2001:db8:21::9");
        assertThat(table.lookupV6(b[0], b[1])).isEqualTo(0);
        long[] c = v6("2001:db9::1");
        assertThat(table.lookupV6(c[0], c[1])).isEqualTo(-1);
        long[] e = v6("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
        assertThat(table.lookupV6(e[0], e[1])).isEqualTo(4);
    }

    @Test
    void lookupAgreesWithAStraightScanOverRandomAddresses() {
        java.util.Random rnd = new java.util.Random(7);
        List<Agency> agencies = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int len = 8 + rnd.nextInt(25);
            int addr = rnd.nextInt() & (int) (0xFFFFFFFFL << (32 - len));
            agencies.add(agency("A" + i, FlowDecoderTest.v4(addr) + "/" + len));
        }
        AgencyPrefixes t = AgencyPrefixes.of(agencies);
        for (int n = 0; n < 20_000; n++) {
            // Addresses near prefix edges find the bugs a sweep can have.
            Agency pick = agencies.get(rnd.nextInt(agencies.size()));
            IpPrefix p = pick.prefixes().get(0);
            int base = v4(p.addressText());
            int addr = switch (rnd.nextInt(4)) {
                case 0 -> base - 1;
                case 1 -> base + (int) ((1L << (32 - p.length())) - 1) + rnd.nextInt(2);
                default -> rnd.nextInt();
            };
            int expected = -1;
            int bestLen = -1;
            byte[] ab = {(byte) (addr >>> 24), (byte) (addr >>> 16), (byte) (addr >>> 8), (byte) addr};
            for (int i = 0; i < agencies.size(); i++) {
                IpPrefix q = agencies.get(i).prefixes().get(0);
                if (q.contains(ab) && q.length() >= bestLen) {
                    bestLen = q.length();
                    expected = i;
                }
            }
            assertThat(t.lookupV4(addr)).as(FlowDecoderTest.v4(addr)).isEqualTo(expected);
            assertThat(t.lookupV4Search(addr)).as(FlowDecoderTest.v4(addr)).isEqualTo(expected);
        }
    }

    @Test
    void destinationIsDownloadSourceIsUploadPerStepAndTheRestIsUnattributed() {
        FlowAttribution attribution = new FlowAttribution(table, 60, 600_000);
        FlowRecord r = new FlowRecord();
        r.clear();
        r.ipVersion = 4;
        r.srcV4 = v4("203.0.113.5");
        r.dstV4 = v4("10.20.5.9");
        r.bytes = 1000;
        r.endMillis = 1_700_000_030_000L; // step 1_700_000_000 - 1_700_000_040? steps of 60 s since epoch
        attribution.accept(r);
        r.srcV4 = v4("10.20.9.9");
        r.dstV4 = v4("203.0.113.5");
        r.bytes = 300;
        attribution.accept(r);
        r.srcV4 = v4("203.0.113.5");
        r.dstV4 = v4("198.51.100.1");
        r.bytes = 77;
        attribution.accept(r);
        r.srcV4 = v4("203.0.113.5");
        r.dstV4 = v4("10.1.1.1");
        r.bytes = 5;
        r.endMillis = 1_700_000_100_000L;
        attribution.accept(r);
        Map<Long, long[]> steps = new TreeMap<>();
        attribution.drainTo(steps);
        long step1 = 1_700_000_030_000L / 60_000 * 60_000;
        long step2 = 1_700_000_100_000L / 60_000 * 60_000;
        assertThat(steps).containsOnlyKeys(step1, step2);
        assertThat(steps.get(step1)[2 * 2]).isEqualTo(1000);      // IGD down
        assertThat(steps.get(step1)[1 * 2 + 1]).isEqualTo(300);   // RSUD up
        assertThat(steps.get(step2)[0]).isEqualTo(5);             // DISKOMINFO down
        assertThat(attribution.unattributedBytes()).isEqualTo(77);
        assertThat(attribution.attributedBytes()).isEqualTo(1305);
    }

    @Test
    void recordsWithAWildClockGoToTheArrivalStep() {
        FlowAttribution attribution = new FlowAttribution(table, 60, 60_000);
        FlowRecord r = new FlowRecord();
        r.clear();
        r.ipVersion = 4;
        r.dstV4 = v4("10.1.1.1");
        r.bytes = 10;
        r.endMillis = 5_000; // 1970
        attribution.arrival(1_700_000_000_000L);
        attribution.accept(r);
        Map<Long, long[]> steps = new TreeMap<>();
        attribution.drainTo(steps);
        assertThat(steps).containsOnlyKeys(1_700_000_000_000L / 60_000 * 60_000);
        assertThat(attribution.clockCorrections()).isEqualTo(1);
    }

    @Test
    void drainingWhileRunningHandsOverOnlyEndedStepsAndLateRecordsComeAsAnAddition() {
        FlowAttribution a = new FlowAttribution(table, 60, 600_000);
        FlowRecord r = new FlowRecord();
        r.ipVersion = 4;
        r.srcV4 = v4("203.0.113.5");
        r.dstV4 = v4("10.20.5.9"); // IGD (index 2) download
        long minute = 1_700_000_040_000L; // a multiple of 60 s
        r.bytes = 1000;
        r.endMillis = minute + 10_000;
        a.accept(r);
        r.bytes = 500;
        r.endMillis = minute + 70_000; // the next minute, still open
        a.accept(r);

        Map<Long, long[]> out = new TreeMap<>();
        a.drainEndedBy(minute + 60_000, out);
        assertThat(out).containsOnlyKeys(minute);
        assertThat(out.get(minute)[4]).isEqualTo(1000);
        assertThat(a.hasSteps()).isTrue();

        // A late record of the minute already handed over, then the next minute ends.
        r.bytes = 200;
        r.endMillis = minute + 20_000;
        a.accept(r);
        Map<Long, long[]> later = new TreeMap<>();
        a.drainEndedBy(minute + 120_000, later);
        assertThat(later).containsOnlyKeys(minute, minute + 60_000);
        assertThat(later.get(minute)[4]).isEqualTo(200);
        assertThat(later.get(minute + 60_000)[4]).isEqualTo(500);
        assertThat(a.hasSteps()).isFalse();
        assertThat(a.attributedBytes()).isEqualTo(1700);
    }
}
