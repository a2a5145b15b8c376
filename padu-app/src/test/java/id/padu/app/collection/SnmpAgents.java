package id.padu.app.collection;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real net-snmp agents on loopback for tests: one {@code snmpd} per device, serving an interface
 * whose counters the {@code pass_persist} script computes from the clock at a known rate
 * (v2c community {@code padutest}; v3 user {@code paduv3}, SHA-256 "authpass123", AES "privpass123").
 */
public final class SnmpAgents implements AutoCloseable {

    private final Path dir;
    private final List<Process> agents = new ArrayList<>();

    public SnmpAgents(Path dir) {
        this.dir = dir;
    }

    /** The snmpd program; fails loudly when it (or snmpget, used to wait for it) is missing. */
    public static Path snmpd() {
        RealComponents.require("snmpget", "snmp");
        return RealComponents.require("snmpd", "snmpd");
    }

    @Override
    public void close() {
        for (Process p : agents) {
            if (p.isAlive()) {
                try {
                    new ProcessBuilder("kill", "-CONT", Long.toString(p.pid())).start().waitFor();
                    p.destroy();
                    if (!p.waitFor(3, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                } catch (IOException | InterruptedException e) {
                    p.destroyForcibly();
                }
            }
        }
    }

    public static int freePort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public Path script() throws IOException {
        Path script = dir.resolve("snmp-device.sh");
        try (InputStream in = getClass().getResourceAsStream("/telemetry/snmp-device.sh")) {
            Files.copy(in, script);
        }
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    public Path device(String name, int mode, long rateIn, long rateOut, long baseIn, long baseOut, String descr, String ifName)
            throws IOException {
        Path d = Files.createDirectories(dir.resolve(name));
        Files.writeString(d.resolve("mode"), Integer.toString(mode));
        Files.writeString(d.resolve("rate_in"), Long.toString(rateIn));
        Files.writeString(d.resolve("rate_out"), Long.toString(rateOut));
        Files.writeString(d.resolve("base_in"), Long.toString(baseIn));
        Files.writeString(d.resolve("base_out"), Long.toString(baseOut));
        Files.writeString(d.resolve("descr"), descr);
        Files.writeString(d.resolve("name"), ifName);
        Files.writeString(d.resolve("speed"), "100000000");
        boot(d);
        return d;
    }

    public static void boot(Path device) throws IOException {
        long micros = System.currentTimeMillis() * 1000;
        Files.writeString(device.resolve("boot"), (micros / 1_000_000) + "." + String.format("%06d", micros % 1_000_000));
    }

    public Process agent(Path snmpd, Path script, Path device, int port) throws Exception {
        Path conf = device.resolve("snmpd.conf");
        Files.writeString(conf, String.join("\n",
                "agentaddress udp:127.0.0.1:" + port,
                "rocommunity padutest 127.0.0.1",
                "createUser paduv3 SHA-256 \"authpass123\" AES \"privpass123\"",
                "rouser paduv3 priv",
                "pass_persist .1.3.6.1.2.1.2.2 " + script + " " + device,
                "pass_persist .1.3.6.1.2.1.31.1.1 " + script + " " + device, ""));
        Path persist = Files.createDirectories(device.resolve("persist"));
        ProcessBuilder pb = new ProcessBuilder(snmpd.toString(), "-f", "-Lf", device.resolve("snmpd.log").toString(),
                "-C", "-c", conf.toString(), "-I", "-ifTable,-ifXTable")
                .redirectErrorStream(true).redirectOutput(device.resolve("stdout.log").toFile());
        pb.environment().put("SNMP_PERSISTENT_DIR", persist.toString());
        pb.environment().put("MIBS", "");
        Process p = pb.start();
        agents.add(p);
        // Wait until the agent answers, through both pass_persist scripts (snmpd starts them on the
        // first request), so the run starts with every device up and warm.
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            Process probe = new ProcessBuilder("snmpget", "-v2c", "-c", "padutest", "-t", "0.3", "-r", "0",
                    "127.0.0.1:" + port, ".1.3.6.1.2.1.1.3.0", ".1.3.6.1.2.1.2.2.1.10.1", ".1.3.6.1.2.1.31.1.1.1.6.1")
                    .redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            if (probe.waitFor() == 0) {
                return p;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("snmpd did not answer on port " + port + ": " + Files.readString(device.resolve("snmpd.log")));
    }

}
