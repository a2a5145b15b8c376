package id.padu.app.collection;

import static id.padu.telemetry.flow.ExportPackets.bytes;
import static id.padu.telemetry.flow.ExportPackets.set;
import static id.padu.telemetry.flow.ExportPackets.v9;
import static id.padu.telemetry.flow.ExportPackets.v9Template;
import static org.assertj.core.api.Assertions.assertThat;

import id.padu.app.PaduApplication;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nothing a listener accepted is lost when the server stops: with hand-over and drain pushed
 * out of reach (an hour), the only way the minute reaches the database is the last hand-over
 * of {@code CollectionRuntime.stop()}. The server is stopped, started again on the same file
 * database, and the minute is read back through the API, byte for byte and exactly once.
 */
class CollectionShutdownTest {

    static final String PASSWORD = "shutdown-test-secret";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    ConfigurableApplicationContext server(String handOver) {
        return PaduApplication.start("--server.port=0", "--padu.data-dir=" + dir,
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("padu"), "--padu.admin-password=" + PASSWORD,
                "--logging.level.org.flywaydb=warn", "--padu.collection.flow-hand-over-grace=" + handOver,
                "--padu.collection.drain-interval=" + handOver);
    }

    static String base(ConfigurableApplicationContext ctx) {
        return "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
    }

    static HttpResponse<String> call(String method, String url, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode listener(String base, String name) throws Exception {
        for (JsonNode n : JSON.readTree(call("GET", base + "/api/collection/status", null).body()).get("flowListeners")) {
            if (n.get("name").asString().equals(name)) {
                return n;
            }
        }
        throw new AssertionError("no listener " + name);
    }

    @Test
    void theMinuteStillOpenAtShutdownIsStoredAndReadBackAfterARestart() throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        long exportSecs = System.currentTimeMillis() / 1000 - 120;
        long minute = Math.floorDiv(exportSecs, 60) * 60;
        long down = 0;
        try (ConfigurableApplicationContext first = server("1h")) {
            String base = base(first);
            assertThat(call("POST", base + "/api/agencies",
                    "{\"code\":\"TUTUP\",\"name\":\"Dinas Tutup\",\"prefixes\":[\"10.9.0.0/16\"]}").statusCode()).isEqualTo(201);
            assertThat(call("POST", base + "/api/collection/flow-listeners", """
                    {"name":"last-hand-over","bindAddress":"127.0.0.1","port":%d,"receiveThreads":1,"receiveBuffer":1048576}"""
                    .formatted(port)).statusCode()).isEqualTo(201);
            long deadline = System.currentTimeMillis() + 20_000;
            while (!(listener(base, "last-hand-over").get("running").asBoolean()
                    && listener(base, "last-hand-over").get("agencies").asInt() == 1) && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            assertThat(listener(base, "last-hand-over").get("running").asBoolean()).isTrue();

            byte[] template = set(0, v9Template(256, 1, 4, 8, 4, 12, 4), false);
            try (DatagramSocket socket = new DatagramSocket()) {
                for (int i = 0; i < 5; i++) {
                    byte[] data = set(256, bytes().u32(10_000 + i).ip("198.51.100.9").ip("10.9.1." + (i + 1)).bytes(), true);
                    byte[] p = i == 0 ? v9(100_000, exportSecs, i, 7, 2, template, data) : v9(100_000, exportSecs, i, 7, 1, data);
                    socket.send(new DatagramPacket(p, p.length, InetAddress.getLoopbackAddress(), port));
                    down += 10_000 + i;
                }
            }
            deadline = System.currentTimeMillis() + 20_000;
            while (listener(base, "last-hand-over").get("records").asLong() < 5 && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertThat(listener(base, "last-hand-over").get("records").asLong()).isEqualTo(5);
            // Accepted, but neither handed over nor drained while running: nothing stored yet.
            assertThat(points(base, minute)).isEmpty();
        }
        try (ConfigurableApplicationContext second = server("5s")) {
            JsonNode points = points(base(second), minute);
            assertThat(points).hasSize(1);
            assertThat(points.get(0).get("time").asString()).isEqualTo(Instant.ofEpochSecond(minute).toString());
            assertThat(points.get(0).get("downBps").asLong()).isEqualTo(Math.round(down * 8 / 60.0));
            assertThat(points.get(0).get("coveredSeconds").asLong()).isEqualTo(60);
        }
    }

    static JsonNode points(String base, long minute) throws Exception {
        HttpResponse<String> r = call("GET", base + "/api/measurements/TUTUP?resolution=1m&source=flow&from="
                + Instant.ofEpochSecond(minute - 600) + "&to=" + Instant.ofEpochSecond(minute + 600), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("points");
    }
}
