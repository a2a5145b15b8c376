package id.padu.app.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.padu.app.cli.PaduCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code padu collect snmp} against net-snmp's real {@code snmpd}: one agent per device on a
 * loopback port, each serving an interface whose counters a {@code pass_persist} script
 * computes from the clock at a known rate. What happens to the devices during the run:
 * <ul>
 *   <li>A: 64-bit ifHC counters, found by ifName, SNMPv2c;</li>
 *   <li>B: only 32-bit counters, which wrap during the run, found by ifDescr, SNMPv3 with
 *       SHA-256 and AES, {@code in-is-up};</li>
 *   <li>C: rebooted mid-run (the agent restarts: sysUpTime and counters start again from 0);</li>
 *   <li>D: stalls (the agent is stopped with SIGSTOP) for 10 s, then answers again;</li>
 *   <li>E: nothing listens at all.</li>
 * </ul>
 * The measured rates must match the scripts' truth, resets and stalls must leave gaps, never
 * spikes, and no device may hold up the others.
 */
class CollectSnmpRealAgentTest {

    static final long A_IN = 1_250_000;   // bytes/s -> 10 Mbit/s
    static final long A_OUT = 250_000;
    static final long B_IN = 1_250_000;
    static final long B_OUT = 125_000;
    static final long C_IN = 500_000;
    static final long C_OUT = 100_000;
    static final long D_IN = 750_000;
    static final long D_OUT = 50_000;
    static final double TOLERANCE = 0.06;

    @TempDir
    Path dir;

    SnmpAgents snmp;

    @BeforeEach
    void agents() {
        snmp = new SnmpAgents(dir);
    }

    @AfterEach
    void stopAgents() {
        snmp.close();
    }

    static int freePort() throws IOException {
        return SnmpAgents.freePort();
    }

    Path script() throws IOException {
        return snmp.script();
    }

    Path device(String name, int mode, long rateIn, long rateOut, long baseIn, long baseOut, String descr, String ifName)
            throws IOException {
        return snmp.device(name, mode, rateIn, rateOut, baseIn, baseOut, descr, ifName);
    }

    static void boot(Path device) throws IOException {
        SnmpAgents.boot(device);
    }

    Process agent(Path snmpd, Path script, Path device, int port) throws Exception {
        return snmp.agent(snmpd, script, device, port);
    }

    record Row(String agency, long time, long down, long up) {
    }

    @Test
    void ratesMatchTheScriptedTruthAndResetsAndStallsLeaveGaps() throws Exception {
        Path snmpd = RealComponents.require("snmpd", "snmpd");
        RealComponents.require("snmpget", "snmp");
        Path script = script();
        int portA = freePort();
        int portB = freePort();
        int portC = freePort();
        int portD = freePort();
        int portE = freePort();
        Path a = device("a", 64, A_IN, A_OUT, 5_000_000_000_000L, 7_000_000_000L, "GigabitEthernet0/1", "wan0");
        // B starts close to 2^32 so both counters wrap a few seconds into the run.
        Path b = device("b", 32, B_IN, B_OUT, (1L << 32) - B_IN * 6, (1L << 32) - B_OUT * 9, "ether1-isp", "-");
        Path c = device("c", 64, C_IN, C_OUT, 0, 0, "eth0", "eth0");
        Path d = device("d", 64, D_IN, D_OUT, 0, 0, "wan", "wan");
        agent(snmpd, script, a, portA);
        agent(snmpd, script, b, portB);
        Process agentC = agent(snmpd, script, c, portC);
        Process agentD = agent(snmpd, script, d, portD);

        Path targets = dir.resolve("targets.csv");
        Files.writeString(targets, String.join("\n",
                "agency,host,port,version,community,user,auth_protocol,auth_key,priv_protocol,priv_key,interface,wan_direction",
                "DISKOMINFO,127.0.0.1," + portA + ",2c,padutest,,,,,,wan0,in-is-down",
                "RSUD,127.0.0.1," + portB + ",3,,paduv3,SHA-256,authpass123,AES,privpass123,ether1-isp,in-is-up",
                "BAPPEDA,127.0.0.1," + portC + ",2c,padutest,,,,,,1,in-is-down",
                "DINKES,127.0.0.1," + portD + ",2c,padutest,,,,,,wan,in-is-down",
                "DISHUB,127.0.0.1," + portE + ",2c,padutest,,,,,,1,in-is-down", ""));
        Path out = dir.resolve("usage.csv");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread run = new Thread(() -> {
            CommandLine cl = PaduCommand.commandLine();
            cl.setOut(new PrintWriter(stdout, true));
            cl.setErr(new PrintWriter(stderr, true));
            exit.set(cl.execute("collect", "snmp", "--targets", targets.toString(), "--interval", "2s", "--step", "4s",
                    "--timeout", "700ms", "--duration", "36s", "--out", out.toString(), "--lang", "en"));
        });
        long start = System.currentTimeMillis();
        run.start();

        Thread.sleep(12_000);
        // D stalls for 10 s: the agent is frozen, requests go unanswered.
        long stallFrom = System.currentTimeMillis();
        RealComponents.signal(agentD, "STOP");
        Thread.sleep(4_000);
        // C reboots: agent gone, then back with sysUpTime and counters from zero.
        agentC.destroy();
        agentC.waitFor(5, TimeUnit.SECONDS);
        long rebootAt = System.currentTimeMillis();
        boot(c);
        agent(snmpd, script, c, portC);
        Thread.sleep(Math.max(0, stallFrom + 10_000 - System.currentTimeMillis()));
        RealComponents.signal(agentD, "CONT");
        long stallTo = System.currentTimeMillis();
        run.join(60_000);
        assertThat(exit.get()).as(stdout + "\n" + stderr).isZero();

        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("agency,time,down_bps,up_bps");
        Map<String, List<Row>> rows = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertThat(f[1]).endsWith("+07:00");
            long t = OffsetDateTime.parse(f[1]).toEpochSecond();
            assertThat(t % 4).as("steps aligned to multiples of the step since the epoch").isZero();
            rows.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Row(f[0], t, Long.parseLong(f[2]), Long.parseLong(f[3])));
        }
        String report = lines + "\n" + stdout + "\n" + stderr;

        // A: 64-bit, every step of the run measured, at the scripted rate.
        List<Row> rowsA = rows.get("DISKOMINFO");
        assertThat(rowsA).as(report).hasSizeGreaterThanOrEqualTo(7);
        for (Row r : rowsA) {
            assertThat((double) r.down()).as(report).isCloseTo(A_IN * 8, within(A_IN * 8 * TOLERANCE));
            assertThat((double) r.up()).as(report).isCloseTo(A_OUT * 8, within(A_OUT * 8 * TOLERANCE));
        }
        // A kept being measured while D was frozen: the stalled device held nobody up.
        long stepsDuringStall = rowsA.stream().filter(r -> r.time() * 1000 >= stallFrom && (r.time() + 4) * 1000 <= stallTo).count();
        assertThat(stepsDuringStall).as(report).isGreaterThanOrEqualTo(1);

        // B: 32-bit counters that wrapped; in-is-up, so the interface's "out" is the download.
        List<Row> rowsB = rows.get("RSUD");
        assertThat(rowsB).as(report).hasSizeGreaterThanOrEqualTo(7);
        for (Row r : rowsB) {
            assertThat((double) r.down()).as(report).isCloseTo(B_OUT * 8, within(B_OUT * 8 * TOLERANCE));
            assertThat((double) r.up()).as(report).isCloseTo(B_IN * 8, within(B_IN * 8 * TOLERANCE));
        }
        assertThat(stdout.toString()).as(report).containsPattern("RSUD .* [1-9]\\d* 32-bit wraps");

        // C: around the reboot a gap, never a spike; measured again afterwards.
        List<Row> rowsC = rows.get("BAPPEDA");
        for (Row r : rowsC) {
            assertThat((double) r.down()).as(report).isCloseTo(C_IN * 8, within(C_IN * 8 * TOLERANCE));
            assertThat((double) r.up()).as(report).isCloseTo(C_OUT * 8, within(C_OUT * 8 * TOLERANCE));
        }
        assertThat(rowsC).as(report).anyMatch(r -> r.time() * 1000 > rebootAt + 2_000);
        assertThat(stdout.toString()).as(report).containsPattern("BAPPEDA .* [1-9]\\d* resets");

        // D: the frozen stretch is missing (at least one whole step lies inside it), the rest is right.
        List<Row> rowsD = rows.get("DINKES");
        for (Row r : rowsD) {
            assertThat((double) r.down()).as(report).isCloseTo(D_IN * 8, within(D_IN * 8 * TOLERANCE));
        }
        assertThat(rowsD).as(report).noneMatch(r -> r.time() * 1000 >= stallFrom + 2_000 && (r.time() + 4) * 1000 <= stallTo - 2_000);
        assertThat(rowsD).as(report).anyMatch(r -> r.time() * 1000 >= stallTo);
        assertThat(stdout.toString()).as(report).containsPattern("DINKES .* [1-9]\\d* timeouts");

        // E: never answered, no rows at all (not zeros).
        assertThat(rows).as(report).doesNotContainKey("DISHUB");
        assertThat(System.currentTimeMillis() - start).isLessThan(120_000);
    }

    @Test
    void badTargetsAreRejectedWithFileLineAndColumn() throws Exception {
        Path targets = dir.resolve("targets.csv");
        Files.writeString(targets, "agency,host,port,version,interface,wan_direction\nRSUD,127.0.0.1,99999,2c,1,sideways\n");
        StringWriter stderr = new StringWriter();
        CommandLine cl = PaduCommand.commandLine();
        cl.setErr(new PrintWriter(stderr, true));
        int code = cl.execute("collect", "snmp", "--targets", targets.toString(), "--duration", "1s",
                "--out", dir.resolve("u.csv").toString(), "--lang", "en");
        assertThat(code).isEqualTo(1);
        assertThat(stderr.toString()).contains("targets.csv:2 [port] \"99999\"").contains("targets.csv:2 [wan_direction] \"sideways\"");
        assertThat(dir.resolve("u.csv")).doesNotExist();
    }
}
