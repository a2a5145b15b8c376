package id.padu.shaping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TcReadBackTest {

    /** What iproute2 6.1 prints for {@code tc -s -j class show} (text despite -j), captured on this kernel. */
    static final String TEXT = """
            class htb 1:100 parent 1:1 leaf 100: prio 0 rate 10Mbit ceil 75Mbit burst 6056b cburst 18750b\s
             Sent 123456 bytes 321 pkt (dropped 0, overlimits 0 requeues 0)\s
             backlog 0b 0p requeues 0
             lended: 0 borrowed: 0 giants: 0
             tokens: 4000 ctokens: 4000

            class htb 1:1 root rate 125Mbit ceil 125Mbit burst 31250b cburst 31250b\s
             Sent 999 bytes 3 pkt (dropped 0, overlimits 0 requeues 0)\s
             backlog 0b 0p requeues 0
             lended: 0 borrowed: 0 giants: 0
             tokens: 4000 ctokens: 4000

            class htb 1:101 parent 1:1 leaf 101: prio 2 rate 2500Kbit ceil 10Mbit burst 6056b cburst 6056b\s
             Sent 0 bytes 0 pkt (dropped 0, overlimits 0 requeues 0)\s
            """;

    @Test
    void readsClassesRatesAndCountersFromText() {
        List<TcClass> classes = TcClassText.parse(TEXT);
        assertThat(classes).hasSize(3);
        TcClass a = classes.get(0);
        assertThat(a.classId()).isEqualTo("1:100");
        assertThat(a.parent()).isEqualTo("1:1");
        assertThat(a.prio()).isZero();
        assertThat(a.rateBps()).isEqualTo(10_000_000);
        assertThat(a.ceilBps()).isEqualTo(75_000_000);
        assertThat(a.bytes()).isEqualTo(123456);
        assertThat(a.packets()).isEqualTo(321);
        assertThat(classes.get(1).parent()).isEqualTo("root");
        assertThat(classes.get(2).rateBps()).isEqualTo(2_500_000);
    }

    @Test
    void rateUnitsAreSiOrIec() {
        assertThat(TcClassText.parseRate("33333Kbit")).isEqualTo(33_333_000);
        assertThat(TcClassText.parseRate("1Gbit")).isEqualTo(1_000_000_000);
        assertThat(TcClassText.parseRate("8bit")).isEqualTo(8);
        assertThat(TcClassText.parseRate("1Mibit")).isEqualTo(1_048_576);
        assertThat(TcClassText.parseRate("125Kbps")).isEqualTo(1_000_000);
    }

    @Test
    void verifyFindsMissingClassesAndWrongRates() throws Exception {
        ShapingOptions o = ShapingOptions.defaults().withWan("wan0");
        String script = LinuxTcRenderer.render(ShapingPolicy.of(ShapingFixtures.agencies(), ShapingFixtures.plan(), o), o);
        ScriptHeader h = ScriptHeader.parse(script);
        assertThat(h.isPaduScript()).isTrue();
        assertThat(h.wanInterface()).isEqualTo("wan0");
        assertThat(h.agencyByClass()).containsEntry("1:102", "RSUD");
        // a kernel that has exactly what the script promises
        Map<String, List<TcClass>> good = Map.of("wan0", kernel(h, "wan0", 1.0), "ifb0", kernel(h, "ifb0", 1.0));
        assertThat(h.verify(good)).isEmpty();
        // one class missing and one rate off by 5 %
        List<TcClass> wan = new java.util.ArrayList<>(kernel(h, "wan0", 1.0));
        wan.removeIf(c -> c.classId().equals("1:100"));
        List<TcClass> ifb = kernel(h, "ifb0", 1.05);
        List<String> problems = h.verify(Map.of("wan0", wan, "ifb0", ifb));
        assertThat(problems).anyMatch(p -> p.startsWith("wan0 1:100 (DISKOMINFO): missing"));
        assertThat(problems).anyMatch(p -> p.startsWith("ifb0 1:102 (RSUD): rate"));
    }

    private static List<TcClass> kernel(ScriptHeader h, String dev, double factor) {
        return h.expected().stream().filter(e -> e.dev().equals(dev))
                .map(e -> new TcClass("htb", e.classId(), "1:1", 0, Math.round(e.rateBps() * factor), e.ceilBps(), 0, 0)).toList();
    }

    @Test
    void countersBecomeUsageRowsAndAResetCounterIsNotMeasured() {
        ScriptHeader h = new ScriptHeader("wan0", "ifb0", Map.of("1:100", "A", "1:101", "B"), List.of());
        CounterRates.Reading r0 = new CounterRates.Reading(0, Map.of("1:100", 1_000L, "1:101", 5_000_000L), Map.of("1:100", 0L, "1:101", 0L));
        // 300 s later: A sent 37.5 MB up (1 Mbit/s) and got 75 MB down (2 Mbit/s); B's counter restarted (tree replaced)
        CounterRates.Reading r1 = new CounterRates.Reading(300_000, Map.of("1:100", 37_501_000L, "1:101", 10L),
                Map.of("1:100", 75_000_000L, "1:101", 10L));
        List<CounterRates.UsageRow> rows = CounterRates.rows(h, r0, r1, 1_700_000_100L);
        assertThat(rows).containsExactly(new CounterRates.UsageRow("A", 1_700_000_100L, 2_000_000, 1_000_000));
    }
}
