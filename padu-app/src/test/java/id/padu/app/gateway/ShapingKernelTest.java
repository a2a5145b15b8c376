package id.padu.app.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import id.padu.domain.Agency;
import id.padu.domain.AgencyKind;
import id.padu.domain.IpPrefix;
import id.padu.domain.Priority;
import id.padu.plan.AgencyDecision;
import id.padu.plan.Decision;
import id.padu.plan.Plan;
import id.padu.plan.Uplink;
import id.padu.shaping.LeafQdisc;
import id.padu.shaping.LinuxTcRenderer;
import id.padu.shaping.ShapingOptions;
import id.padu.shaping.ShapingPolicy;
import id.padu.simulation.MaxMinSharing;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The proof on a real kernel: network namespaces for a gateway, four agency hosts and an
 * "internet" host, joined by veth pairs; the rendered linux-tc script (leaf pfifo: this kernel
 * has no fq_codel) applied through the real {@code padu shape apply} inside the gateway's
 * namespace; iperf3 from every agency at once, download and upload separately; every agency's
 * measured rate within 10 % of what {@link MaxMinSharing} predicts for saturating demand.
 *
 * <p>Overhead: HTB counts whole Ethernet frames (IFB sees the frame too, mirred pushes the MAC
 * header back), iperf3 reports TCP payload. With MTU 1500 and TCP timestamps a full segment
 * carries 1448 payload bytes in a 1514-byte frame, so the expected goodput is the predicted
 * rate times 1448/1514 (0.956). Pure ACKs of the opposite direction cross the other tree,
 * which is otherwise idle, so they do not take from the measured direction.
 *
 * <p>Needs root, iproute2 (ip, tc), iperf3, bash and setsid; fails, never skips, without them.
 * Only addresses inside the test's own namespaces are used; namespaces are deleted after each
 * test, also on failure.
 */
class ShapingKernelTest {

    private static final double GOODPUT_PER_WIRE = 1448.0 / 1514.0;
    private static final int AGENCIES = 4;
    private static final int SECONDS = 12;
    private static final int OMIT = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tag = "pd" + (ProcessHandle.current().pid() % 100000);
    private final String gw = tag + "gw";
    private final String inet = tag + "in";
    private final List<Process> started = new ArrayList<>();

    @TempDir
    Path tmp;

    private Path state;

    private String agencyNs(int i) {
        return tag + "a" + i;
    }

    @BeforeEach
    void requireToolsAndBuildTopology() throws Exception {
        String uid = run(List.of("id", "-u")).trim();
        if (!uid.equals("0")) {
            fail("ShapingKernelTest must run as root (uid 0), runs as uid " + uid + ": it creates network namespaces and qdiscs");
        }
        for (String tool : List.of("ip", "tc", "iperf3", "bash", "setsid")) {
            if (!onPath(tool)) {
                fail("ShapingKernelTest needs '" + tool + "' (Debian: iproute2, iperf3, bash, util-linux) and it is not on PATH");
            }
        }
        state = tmp.resolve("state");
        sh("ip netns add " + gw);
        sh("ip netns add " + inet);
        sh("ip netns exec " + gw + " sysctl -qw net.ipv4.ip_forward=1");
        sh("ip netns exec " + gw + " sysctl -qw net.ipv6.conf.all.forwarding=1");
        // WAN: gateway wan0 <-> internet eth0
        sh("ip link add wan0 netns " + gw + " type veth peer name eth0 netns " + inet);
        sh("ip -n " + gw + " addr add 100.64.0.1/30 dev wan0");
        sh("ip -n " + gw + " addr add fd00:64::1/64 dev wan0 nodad");
        sh("ip -n " + inet + " addr add 100.64.0.2/30 dev eth0");
        sh("ip -n " + inet + " addr add fd00:64::2/64 dev eth0 nodad");
        for (String ns : List.of(gw, inet)) {
            sh("ip -n " + ns + " link set lo up");
        }
        sh("ip -n " + gw + " link set wan0 up");
        sh("ip -n " + inet + " link set eth0 up");
        // Senders emit one segment per packet, as on a gateway whose NICs have GRO/LRO off: HTB's
        // round robin serves at least one packet per turn, so 64 KB GSO super-packets would share
        // by packet count instead of by quantum (docs/shaping.md, "offloads").
        sh("ip -n " + inet + " link set eth0 gso_max_segs 1");
        sh("ip -n " + inet + " route add 10.10.0.0/16 via 100.64.0.1");
        sh("ip -n " + inet + " -6 route add fd10::/16 via fd00:64::1");
        for (int i = 1; i <= AGENCIES; i++) {
            String ns = agencyNs(i);
            sh("ip netns add " + ns);
            sh("ip link add lan" + i + " netns " + gw + " type veth peer name eth0 netns " + ns);
            sh("ip -n " + gw + " addr add 10.10." + i + ".1/24 dev lan" + i);
            sh("ip -n " + gw + " addr add fd10:" + i + "::1/64 dev lan" + i + " nodad");
            sh("ip -n " + ns + " addr add 10.10." + i + ".2/24 dev eth0");
            sh("ip -n " + ns + " addr add fd10:" + i + "::2/64 dev eth0 nodad");
            sh("ip -n " + gw + " link set lan" + i + " up");
            sh("ip -n " + ns + " link set lo up");
            sh("ip -n " + ns + " link set eth0 up");
            sh("ip -n " + ns + " link set eth0 gso_max_segs 1");
            sh("ip -n " + ns + " route add default via 10.10." + i + ".1");
            sh("ip -n " + ns + " -6 route add default via fd10:" + i + "::1");
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            p.waitFor(5, TimeUnit.SECONDS);
        }
        // a watcher left sleeping by a failed test: end it by the pid apply recorded
        for (String f : List.of("pending", "confirming", "rolling-back")) {
            Path p = state == null ? null : state.resolve(f);
            if (p != null && Files.exists(p)) {
                for (String line : Files.readAllLines(p)) {
                    if (line.startsWith("watcher=")) {
                        ProcessHandle.of(Long.parseLong(line.substring(8).trim())).ifPresent(h -> {
                            h.descendants().forEach(ProcessHandle::destroy);
                            h.destroy();
                        });
                    }
                }
            }
        }
        List<String> namespaces = new ArrayList<>(List.of(gw, inet));
        for (int i = 1; i <= AGENCIES; i++) {
            namespaces.add(agencyNs(i));
        }
        for (String ns : namespaces) {
            new ProcessBuilder("ip", "netns", "del", ns).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    // ---- set-ups ---------------------------------------------------------------------------

    private record Spec(Priority priority, double cirDown, double mirDown, double cirUp, double mirUp) {
    }

    private static long mbps(double m) {
        return Math.round(m * 1_000_000);
    }

    private String render(double downMbps, double upMbps, List<Spec> specs) throws Exception {
        return renderWith(downMbps, upMbps, specs, ShapingOptions.defaults().withWan("wan0").withIfb("ifb0").withLeaf(LeafQdisc.PFIFO));
    }

    private String renderWith(double downMbps, double upMbps, List<Spec> specs, ShapingOptions o) throws Exception {
        List<Agency> agencies = new ArrayList<>();
        List<AgencyDecision> decisions = new ArrayList<>();
        for (int i = 1; i <= specs.size(); i++) {
            Spec s = specs.get(i - 1);
            String code = "AG" + i;
            agencies.add(new Agency(code, "Agency " + i, AgencyKind.DINAS, s.priority(),
                    List.of(IpPrefix.parse("10.10." + i + ".0/24").orElseThrow(), IpPrefix.parse("fd10:" + i + "::/64").orElseThrow())));
            decisions.add(new AgencyDecision(code, Decision.CENTRAL, mbps(s.cirDown()), mbps(s.mirDown()), mbps(s.cirUp()), mbps(s.mirUp()), null, null));
        }
        Plan plan = new Plan(0, 0, 0, 0, null, 0, 0, true, 0, List.of(new Uplink("Test", "Uplink", downMbps, upMbps, 0, 0)), decisions);
        return LinuxTcRenderer.render(ShapingPolicy.of(agencies, plan, o), o);
    }

    private Path datasetFolder(List<Spec> specs) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("dataset"));
        StringBuilder agencies = new StringBuilder("code,name,kind,priority,prefixes\n");
        for (int i = 1; i <= specs.size(); i++) {
            agencies.append("AG").append(i).append(",Agency ").append(i).append(",dinas,").append(specs.get(i - 1).priority().code())
                    .append(",10.10.").append(i).append(".0/24 fd10:").append(i).append("::/64\n");
        }
        Files.writeString(dir.resolve("agencies.csv"), agencies);
        Files.writeString(dir.resolve("subscriptions.csv"), "agency,provider,product,kind,down_mbps,up_mbps,monthly_cost_idr\n");
        return dir;
    }

    private Path planFile(double downMbps, double upMbps, List<Spec> specs) throws Exception {
        List<AgencyDecision> decisions = new ArrayList<>();
        for (int i = 1; i <= specs.size(); i++) {
            Spec s = specs.get(i - 1);
            decisions.add(new AgencyDecision("AG" + i, Decision.CENTRAL, mbps(s.cirDown()), mbps(s.mirDown()), mbps(s.cirUp()), mbps(s.mirUp()), null, "test"));
        }
        Plan plan = new Plan(0, 0, 0, 0, null, 0, 0, true, 0, List.of(new Uplink("Test", "Uplink", downMbps, upMbps, 0, 0)), decisions);
        Path file = tmp.resolve("plan.json");
        try (var out = Files.newOutputStream(file)) {
            id.padu.app.planning.PlanFiles.write(plan, out);
        }
        return file;
    }

    /** Generalized max-min for saturating demand: what each agency should get, bits per second on the wire. */
    private static long[] predicted(double capacityMbps, List<Spec> specs, boolean down) {
        int n = specs.size();
        long[] cir = new long[n];
        long[] mir = new long[n];
        int[] cls = new int[n];
        long[] demand = new long[n];
        for (int i = 0; i < n; i++) {
            Spec s = specs.get(i);
            cir[i] = mbps(down ? s.cirDown() : s.cirUp());
            mir[i] = mbps(down ? s.mirDown() : s.mirUp());
            cls[i] = s.priority().htbPrio();
            demand[i] = mbps(capacityMbps) * 10; // saturating
        }
        long[] served = new long[n];
        new MaxMinSharing(cir, mir, cls).share(mbps(capacityMbps), demand, served);
        return served;
    }

    // ---- tests -----------------------------------------------------------------------------

    @Test
    void mixedPrioritiesGetCirThenBorrowByPriorityAndConfirmThenRollbackRestores() throws Exception {
        List<Spec> specs = List.of(
                new Spec(Priority.CRITICAL, 10, 30, 5, 20),
                new Spec(Priority.HIGH, 10, 60, 5, 40),
                new Spec(Priority.NORMAL, 10, 60, 5, 40),
                new Spec(Priority.LOW, 5, 60, 5, 40));
        Path script = tmp.resolve("shape.sh");
        Files.writeString(script, render(60, 40, specs));
        List<String> before = qdiscsOfGateway();

        Result apply = padu("shape", "apply", script.toString(), "--state-dir", state.toString(), "--confirm-timeout", "600s", "--lang", "en");
        assertThat(apply.exit()).as("apply: %s", apply).isZero();
        assertThat(apply.stdout()).contains("Shaping applied");
        Result confirm = padu("shape", "confirm", "--state-dir", state.toString(), "--lang", "en");
        assertThat(confirm.exit()).as("confirm: %s", confirm).isZero();
        assertThat(state.resolve("pending")).doesNotExist();
        assertThat(state.resolve("confirmed.sh")).exists();

        assertRates(measure(true), predicted(60, specs, true), "download, mixed priorities");
        Map<String, long[]> counters = new HashMap<>();
        long[] upload = measureWithCounters(counters);
        assertRates(upload, predicted(40, specs, false), "upload, mixed priorities");
        // the gateway's own counters agree with what the plan promised (wire bytes, no goodput factor)
        long[] up = predicted(40, specs, false);
        for (int i = 1; i <= AGENCIES; i++) {
            assertThat(counters).as("counter row of AG%d", i).containsKey("AG" + i);
            assertThat((double) counters.get("AG" + i)[1]).as("counted upload of AG%d", i)
                    .isBetween(up[i - 1] * 0.9, up[i - 1] * 1.1);
        }

        // confirmed: the confirm timer is gone, the shaping stays
        List<String> shaped = qdiscsOfGateway();
        assertThat(shaped).isNotEqualTo(before);
        // applying the same script again is idempotent, and rolling that apply back keeps the confirmed shaping
        Result reapply = padu("shape", "apply", script.toString(), "--state-dir", state.toString(), "--confirm-timeout", "600s", "--lang", "en");
        assertThat(reapply.exit()).as("re-apply: %s", reapply).isZero();
        assertThat(qdiscsOfGateway()).isEqualTo(shaped);
        Result undoPending = padu("shape", "rollback", "--state-dir", state.toString(), "--lang", "en");
        assertThat(undoPending.exit()).as("rollback of the pending re-apply: %s", undoPending).isZero();
        assertThat(qdiscsOfGateway()).isEqualTo(shaped);
        assertThat(state.resolve("pending")).doesNotExist();
        Result rollback = padu("shape", "rollback", "--state-dir", state.toString(), "--lang", "en");
        assertThat(rollback.exit()).as("rollback: %s", rollback).isZero();
        assertThat(qdiscsOfGateway()).as("qdiscs after rollback").isEqualTo(before);
        assertThat(linkExistsInGateway("ifb0")).as("the IFB device apply created is gone").isFalse();
        Result again = padu("shape", "rollback", "--state-dir", state.toString(), "--lang", "en");
        assertThat(again.exit()).as("nothing left to roll back").isEqualTo(1);
    }

    @Test
    void equalPrioritiesShareInProportionToCirAndAnUnconfirmedApplyRollsBackByItself() throws Exception {
        List<Spec> specs = List.of(
                new Spec(Priority.NORMAL, 5, 60, 4, 40),
                new Spec(Priority.NORMAL, 10, 60, 8, 40),
                new Spec(Priority.NORMAL, 15, 60, 12, 40),
                new Spec(Priority.NORMAL, 6, 9, 4, 5));
        // this set-up goes through the CLI as on a gateway: dataset folder + plan file -> padu shape render
        Path script = tmp.resolve("shape.sh");
        Result render = padu("shape", "render", datasetFolder(specs).toString(), "--plan", planFile(60, 40, specs).toString(),
                "--target", "linux-tc", "--wan-if", "wan0", "--leaf", "pfifo", "--out", script.toString(), "--lang", "en");
        assertThat(render.exit()).as("render: %s", render).isZero();
        String good = Files.readString(script);
        assertThat(good).isEqualTo(render(60, 40, specs));
        List<String> before = qdiscsOfGateway();

        // A script that fails halfway (after the upload tree, before the download tree): apply restores the state before.
        Path broken = tmp.resolve("broken.sh");
        Files.writeString(broken, good.replace("# Download: every packet", "tc class add dev \"$WAN\" parent 1:1 classid 1:77 htb rate 0bit\n# Download: every packet"));
        Result failed = padu("shape", "apply", broken.toString(), "--state-dir", state.toString(), "--lang", "en");
        assertThat(failed.exit()).as("apply of a broken script: %s", failed).isEqualTo(1);
        assertThat(failed.stderr()).contains("previous state was restored");
        assertThat(qdiscsOfGateway()).as("qdiscs after a failed apply").isEqualTo(before);

        long appliedAt = System.currentTimeMillis(); // before apply starts its timer
        Result apply = padu("shape", "apply", script.toString(), "--state-dir", state.toString(), "--confirm-timeout", "45s", "--lang", "en");
        assertThat(apply.exit()).as("apply: %s", apply).isZero();
        assertThat(state.resolve("pending")).exists();

        assertRates(measure(true), predicted(60, specs, true), "download, equal priorities");
        assertRates(measure(false), predicted(40, specs, false), "upload, equal priorities");

        // nobody confirms: the watcher must restore the previous qdiscs after 45 s
        long deadline = appliedAt + 45_000 + 20_000;
        while (!qdiscsOfGateway().equals(before) && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        assertThat(System.currentTimeMillis() - appliedAt).as("not rolled back before the timeout").isGreaterThanOrEqualTo(45_000);
        assertThat(qdiscsOfGateway()).as("qdiscs after the confirm timeout lapsed").isEqualTo(before);
        assertThat(linkExistsInGateway("ifb0")).isFalse();
        assertThat(state.resolve("pending")).doesNotExist();
        Result late = padu("shape", "confirm", "--state-dir", state.toString(), "--lang", "en");
        assertThat(late.exit()).isEqualTo(1);
        assertThat(late.stderr()).contains("Too late");
    }

    @Test
    void aLeafTheKernelLacksFallsBackToPfifoAndApplySaysSo() throws Exception {
        List<Spec> specs = List.of(new Spec(Priority.HIGH, 10, 60, 5, 40), new Spec(Priority.LOW, 10, 60, 5, 40));
        ShapingOptions o = ShapingOptions.defaults().withWan("wan0").withIfb("ifb0").withLeaf(LeafQdisc.FQ_CODEL);
        String script = renderWith(60, 40, specs, o);
        assertThat(script).contains(" fq_codel\n");
        Path file = tmp.resolve("fq.sh");
        Files.writeString(file, script);
        List<String> before = qdiscsOfGateway();
        Result apply = padu("shape", "apply", file.toString(), "--state-dir", state.toString(), "--confirm-timeout", "600s", "--lang", "en");
        assertThat(apply.exit()).as("apply: %s", apply).isZero();
        List<String> now = qdiscsOfGateway();
        boolean kernelHasFqCodel = now.stream().anyMatch(q -> q.contains("fq_codel"));
        if (!kernelHasFqCodel) {
            assertThat(apply.stderr()).contains("leaf queues fall back to pfifo");
            assertThat(now).contains("wan0 pfifo 100: parent 1:100", "ifb0 pfifo 101: parent 1:101");
        } else {
            assertThat(now).contains("wan0 fq_codel 100: parent 1:100", "ifb0 fq_codel 101: parent 1:101");
            assertThat(apply.stderr()).doesNotContain("fall back to pfifo");
        }
        Result rollback = padu("shape", "rollback", "--state-dir", state.toString(), "--lang", "en");
        assertThat(rollback.exit()).as("rollback: %s", rollback).isZero();
        assertThat(qdiscsOfGateway()).isEqualTo(before);
    }

    // ---- measuring -------------------------------------------------------------------------

    private void assertRates(long[] measuredGoodput, long[] predictedWire, String what) {
        StringBuilder table = new StringBuilder(what + " (Mbit/s goodput: measured vs expected):");
        for (int i = 0; i < measuredGoodput.length; i++) {
            table.append(String.format(" AG%d %.2f/%.2f", i + 1, measuredGoodput[i] / 1e6, predictedWire[i] * GOODPUT_PER_WIRE / 1e6));
        }
        System.err.println(table);
        for (int i = 0; i < measuredGoodput.length; i++) {
            double expected = predictedWire[i] * GOODPUT_PER_WIRE;
            assertThat((double) measuredGoodput[i]).as("%s: AG%d, %s", what, i + 1, table)
                    .isBetween(expected * 0.9, expected * 1.1);
        }
    }

    private long[] measure(boolean download) throws Exception {
        return measure(download, null);
    }

    private long[] measureWithCounters(Map<String, long[]> counters) throws Exception {
        return measure(false, counters);
    }

    /** All agencies at once; one iperf3 server per agency in the internet namespace. */
    private long[] measure(boolean download, Map<String, long[]> countersOut) throws Exception {
        List<Process> servers = new ArrayList<>();
        for (int i = 1; i <= AGENCIES; i++) {
            servers.add(start(List.of("ip", "netns", "exec", inet, "iperf3", "-s", "-1", "-p", Integer.toString(5200 + i))));
        }
        Thread.sleep(700);
        List<Process> clients = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int i = 1; i <= AGENCIES; i++) {
            Path out = tmp.resolve("iperf-" + (download ? "down" : "up") + i + ".json");
            outputs.add(out);
            List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", agencyNs(i), "iperf3", "-c",
                    // agencies 1 and 3 over IPv6, 2 and 4 over IPv4: both filter families carry load
                    i % 2 == 1 ? "fd00:64::2" : "100.64.0.2", "-p", Integer.toString(5200 + i),
                    "-t", Integer.toString(SECONDS), "-O", Integer.toString(OMIT), "-P", "2", "-J"));
            if (download) {
                cmd.add("-R");
            }
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            started.add(p);
            clients.add(p);
        }
        Result counters = null;
        if (countersOut != null) {
            Thread.sleep((OMIT + 1) * 1000L);
            counters = padu("shape", "counters", "--state-dir", state.toString(), "--step", "3s", "--count", "1");
            assertThat(counters.exit()).as("counters: %s", counters).isZero();
        }
        long[] rates = new long[AGENCIES];
        for (int i = 0; i < AGENCIES; i++) {
            Process p = clients.get(i);
            if (!p.waitFor(SECONDS + 30, TimeUnit.SECONDS)) {
                fail("iperf3 client of AG" + (i + 1) + " did not finish");
            }
            JsonNode json = JSON.readTree(Files.readString(outputs.get(i)));
            if (json.has("error")) {
                fail("iperf3 AG" + (i + 1) + ": " + json.get("error"));
            }
            rates[i] = json.get("end").get("sum_received").get("bits_per_second").asLong();
        }
        for (Process s : servers) {
            s.waitFor(5, TimeUnit.SECONDS);
            s.destroy();
        }
        if (counters != null) {
            String[] lines = counters.stdout().strip().split("\n");
            assertThat(lines[0]).isEqualTo("agency,time,down_bps,up_bps");
            for (int k = 1; k < lines.length; k++) {
                String[] f = lines[k].split(",");
                assertThat(f[1]).endsWith("+07:00");
                countersOut.put(f[0], new long[] {Long.parseLong(f[2]), Long.parseLong(f[3])});
            }
        }
        return rates;
    }

    // ---- helpers ---------------------------------------------------------------------------

    private record Result(int exit, String stdout, String stderr) {
    }

    /** The real CLI, in the gateway's namespace, in a JVM of its own (as on a gateway). */
    private Result padu(String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", gw, java, "-cp", System.getProperty("java.class.path"),
                "id.padu.app.cli.PaduMain"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("padu " + String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private List<String> qdiscsOfGateway() throws Exception {
        List<String> all = new ArrayList<>();
        for (String dev : List.of("wan0", "ifb0")) {
            Process p = new ProcessBuilder("tc", "-n", gw, "qdisc", "show", "dev", dev).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            if (p.exitValue() == 0) {
                Gateway.normalizeQdiscs(text).forEach(q -> all.add(dev + " " + q));
            } else {
                all.add(dev + " absent");
            }
        }
        return all;
    }

    private boolean linkExistsInGateway(String dev) throws Exception {
        Process p = new ProcessBuilder("ip", "-n", gw, "link", "show", "dev", dev).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor() == 0;
    }

    private Process start(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        started.add(p);
        return p;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", tool)) || Files.isExecutable(Path.of("/sbin", tool));
    }

    private static void sh(String command) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("setup command failed: " + command + "\n" + out);
        }
    }

    private static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
