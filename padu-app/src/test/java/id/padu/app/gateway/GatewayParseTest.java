package id.padu.app.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.shaping.TcClass;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayParseTest {

    @Test
    void readsJsonClassesWithRatesInBytesPerSecond() {
        // iproute2's JSON conventions: rates as bytes per second, statistics beside the options
        String json = """
                [{"class":"htb","handle":"1:1","root":true,"options":{"rate":7500000,"ceil":7500000},"bytes":10,"packets":1},
                 {"class":"htb","handle":"1:100","parent":"1:1","leaf":"100:","options":{"prio":0,"rate":1250000,"ceil":3750000},
                  "bytes":123456,"packets":99}]
                """;
        List<TcClass> classes = Gateway.parseClasses(json);
        assertThat(classes).hasSize(2);
        assertThat(classes.get(0).parent()).isEqualTo("root");
        TcClass c = classes.get(1);
        assertThat(c.classId()).isEqualTo("1:100");
        assertThat(c.rateBps()).isEqualTo(10_000_000);
        assertThat(c.ceilBps()).isEqualTo(30_000_000);
        assertThat(c.prio()).isZero();
        assertThat(c.bytes()).isEqualTo(123456);
    }

    @Test
    void fallsBackToTextWhenTcIgnoresJsonForClasses() {
        String text = "class htb 1:2 parent 1:1 leaf 2: prio 7 rate 600Kbit ceil 60Mbit burst 6056b cburst 7500b \n"
                + " Sent 4242 bytes 7 pkt (dropped 0, overlimits 0 requeues 0) \n";
        List<TcClass> classes = Gateway.parseClasses(text);
        assertThat(classes).singleElement().satisfies(c -> {
            assertThat(c.rateBps()).isEqualTo(600_000);
            assertThat(c.ceilBps()).isEqualTo(60_000_000);
            assertThat(c.bytes()).isEqualTo(4242);
        });
    }

    @Test
    void qdiscSnapshotsKeepKindHandleAndPlaceOnly() {
        String out = """
                qdisc htb 1: root refcnt 2 r2q 10 default 0x2 direct_packets_stat 0 direct_qlen 1000
                qdisc pfifo 100: parent 1:100 limit 247p
                qdisc ingress ffff: parent ffff:fff1 ----------------\s
                """;
        assertThat(Gateway.normalizeQdiscs(out)).containsExactly("htb 1: root", "pfifo 100: parent 1:100", "ingress ffff: parent ffff:fff1");
        assertThat(Gateway.hasDefaultQdiscs(Gateway.normalizeQdiscs(out))).isFalse();
        assertThat(Gateway.hasDefaultQdiscs(Gateway.normalizeQdiscs("qdisc noqueue 0: root refcnt 2 \n"))).isTrue();
    }
}
