package id.padu.shaping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Renders the fixture plan for every target and compares with reviewed expected files under
 * {@code src/test/resources/id/padu/shaping/golden}. To accept an intended change, run with
 * {@code -Dpadu.golden.update=true} and review the diff before committing.
 */
class GoldenRenderingTest {

    private static final Path SOURCE = Path.of("src/test/resources/id/padu/shaping/golden");

    private static ShapingPolicy policy(ShapingOptions o) throws ShapingException {
        return ShapingPolicy.of(ShapingFixtures.agencies(), ShapingFixtures.plan(), o);
    }

    private static void golden(String name, String actual) throws IOException {
        if (Boolean.getBoolean("padu.golden.update")) {
            Files.createDirectories(SOURCE);
            Files.writeString(SOURCE.resolve(name), actual, StandardCharsets.UTF_8);
        }
        try (InputStream in = GoldenRenderingTest.class.getResourceAsStream("golden/" + name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(actual).as("rendering differs from golden/%s", name).isEqualTo(expected);
        }
    }

    @Test
    void linuxTcFqCodel() throws Exception {
        ShapingOptions o = ShapingOptions.defaults().withWan("enp1s0");
        golden("linux-tc-fq_codel.sh", LinuxTcRenderer.render(policy(o), o));
    }

    @Test
    void linuxTcPfifo() throws Exception {
        ShapingOptions o = ShapingOptions.defaults().withWan("wan0").withIfb("ifb7").withLeaf(LeafQdisc.PFIFO);
        golden("linux-tc-pfifo.sh", LinuxTcRenderer.render(policy(o), o));
    }

    @Test
    void routerOsTree() throws Exception {
        ShapingOptions o = ShapingOptions.defaults();
        golden("routeros-tree.rsc", RouterOsRenderer.render(policy(o), o));
    }

    @Test
    void routerOsSimple() throws Exception {
        ShapingOptions o = ShapingOptions.defaults().withWan("ether1").withRouterOsMode(RouterOsMode.SIMPLE).withLeaf(LeafQdisc.CAKE);
        golden("routeros-simple.rsc", RouterOsRenderer.render(policy(o), o));
    }

    @Test
    void libreQos() throws Exception {
        Map<String, String> files = LibreQosRenderer.render(policy(ShapingOptions.defaults()));
        assertThat(files).containsOnlyKeys("ShapedDevices.csv", "network.json");
        golden("ShapedDevices.csv", files.get("ShapedDevices.csv"));
        golden("network.json", files.get("network.json"));
    }
}
