package id.padu.app.collection;

import static id.padu.telemetry.flow.ExportPackets.bytes;
import static id.padu.telemetry.flow.ExportPackets.set;
import static id.padu.telemetry.flow.ExportPackets.v9;
import static id.padu.telemetry.flow.ExportPackets.v9Template;
import static org.assertj.core.api.Assertions.assertThat;

import id.padu.app.Fixtures;
import id.padu.app.collection.CollectionInput.ListenerInput;
import id.padu.app.inventory.InventoryService;
import id.padu.app.measurement.MeasuredSeries;
import id.padu.app.measurement.MeasurementSource;
import id.padu.app.measurement.Resolution;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;

/**
 * Collection started with only the modules it depends on: a flow listener configured through the
 * module's service attributes NetFlow v9 bytes to the agency whose prefix they touch and hands the
 * closed minute to measurement, where the measured series shows it as the agency's rate.
 */
// Collection reaches measurement only through an optional ObjectProvider<MeasurementSink> (the CLI
// runs the collectors without a store), which Modulith does not count as a bean dependency; the
// open shared module (measurement's pages need its formats) is not bootstrapped by itself either.
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"measurement", "shared"})
@TestPropertySource(properties = {
        "padu.data-dir=target/test-data/collection-module",
        "spring.datasource.url=jdbc:h2:mem:collection-module-${random.uuid};DB_CLOSE_DELAY=-1",
        "padu.admin-password=collection-module-secret",
        "padu.collection.drain-interval=1s",
        "padu.collection.flow-hand-over-grace=1s",
        "logging.level.org.flywaydb=warn"
})
class CollectionModuleTest {

    @Autowired
    InventoryService inventory;

    @Autowired
    CollectionService collection;

    @Autowired
    CollectionRuntime runtime;

    @Autowired
    MeasuredSeries measured;

    @Test
    @WithMockUser(username = "insinyur", roles = "ENGINEER")
    void aClosedMinuteOfFlowsArrivesInMeasurementAsTheAgencysRate(Scenario scenario) throws Exception {
        inventory.replace(Fixtures.small()); // DISKOMINFO holds 10.20.1.0/24
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        collection.createListener(new ListenerInput("modul", "127.0.0.1", port, 1, 262_144, true));
        // Dated three minutes back: that minute is closed and handed over at once.
        long exportSecs = Instant.now().getEpochSecond() - 180;
        long minute = Math.floorDiv(exportSecs, 60) * 60;
        byte[] template = v9(100_000, exportSecs, 0, 9, 1, set(0, v9Template(256, 1, 4, 8, 4, 12, 4), false));
        byte[] data = v9(100_000, exportSecs, 1, 9, 2, set(256, bytes()
                .u32(6_000).ip("198.51.100.9").ip("10.20.1.5")   // 6 000 bytes down to DISKOMINFO
                .u32(1_500).ip("10.20.1.7").ip("203.0.113.7")   // 1 500 bytes up from it
                .bytes(), true));
        Instant from = Instant.ofEpochSecond(minute - 600);
        Instant to = Instant.ofEpochSecond(minute + 600);
        scenario.stimulate(() -> send(port, template, data))
                .andWaitAtMost(Duration.ofMinutes(1))
                .andWaitForStateChange(() -> points(from, to), points -> !points.isEmpty())
                .andVerify(points -> {
                    assertThat(points).hasSize(1);
                    MeasuredSeries.Point p = points.get(0);
                    assertThat(p.start()).isEqualTo(minute);
                    assertThat(p.downBps()).isEqualTo(Math.round(6_000 * 8 / 60.0));
                    assertThat(p.upBps()).isEqualTo(Math.round(1_500 * 8 / 60.0));
                    assertThat(p.source()).isEqualTo(MeasurementSource.FLOW);
                });
    }

    private List<MeasuredSeries.Point> points(Instant from, Instant to) {
        return measured.read("DISKOMINFO", from, to, Resolution.MINUTE, Optional.of(MeasurementSource.FLOW)).points();
    }

    /** Sends the packets once the listener, started in the background, runs. */
    private void send(int port, byte[]... packets) {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            for (int i = 0; i < 100 && running("modul") == 0; i++) {
                Thread.sleep(100);
            }
            for (byte[] p : packets) {
                socket.send(new DatagramPacket(p, p.length));
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private int running(String name) {
        return (int) runtime.listenerStatus().stream().filter(l -> l.name().equals(name) && l.running()).count();
    }
}
