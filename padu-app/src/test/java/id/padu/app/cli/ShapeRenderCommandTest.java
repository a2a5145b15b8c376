package id.padu.app.cli;

import id.padu.app.planning.PlanFiles;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.plan.AgencyDecision;
import id.padu.plan.Decision;
import id.padu.plan.Plan;
import id.padu.plan.Uplink;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code padu shape render} end to end: a dataset folder and a plan file in, configuration files out. */
class ShapeRenderCommandTest {

    @TempDir
    Path tmp;

    private Path dataset;
    private Path plan;

    private record Run(int exit, String out, String err) {
    }

    private static Run padu(String... args) {
        CommandLine cl = PaduCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    private static long mbps(long m) {
        return m * 1_000_000;
    }

    private Path writePlan(String name, List<AgencyDecision> decisions) throws Exception {
        Plan p = new Plan(0, 0, 0, 0, null, 0, 0, true, 0, List.of(new Uplink("Telkom", "Astinet", 100, 50, 1, 0)), decisions);
        Path file = tmp.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            PlanFiles.write(p, out);
        }
        return file;
    }

    @BeforeEach
    void datasetAndPlan() throws Exception {
        dataset = Files.createDirectories(tmp.resolve("kotim"));
        Files.writeString(dataset.resolve("agencies.csv"), """
                code,name,kind,priority,prefixes
                DISKOMINFO,Dinas Komunikasi dan Informatika,dinas,critical,10.1.0.0/24 2001:db8:1::/48
                RSUD,RSUD dr. Murjani,rsud,high,10.2.0.0/24
                DISDIK,Dinas Pendidikan,dinas,normal,10.3.0.0/24
                """);
        Files.writeString(dataset.resolve("subscriptions.csv"), "agency,provider,product,kind,down_mbps,up_mbps,monthly_cost_idr\n");
        plan = writePlan("plan.json", List.of(
                new AgencyDecision("DISKOMINFO", Decision.CENTRAL, mbps(20), mbps(100), mbps(10), mbps(50), null, "x"),
                new AgencyDecision("RSUD", Decision.CENTRAL, mbps(30), mbps(80), mbps(15), mbps(40), null, "x"),
                new AgencyDecision("DISDIK", Decision.LOCAL, 0, 0, 0, 0, null, "x")));
    }

    @Test
    void linuxTcScriptForTheCentralAgencies() throws Exception {
        Path out = tmp.resolve("shape.sh");
        Run r = padu("shape", "render", dataset.toString(), "--plan", plan.toString(), "--target", "linux-tc",
                "--wan-if", "wan0", "--leaf", "pfifo", "--out", out.toString(), "--lang", "en");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        String script = Files.readString(out);
        assertThat(script).startsWith("#!/bin/bash").contains("WAN=wan0").contains("IFB=ifb0")
                .contains("match ip src 10.1.0.0/24 flowid 1:100").contains("match ip6 dst 2001:db8:1::/48 flowid 1:100")
                .contains("classid 1:101 htb rate 30mbit ceil 80mbit prio 1")
                .doesNotContain("10.3.0.0/24"); // DISDIK keeps its own internet
    }

    @Test
    void routerOsAndLibreQos() throws Exception {
        Path rsc = tmp.resolve("padu.rsc");
        Run r = padu("shape", "render", dataset.toString(), "--plan", plan.toString(), "--target", "routeros",
                "--routeros-mode", "simple", "--out", rsc.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(rsc)).contains("add name=padu-RSUD parent=padu-uplink target=10.2.0.0/24 limit-at=15M/30M max-limit=40M/80M");
        Path folder = tmp.resolve("lqos");
        Run l = padu("shape", "render", dataset.toString(), "--plan", plan.toString(), "--target", "libreqos", "--out", folder.toString());
        assertThat(l.exit()).as(l.err()).isZero();
        assertThat(Files.readString(folder.resolve("ShapedDevices.csv"))).contains("RSUD,RSUD dr. Murjani,RSUD,RSUD,Padu-Uplink,,10.2.0.0/24,,30,15,80,40,");
        assertThat(Files.readString(folder.resolve("network.json"))).contains("\"downloadBandwidthMbps\": 100");
    }

    @Test
    void aPlanNamingAnUnknownAgencyIsBadInputAndWritesNothing() throws Exception {
        Path bad = writePlan("bad.json", List.of(new AgencyDecision("DINKES", Decision.CENTRAL, mbps(5), mbps(10), mbps(5), mbps(10), null, "x")));
        Path out = tmp.resolve("shape.sh");
        Run r = padu("shape", "render", dataset.toString(), "--plan", bad.toString(), "--target", "linux-tc", "--out", out.toString(), "--lang", "en");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("DINKES").contains("agencies.csv");
        assertThat(out).doesNotExist();
        Run id = padu("shape", "render", dataset.toString(), "--plan", bad.toString(), "--target", "linux-tc", "--out", out.toString(), "--lang", "id");
        assertThat(id.err()).contains("tidak ada di agencies.csv");
    }

    @Test
    void aMissingPlanFileIsBadInput() {
        Run r = padu("shape", "render", dataset.toString(), "--plan", tmp.resolve("nope.json").toString(), "--target", "routeros",
                "--out", tmp.resolve("x.rsc").toString(), "--lang", "en");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("nope.json");
    }
}
