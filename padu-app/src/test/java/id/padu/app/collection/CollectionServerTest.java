package id.padu.app.collection;

import static id.padu.telemetry.flow.ExportPackets.bytes;
import static id.padu.telemetry.flow.ExportPackets.ipfix;
import static id.padu.telemetry.flow.ExportPackets.ipfixTemplate;
import static id.padu.telemetry.flow.ExportPackets.set;
import static id.padu.telemetry.flow.ExportPackets.v9;
import static id.padu.telemetry.flow.ExportPackets.v9Template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.padu.app.H2AppTest;
import id.padu.app.security.Role;
import id.padu.app.security.UserAccounts;
import id.padu.telemetry.flow.ExportPackets.Field;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Collection inside {@code padu serve}, configured through the API as an engineer would: real
 * {@code snmpd} agents polled by the server, golden NetFlow v9 / IPFIX packets sent to a listener
 * the server opened, and the minutes read back from the measurement store (its API) checked
 * against what was sent. Also: secrets never come back, bad input is named, operators are kept out, every
 * change is audited, a taken port is an error on the status page and not a dead server.
 */
@TestPropertySource(properties = {
        "padu.collection.snmp-interval=2s",
        "padu.collection.snmp-timeout=700ms",
        "padu.collection.drain-interval=1s",
        "padu.collection.flow-hand-over-grace=1s"
})
class CollectionServerTest extends H2AppTest {

    static final RequestPostProcessor ADMIN = httpBasic("admin", ADMIN_PASSWORD);
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A measured one-minute bucket as the measurement store's API answers it. */
    record Point(long minute, long downBps, long upBps, long coveredSeconds) {
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    MeterRegistry registry;

    @TempDir
    Path dir;

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, String body) {
        return b.contentType(MediaType.APPLICATION_JSON).content(body).with(ADMIN);
    }

    void agency(String code, String... prefixes) throws Exception {
        StringBuilder p = new StringBuilder();
        for (String s : prefixes) {
            p.append(p.length() == 0 ? "" : ",").append('"').append(s).append('"');
        }
        mvc.perform(json(post("/api/agencies"), "{\"code\":\"" + code + "\",\"name\":\"" + code + "\",\"prefixes\":[" + p + "]}"))
                .andExpect(status().isCreated());
    }

    JsonNode read(MockHttpServletRequestBuilder request) throws Exception {
        return JSON.readTree(mvc.perform(request.with(ADMIN)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    JsonNode created(MockHttpServletRequestBuilder request, String body) throws Exception {
        return JSON.readTree(mvc.perform(json(request, body)).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    JsonNode statusOf(String array, String key, String value) throws Exception {
        for (JsonNode n : read(get("/api/collection/status")).get(array)) {
            if (n.get(key).asString().equals(value)) {
                return n;
            }
        }
        return null;
    }

    /** What the measurement store holds for an agency and source, minute by minute, read through its API. */
    List<Point> measured(String code, String source, long fromEpochSecond, long toEpochSecond) throws Exception {
        JsonNode answer = read(get("/api/measurements/" + code).param("resolution", "1m").param("source", source)
                .param("from", Instant.ofEpochSecond(fromEpochSecond).toString())
                .param("to", Instant.ofEpochSecond(toEpochSecond).toString()));
        List<Point> out = new ArrayList<>();
        for (JsonNode p : answer.get("points")) {
            out.add(new Point(OffsetDateTime.parse(p.get("time").asString()).toEpochSecond(), p.get("downBps").asLong(),
                    p.get("upBps").asLong(), p.get("coveredSeconds").asLong()));
        }
        return out;
    }

    // ---------------------------------------------------------------- SNMP

    @Test
    void snmpTargetsConfiguredThroughTheApiArePolledAndTheirMinutesArriveAtTheScriptedRates() throws Exception {
        long aIn = 1_250_000;   // bytes/s: 10 Mbit/s
        long aOut = 250_000;
        long bIn = 1_250_000;
        long bOut = 125_000;
        double tolerance = 0.06;
        Path snmpd = SnmpAgents.snmpd();
        try (SnmpAgents agents = new SnmpAgents(dir)) {
            Path script = agents.script();
            int portA = SnmpAgents.freePort();
            int portB = SnmpAgents.freePort();
            Path a = agents.device("a", 64, aIn, aOut, 5_000_000_000_000L, 7_000_000_000L, "GigabitEthernet0/1", "wan0");
            // B: 32-bit counters only, starting close to 2^32 so that they wrap during the run.
            Path b = agents.device("b", 32, bIn, bOut, (1L << 32) - bIn * 6, (1L << 32) - bOut * 9, "ether1-isp", "-");
            agents.agent(snmpd, script, a, portA);
            agents.agent(snmpd, script, b, portB);
            agency("SNMPA");
            agency("SNMPB");
            long started = now();
            created(post("/api/collection/snmp-targets"), """
                    {"agency":"SNMPA","host":"127.0.0.1","port":%d,"version":"2c","community":"padutest",
                     "interface":"wan0","wanDirection":"in-is-down"}""".formatted(portA));
            // v3 with SHA-256 and AES, found by ifDescr; "in" is the agency's upload.
            created(post("/api/collection/snmp-targets"), """
                    {"agency":"SNMPB","host":"127.0.0.1","port":%d,"version":"3","user":"paduv3",
                     "authProtocol":"SHA-256","authKey":"authpass123","privProtocol":"AES","privKey":"privpass123",
                     "interface":"ether1-isp","wanDirection":"in-is-up"}""".formatted(portB));

            // A device that never answers delays nobody.
            agency("SNMPDEAD");
            created(post("/api/collection/snmp-targets"), """
                    {"agency":"SNMPDEAD","host":"127.0.0.1","port":%d,"version":"2c","community":"padutest",
                     "interface":"1","wanDirection":"in-is-down"}""".formatted(SnmpAgents.freePort()));

            // Minutes arrive in the store while the server runs (the first ones within about a minute).
            long deadline = System.currentTimeMillis() + 150_000;
            long from = started - 120;
            Predicate<Point> measuredEnough = p -> p.coveredSeconds() >= 10;
            while ((measured("SNMPA", "snmp", from, now() + 120).stream().noneMatch(measuredEnough)
                    || measured("SNMPB", "snmp", from, now() + 120).stream().noneMatch(measuredEnough))
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(1_000);
            }
            List<Point> pointsA = measured("SNMPA", "snmp", from, now() + 120).stream().filter(measuredEnough).toList();
            List<Point> pointsB = measured("SNMPB", "snmp", from, now() + 120).stream().filter(measuredEnough).toList();
            String report = pointsA + "\n" + pointsB + "\n" + read(get("/api/collection/status"));
            assertThat(pointsA).as(report).isNotEmpty();
            assertThat(pointsB).as(report).isNotEmpty();
            for (Point p : pointsA) {
                assertThat(p.minute() % 60).isZero();
                assertThat((double) p.downBps()).as(report).isCloseTo(aIn * 8, within(aIn * 8 * tolerance));
                assertThat((double) p.upBps()).as(report).isCloseTo(aOut * 8, within(aOut * 8 * tolerance));
            }
            for (Point p : pointsB) {
                assertThat((double) p.downBps()).as(report).isCloseTo(bOut * 8, within(bOut * 8 * tolerance));
                assertThat((double) p.upBps()).as(report).isCloseTo(bIn * 8, within(bIn * 8 * tolerance));
            }

            assertThat(measured("SNMPDEAD", "snmp", from, now() + 120)).as(report).isEmpty();
            JsonNode dead = statusOf("snmpTargets", "agency", "SNMPDEAD");
            assertThat(dead.get("timeouts").asLong()).as(report).isGreaterThan(3);
            assertThat(dead.get("goodPolls").asLong()).as(report).isZero();

            // The status page and the API show the polls, the wraps and the current rates.
            JsonNode statusB = statusOf("snmpTargets", "agency", "SNMPB");
            assertThat(statusB.get("running").asBoolean()).as(report).isTrue();
            assertThat(statusB.get("goodPolls").asLong()).as(report).isGreaterThan(5);
            assertThat(statusB.get("wraps").asLong()).as(report).isGreaterThan(0);
            assertThat(statusB.get("downBps").asDouble()).as(report).isCloseTo(bOut * 8, within(bOut * 8 * 0.2));
            String page = mvc.perform(get("/collection/status").with(ADMIN)).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("SNMPA").contains("SNMPB").contains("Wrap 32-bit");
            // Prometheus meters, tagged with the agency.
            assertThat(registry.get("padu.snmp.polls").tag("agency", "SNMPA").functionCounter().count()).isGreaterThan(5);
            assertThat(registry.get("padu.snmp.wraps").tag("agency", "SNMPB").functionCounter().count()).isGreaterThan(0);

            // Disabling stops the poller: no more polls, and its meters are gone.
            long idA = statusOf("snmpTargets", "agency", "SNMPA").get("id").asLong();
            mvc.perform(post("/collection/targets/" + idA + "/enabled").param("enabled", "false").with(ADMIN).with(csrf()))
                    .andExpect(status().is3xxRedirection());
            long until = System.currentTimeMillis() + 10_000;
            while (statusOf("snmpTargets", "agency", "SNMPA").get("running").asBoolean() && System.currentTimeMillis() < until) {
                Thread.sleep(200);
            }
            assertThat(statusOf("snmpTargets", "agency", "SNMPA").get("running").asBoolean()).isFalse();
            assertThat(registry.find("padu.snmp.polls").tag("agency", "SNMPA").functionCounter()).isNull();
            for (JsonNode t : read(get("/api/collection/snmp-targets"))) {
                mvc.perform(delete("/api/collection/snmp-targets/" + t.get("id").asLong()).with(ADMIN))
                        .andExpect(status().isNoContent());
            }
        }
    }

    // ---------------------------------------------------------------- flows

    @Test
    void aFlowListenerConfiguredThroughTheApiAttributesV9AndIpfixBytesToAgenciesPerMinute() throws Exception {
        agency("FLOWA", "10.5.0.0/16");
        agency("FLOWB", "2001:db8:5::/48");
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        long id = created(post("/api/collection/flow-listeners"), """
                {"name":"gateway-test","bindAddress":"127.0.0.1","port":%d,"receiveThreads":2,"receiveBuffer":1048576}"""
                .formatted(port)).get("id").asLong();
        long deadline = System.currentTimeMillis() + 20_000;
        while (!statusOf("flowListeners", "name", "gateway-test").get("running").asBoolean()
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(statusOf("flowListeners", "name", "gateway-test").get("running").asBoolean()).isTrue();

        // The exporter dates its packets three minutes back: that minute is closed, so it is handed
        // over right away (the clock-skew limit of 10 minutes keeps the exporter's time).
        long exportSecs = System.currentTimeMillis() / 1000 - 180;
        long minute = Math.floorDiv(exportSecs, 60) * 60;
        byte[] v9Tpl = set(0, v9Template(256, 1, 4, 8, 4, 12, 4), false);
        byte[] ipfixTpl = set(2, ipfixTemplate(300, Field.iana(1, 8), Field.iana(27, 16), Field.iana(28, 16)), false);
        List<byte[]> packets = new ArrayList<>();
        // v9 data before its template: counted, not guessed.
        packets.add(v9(100_000, exportSecs, 0, 7, 1,
                set(256, bytes().u32(999).ip("198.51.100.9").ip("10.5.1.1").bytes(), true)));
        packets.add(v9(100_000, exportSecs, 1, 7, 1, v9Tpl));
        long v9Down = 0;
        long v9Up = 0;
        for (int i = 0; i < 10; i++) {
            // Sequence 2..11, with number 6 missing: one gap, one packet lost.
            long seq = i < 4 ? 2 + i : 3 + i;
            byte[] data = set(256, bytes()
                    .u32(1000 + i).ip("198.51.100.9").ip("10.5.1." + (i + 1))
                    .u32(300).ip("10.5.2.2").ip("203.0.113.7")
                    .u32(77).ip("198.51.100.9").ip("203.0.113.8") // touches no agency
                    .bytes(), true);
            packets.add(v9(100_000, exportSecs, seq, 7, 3, data));
            v9Down += 1000 + i;
            v9Up += 300;
        }
        long v6Down = 0;
        long v6Up = 0;
        packets.add(ipfix(exportSecs, 0, 42, ipfixTpl));
        for (int i = 0; i < 5; i++) {
            byte[] data = set(300, bytes()
                    .u64(5000).ip6("2001:db8:5::" + (i + 1)).ip6("2001:db8:ffff::1")
                    .u64(700).ip6("2001:db8:ffff::1").ip6("2001:db8:5:1::9")
                    .bytes(), true);
            packets.add(ipfix(exportSecs, 2L * i, 42, data));
            v6Up += 5000;
            v6Down += 700;
        }
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            for (byte[] p : packets) {
                socket.send(new DatagramPacket(p, p.length));
            }
        }
        // In the store: the minute the exporter dated, each agency's bytes over the whole minute.
        long downA = Math.round(v9Down * 8 / 60.0);
        long upA = Math.round(v9Up * 8 / 60.0);
        long downB = Math.round(v6Down * 8 / 60.0);
        long upB = Math.round(v6Up * 8 / 60.0);
        deadline = System.currentTimeMillis() + 20_000;
        while ((measured("FLOWA", "flow", minute - 600, minute + 600).stream().noneMatch(p -> p.downBps() >= downA)
                || measured("FLOWB", "flow", minute - 600, minute + 600).stream().noneMatch(p -> p.upBps() >= upB))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        List<Point> pointsA = measured("FLOWA", "flow", minute - 600, minute + 600);
        List<Point> pointsB = measured("FLOWB", "flow", minute - 600, minute + 600);
        String report = pointsA + "\n" + pointsB + "\n" + read(get("/api/collection/status"));
        assertThat(pointsA).as(report).containsExactly(new Point(minute, downA, upA, 60));
        assertThat(pointsB).as(report).containsExactly(new Point(minute, downB, upB, 60));

        // The counters: on the status API and page, and as Prometheus meters tagged with the listener.
        JsonNode st = statusOf("flowListeners", "name", "gateway-test");
        assertThat(st.get("packets").asLong()).as(report).isEqualTo(packets.size());
        assertThat(st.get("records").asLong()).as(report).isEqualTo(10 * 3 + 5 * 2);
        assertThat(st.get("setsWithoutTemplate").asLong()).as(report).isEqualTo(1);
        assertThat(st.get("sequenceGaps").asLong()).as(report).isEqualTo(1);
        assertThat(st.get("unattributedBytes").asLong()).as(report).isEqualTo(10 * 77);
        assertThat(st.get("losses").toString()).as(report).contains("127.0.0.1");
        String page = mvc.perform(get("/collection/status").param("lang", "en").with(ADMIN)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("gateway-test").contains("Exporter 127.0.0.1 (v9, domain 7): 1 gaps, 1 packets lost");
        assertThat(registry.get("padu.flow.records").tag("listener", "gateway-test").functionCounter().count()).isEqualTo(40);
        assertThat(registry.get("padu.flow.sequence.gaps").tag("listener", "gateway-test").functionCounter().count())
                .isEqualTo(1);

        // A new agency in the inventory: the running listener attributes to it without a restart.
        int agenciesBefore = st.get("agencies").asInt();
        agency("FLOWC", "10.6.0.0/16");
        deadline = System.currentTimeMillis() + 20_000;
        while (statusOf("flowListeners", "name", "gateway-test").get("agencies").asInt() != agenciesBefore + 1
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(statusOf("flowListeners", "name", "gateway-test").get("agencies").asInt()).isEqualTo(agenciesBefore + 1);
        long exportSecs2 = System.currentTimeMillis() / 1000 - 120;
        long minute2 = Math.floorDiv(exportSecs2, 60) * 60;
        byte[] withTemplate = v9(100_000, exportSecs2, 13, 7, 2, v9Tpl,
                set(256, bytes().u32(4321).ip("198.51.100.9").ip("10.6.7.8").bytes(), true));
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(withTemplate, withTemplate.length, InetAddress.getLoopbackAddress(), port));
        }
        long downC = Math.round(4321 * 8 / 60.0);
        deadline = System.currentTimeMillis() + 20_000;
        while (measured("FLOWC", "flow", minute2 - 600, minute2 + 600).isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(measured("FLOWC", "flow", minute2 - 600, minute2 + 600)).containsExactly(new Point(minute2, downC, 0, 60));

        // A changed port restarts the listener on the new one; the old one is closed.
        int port2;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port2 = probe.getLocalPort();
        }
        read(put("/api/collection/flow-listeners/" + id).contentType(MediaType.APPLICATION_JSON).content("""
                {"name":"gateway-test","bindAddress":"127.0.0.1","port":%d,"receiveThreads":1,"receiveBuffer":1048576}"""
                .formatted(port2)));
        deadline = System.currentTimeMillis() + 20_000;
        while (statusOf("flowListeners", "name", "gateway-test").get("port").asInt() != port2
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        JsonNode moved = statusOf("flowListeners", "name", "gateway-test");
        assertThat(moved.get("running").asBoolean()).isTrue();
        assertThat(moved.get("port").asInt()).isEqualTo(port2);
        assertThat(moved.get("receiveThreads").asInt()).isEqualTo(1);
        assertThat(portIsFree(port)).isTrue();

        // Deleting the listener closes its port and removes its meters.
        mvc.perform(delete("/api/collection/flow-listeners/" + id).with(ADMIN)).andExpect(status().isNoContent());
        assertThat(portIsFree(port2)).isTrue();
        assertThat(registry.find("padu.flow.records").tag("listener", "gateway-test").functionCounter()).isNull();
        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE entity = 'flow_listener' AND entity_key = ? ORDER BY id")
                .param(Long.toString(id)).query(String.class).list())
                .containsExactly("collection.listener.create", "collection.listener.update", "collection.listener.delete");
    }

    /** Whether the port can be bound (the collector closed it), waiting up to 10 s for the restart. */
    static boolean portIsFree(int port) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            try (DatagramSocket again = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                return true;
            } catch (java.net.SocketException e) {
                Thread.sleep(200);
            }
        }
        return false;
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    @Test
    void aListenerWhosePortIsTakenShowsItsErrorAndTheOthersRun() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            created(post("/api/collection/flow-listeners"), """
                    {"name":"taken-port","bindAddress":"127.0.0.1","port":%d}""".formatted(taken.getLocalPort()));
            int free;
            try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                free = probe.getLocalPort();
            }
            created(post("/api/collection/flow-listeners"), """
                    {"name":"free-port","bindAddress":"127.0.0.1","port":%d}""".formatted(free));
            long deadline = System.currentTimeMillis() + 20_000;
            while ((statusOf("flowListeners", "name", "taken-port").get("error").isNull()
                    || !statusOf("flowListeners", "name", "free-port").get("running").asBoolean())
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            JsonNode st = statusOf("flowListeners", "name", "taken-port");
            assertThat(st.get("running").asBoolean()).isFalse();
            assertThat(st.get("error").asString()).containsIgnoringCase("in use");
            assertThat(statusOf("flowListeners", "name", "free-port").get("running").asBoolean()).isTrue();
            String page = mvc.perform(get("/collection/status").with(ADMIN)).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("taken-port").contains("gagal dimulai");
        }
        for (JsonNode l : read(get("/api/collection/flow-listeners"))) {
            mvc.perform(delete("/api/collection/flow-listeners/" + l.get("id").asLong()).with(ADMIN)).andExpect(status().isNoContent());
        }
    }

    // ---------------------------------------------------------------- secrets, validation, access, audit

    @Test
    void secretsAreWriteOnlyAndStoredEncrypted() throws Exception {
        agency("SECA");
        String community = "c0mmunity-SECRET-x1";
        String authKey = "authKEY-SECRET-y2";
        String privKey = "privKEY-SECRET-z3";
        JsonNode v2 = created(post("/api/collection/snmp-targets"), """
                {"agency":"SECA","host":"127.0.0.1","port":16110,"version":"2c","community":"%s",
                 "interface":"ether1","wanDirection":"in-is-down","enabled":false}""".formatted(community));
        JsonNode v3 = created(post("/api/collection/snmp-targets"), """
                {"agency":"SECA","host":"127.0.0.1","port":16111,"version":"3","user":"ops","authProtocol":"SHA-256",
                 "authKey":"%s","privProtocol":"AES","privKey":"%s","interface":"2","enabled":false}"""
                .formatted(authKey, privKey));
        assertThat(v2.get("communitySet").asBoolean()).isTrue();
        assertThat(v3.get("authKeySet").asBoolean()).isTrue();
        assertThat(v3.get("privKeySet").asBoolean()).isTrue();
        long id3 = v3.get("id").asLong();
        // Changing something else keeps the stored keys.
        JsonNode changed = read(put("/api/collection/snmp-targets/" + id3).contentType(MediaType.APPLICATION_JSON).content("""
                {"agency":"SECA","host":"127.0.0.1","port":16112,"version":"3","user":"ops","authProtocol":"SHA-256",
                 "privProtocol":"AES","interface":"2"}"""));
        assertThat(changed.get("authKeySet").asBoolean()).isTrue();
        assertThat(changed.get("privKeySet").asBoolean()).isTrue();
        assertThat(changed.get("enabled").asBoolean()).isFalse();

        List<String> answers = new ArrayList<>();
        answers.add(v2.toString());
        answers.add(v3.toString());
        answers.add(changed.toString());
        answers.add(read(get("/api/collection/snmp-targets")).toString());
        answers.add(read(get("/api/collection/snmp-targets/" + id3)).toString());
        answers.add(read(get("/api/collection/status")).toString());
        answers.add(read(get("/api/audit")).toString());
        answers.add(read(get("/api/secrets")).toString());
        for (String page : List.of("/collection", "/collection/status", "/collection/targets/" + id3 + "/edit",
                "/collection/targets/" + v2.get("id").asLong() + "/edit", "/audit")) {
            answers.add(mvc.perform(get(page).with(ADMIN)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
        }
        answers.add(jdbc.sql("SELECT * FROM snmp_target").query().listOfRows().toString());
        answers.add(jdbc.sql("SELECT * FROM app_secret").query().listOfRows().toString());
        answers.add(jdbc.sql("SELECT before_json, after_json FROM audit_log").query().listOfRows().toString());
        for (String answer : answers) {
            assertThat(answer).doesNotContain(community).doesNotContain(authKey).doesNotContain(privKey);
        }
        // The edit page says a key is stored, in a password field that is never filled in.
        String edit = mvc.perform(get("/collection/targets/" + id3 + "/edit").with(ADMIN)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(edit).contains("(tersimpan)").contains("type=\"password\"");
        // Stored: names in the target row, ciphertext under those names.
        assertThat(jdbc.sql("SELECT auth_key_secret FROM snmp_target WHERE id = ?").param(id3).query(String.class).single())
                .isEqualTo("collection.snmp." + id3 + ".auth-key");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM app_secret WHERE name LIKE 'collection.snmp.%'").query(Long.class).single())
                .isGreaterThanOrEqualTo(3);

        // An empty secret removes it; deleting the target removes its secrets.
        JsonNode cleared = read(put("/api/collection/snmp-targets/" + id3).contentType(MediaType.APPLICATION_JSON).content("""
                {"agency":"SECA","host":"127.0.0.1","port":16112,"version":"3","user":"ops","authProtocol":"","authKey":"",
                 "privProtocol":"","privKey":"","interface":"2"}"""));
        assertThat(cleared.get("authKeySet").asBoolean()).isFalse();
        assertThat(cleared.get("privKeySet").asBoolean()).isFalse();
        mvc.perform(delete("/api/collection/snmp-targets/" + v2.get("id").asLong()).with(ADMIN)).andExpect(status().isNoContent());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM app_secret WHERE name = ?")
                .param("collection.snmp." + v2.get("id").asLong() + ".community").query(Long.class).single()).isZero();

        // The API description says the secrets are write-only.
        JsonNode api = read(get("/v3/api-docs"));
        assertThat(api.get("paths").has("/api/collection/snmp-targets/{id}")).isTrue();
        assertThat(api.at("/components/schemas/TargetInput/properties/authKey/writeOnly").asBoolean()).isTrue();
        assertThat(api.at("/components/schemas/TargetView/properties").has("authKey")).isFalse();

        // Every change is in the audit log, with who made it.
        List<String> actions = jdbc.sql("SELECT action FROM audit_log WHERE entity = 'snmp_target' AND actor = 'admin'")
                .query(String.class).list();
        assertThat(actions).contains("collection.target.create", "collection.target.update", "collection.target.delete");
    }

    @Test
    void badInputIsRejectedNamingFieldAndValueInTheUsersLanguage() throws Exception {
        String body = """
                {"agency":"NOSUCH","host":"127.0.0.1","port":99999,"version":"2c","interface":"1","wanDirection":"sideways"}""";
        String en = mvc.perform(json(post("/api/collection/snmp-targets").param("lang", "en"), body))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode problem = JSON.readTree(en);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").toString())
                .contains("\"field\":\"port\",\"value\":\"99999\",\"message\":\"port must be a number 1-65535\"")
                .contains("\"field\":\"wanDirection\",\"value\":\"sideways\"")
                .contains("\"field\":\"agency\",\"value\":\"NOSUCH\",\"message\":\"no agency with this code\"");
        String id = mvc.perform(json(post("/api/collection/snmp-targets").param("lang", "id"), body))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(id).contains("port harus bilangan 1-65535").contains("tidak ada OPD dengan kode ini");
        // A v3 key too short is named without echoing it.
        agency("VALA");
        String shortKey = mvc.perform(json(post("/api/collection/snmp-targets").param("lang", "en"), """
                        {"agency":"VALA","host":"127.0.0.1","version":"3","user":"u","authProtocol":"SHA","authKey":"short7",
                         "interface":"1"}"""))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(shortKey).contains("\"field\":\"authKey\"").doesNotContain("short7");
        String listener = mvc.perform(json(post("/api/collection/flow-listeners").param("lang", "en"), """
                        {"name":"bad name","bindAddress":"gateway.example","port":0,"receiveThreads":99}"""))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(listener).contains("\"field\":\"name\",\"value\":\"bad name\"")
                .contains("\"field\":\"bindAddress\",\"value\":\"gateway.example\"")
                .contains("\"field\":\"port\",\"value\":0").contains("\"field\":\"receiveThreads\",\"value\":99");
        // The page shows the same, and keeps what was typed.
        String page = mvc.perform(post("/collection/targets").with(ADMIN).with(csrf()).param("agency", "VALA")
                        .param("host", "127.0.0.1").param("port", "161").param("version", "2c").param("iface", "1")
                        .param("wanDirection", "sideways").param("enabled", "on"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("wan_direction harus in-is-down atau in-is-up").contains("value=\"VALA\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM snmp_target WHERE agency_code IN ('NOSUCH', 'VALA')").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM flow_listener WHERE name = 'bad name'").query(Long.class).single()).isZero();
    }

    @Test
    void aTargetsCsvIsImportedWhollyOrNotAtAll() throws Exception {
        agency("CSVA");
        agency("CSVB");
        String good = "agency,host,port,version,community,user,auth_protocol,auth_key,priv_protocol,priv_key,interface,wan_direction\n"
                + "CSVA,127.0.0.1,16121,2c,csv-community-1,,,,,,ether1,in-is-down\n"
                + "CSVB,127.0.0.1,16122,3,,ops,SHA-256,csvauthkey1,AES,csvprivkey1,wan,in-is-up\n";
        String bad = "agency,host,interface,wan_direction\nCSVA,127.0.0.1,ether2,in-is-down\nCSVB,127.0.0.1,ether3,up\n";
        String rejected = mvc.perform(post("/api/collection/snmp-targets/import").param("lang", "en").with(ADMIN)
                        .contentType("text/csv").content(bad))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(rejected).contains("\"field\":\"line 3: wan_direction\",\"value\":\"up\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM snmp_target WHERE interface_name = 'ether2'").query(Long.class).single()).isZero();
        // An agency that is not in the inventory is named with its line in the file (blank lines count).
        String unknown = "agency,host,interface\nCSVA,127.0.0.1,ether4\n\nNOCSV,127.0.0.1,ether5\n";
        assertThat(mvc.perform(post("/api/collection/snmp-targets/import").param("lang", "en").with(ADMIN)
                        .contentType("text/csv").content(unknown))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("\"field\":\"line 4: agency\",\"value\":\"NOCSV\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM snmp_target WHERE interface_name = 'ether4'").query(Long.class).single()).isZero();
        JsonNode imported = JSON.readTree(mvc.perform(post("/api/collection/snmp-targets/import").with(ADMIN)
                        .contentType("text/csv").content(good))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(imported.size()).isEqualTo(2);
        assertThat(imported.toString()).doesNotContain("csv-community-1").doesNotContain("csvauthkey1")
                .contains("\"communitySet\":true").contains("\"privKeySet\":true").contains("\"wanDirection\":\"in-is-up\"");
        for (JsonNode t : imported) {
            mvc.perform(delete("/api/collection/snmp-targets/" + t.get("id").asLong()).with(ADMIN)).andExpect(status().isNoContent());
        }
    }

    @Test
    void anAgencyOperatorCanNeitherSeeNorChangeCollection() throws Exception {
        agency("OPCOL");
        if (accounts.find("op-collect").isEmpty()) {
            accounts.create("op-collect", "operator-password-1", Role.AGENCY_OPERATOR, "OPCOL");
        }
        RequestPostProcessor operator = httpBasic("op-collect", "operator-password-1");
        for (String path : List.of("/api/collection/snmp-targets", "/api/collection/flow-listeners", "/api/collection/status",
                "/collection", "/collection/status", "/collection/targets/new")) {
            mvc.perform(get(path).with(operator)).andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/collection/snmp-targets").with(operator).contentType(MediaType.APPLICATION_JSON).content("""
                {"agency":"OPCOL","host":"127.0.0.1","interface":"1"}""")).andExpect(status().isForbidden());
        mvc.perform(post("/api/collection/flow-listeners").with(operator).contentType(MediaType.APPLICATION_JSON).content("""
                {"name":"op","port":2055}""")).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM snmp_target WHERE agency_code = 'OPCOL'").query(Long.class).single()).isZero();
        // The navigation does not offer the page either.
        String home = mvc.perform(get("/agencies").with(operator)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(home).doesNotContain("href=\"/collection\"");
        String admin = mvc.perform(get("/agencies").with(ADMIN)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(admin).contains("href=\"/collection\"");
    }

    @Test
    void thePagesAddEditDisableImportAndDeleteWithoutShowingSecrets() throws Exception {
        agency("PAGEA");
        mvc.perform(post("/collection/targets").with(ADMIN).with(csrf()).param("agency", "PAGEA").param("host", "127.0.0.1")
                        .param("port", "16131").param("version", "2c").param("community", "page-community-secret")
                        .param("iface", "ether9").param("wanDirection", "in-is-up"))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("SELECT id FROM snmp_target WHERE agency_code = 'PAGEA'").query(Long.class).single();
        String list = mvc.perform(get("/collection").param("lang", "en").with(ADMIN)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("PAGEA").contains("127.0.0.1:16131").contains("in = agency upload")
                .contains("Community (stored)").doesNotContain("page-community-secret")
                // its row's actions: edit, enable (it is disabled), delete
                .contains("/collection/targets/" + id + "/edit").contains("/collection/targets/" + id + "/delete")
                .containsPattern("action=\"/collection/targets/" + id + "/enabled\"[^>]*>\\s*<input type=\"hidden\" name=\"_csrf\"[^>]*>\\s*<input type=\"hidden\" name=\"enabled\" value=\"true\">");
        // Saved without the box checked: enabled is off (the target is not polled).
        assertThat(jdbc.sql("SELECT enabled FROM snmp_target WHERE id = ?").param(id).query(Boolean.class).single()).isFalse();
        // Editing with an empty community field keeps it; the page never fills it in.
        mvc.perform(post("/collection/targets/" + id).with(ADMIN).with(csrf()).param("agency", "PAGEA")
                        .param("host", "127.0.0.1").param("port", "16132").param("version", "2c").param("community", "")
                        .param("iface", "ether9").param("wanDirection", "in-is-down"))
                .andExpect(status().is3xxRedirection());
        String edit = mvc.perform(get("/collection/targets/" + id + "/edit").with(ADMIN)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(edit).contains("value=\"16132\"").contains("(tersimpan)").doesNotContain("page-community-secret");
        // three write-only fields (community, auth and priv key), only the stored one with its "remove" box
        assertThat(edit.split("type=\"password\"", -1)).hasSize(4);
        assertThat(edit).contains("name=\"communityRemove\"").doesNotContain("name=\"authKeyRemove\"");
        assertThat(read(get("/api/collection/snmp-targets/" + id)).get("communitySet").asBoolean()).isTrue();
        // The "remove" box removes it.
        mvc.perform(post("/collection/targets/" + id).with(ADMIN).with(csrf()).param("agency", "PAGEA")
                        .param("host", "127.0.0.1").param("port", "16132").param("version", "2c").param("communityRemove", "on")
                        .param("iface", "ether9").param("wanDirection", "in-is-down"))
                .andExpect(status().is3xxRedirection());
        assertThat(read(get("/api/collection/snmp-targets/" + id)).get("communitySet").asBoolean()).isFalse();

        // A listener added on the page, disabled, deleted.
        mvc.perform(post("/collection/listeners").with(ADMIN).with(csrf()).param("name", "page-listener")
                        .param("bindAddress", "127.0.0.1").param("port", "16133").param("receiveThreads", "1")
                        .param("receiveBuffer", "1048576"))
                .andExpect(status().is3xxRedirection());
        long lid = jdbc.sql("SELECT id FROM flow_listener WHERE name = 'page-listener'").query(Long.class).single();
        mvc.perform(post("/collection/listeners/" + lid + "/enabled").param("enabled", "true").with(ADMIN).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(read(get("/api/collection/flow-listeners/" + lid)).get("enabled").asBoolean()).isTrue();
        mvc.perform(post("/collection/listeners/" + lid + "/delete").with(ADMIN).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/collection/flow-listeners/" + lid).with(ADMIN)).andExpect(status().isNotFound());

        // Import on the page: a bad file is refused whole, with its line and column shown.
        org.springframework.mock.web.MockMultipartFile bad = new org.springframework.mock.web.MockMultipartFile("file",
                "targets.csv", "text/csv", "agency,host,interface,port\nPAGEA,127.0.0.1,ether7,70000\n".getBytes(StandardCharsets.UTF_8));
        Object errors = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/collection/targets/import").file(bad).with(ADMIN).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("errors");
        assertThat(errors).isNotNull();
        String afterBad = mvc.perform(get("/collection").with(ADMIN).flashAttr("errors", errors)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(afterBad).contains("line 2: port &quot;70000&quot;: port harus bilangan 1-65535");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM snmp_target WHERE interface_name = 'ether7'").query(Long.class).single()).isZero();
        mvc.perform(post("/collection/targets/" + id + "/delete").with(ADMIN).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM snmp_target WHERE agency_code = 'PAGEA'").query(Long.class).single()).isZero();
    }
}
