package id.padu.app.collection;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.app.cli.PaduCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** targets.csv of {@code padu collect snmp} as people save it: with commas or Excel's semicolons. */
class CollectSnmpCommandTest {

    @TempDir
    Path dir;

    int run(StringWriter stderr, String... args) {
        CommandLine cl = PaduCommand.commandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(stderr, true));
        return cl.execute(args);
    }

    @Test
    void aSemicolonTargetsFileFromExcelIsReadLikeACommaOne() throws Exception {
        Path targets = dir.resolve("targets.csv");
        Files.writeString(targets, "\uFEFFAgency;Host;Port;Version;Community;Interface;WAN_Direction\r\n"
                + "RSUD;10.0.0.1;;2c;\"rahasia;1\";ether1;in-is-up\r\n;;;;;;\r\nDINKES;10.0.0.2;1161;2c;;wan;\r\n");
        assertThat(SnmpTarget.read(Path.of(targets.toString())))
                .extracting(SnmpTarget::agency, SnmpTarget::port, SnmpTarget::community, SnmpTarget::iface, SnmpTarget::inIsDown)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("RSUD", 161, "rahasia;1", "ether1", false),
                        org.assertj.core.groups.Tuple.tuple("DINKES", 1161, "public", "wan", true))
                .hasSize(2);
    }

    @Test
    void problemsOfASemicolonTargetsFileNameFileLineColumnAndValue() throws Exception {
        Path targets = dir.resolve("targets.csv");
        Files.writeString(targets, "agency;host;port;version;interface;wan_direction\nRSUD;127.0.0.1;99999;2c;1;sideways\n");
        StringWriter en = new StringWriter();
        int code = run(en, "collect", "snmp", "--targets", targets.toString(), "--duration", "1s",
                "--out", dir.resolve("usage.csv").toString(), "--lang", "en");
        assertThat(code).isEqualTo(1);
        assertThat(en.toString()).contains("targets.csv:2 [port] \"99999\"").contains("targets.csv:2 [wan_direction] \"sideways\"");
        assertThat(dir.resolve("usage.csv")).doesNotExist();
    }

    @Test
    void aTargetsFileThatIsNoCsvIsRefusedInTheUsersLanguage() throws Exception {
        Path targets = dir.resolve("targets.csv");
        Files.writeString(targets, "agency,host,interface\nRSUD,\"10.0.0.1,ether1\n");
        StringWriter en = new StringWriter();
        assertThat(run(en, "collect", "snmp", "--targets", targets.toString(), "--duration", "1s",
                "--out", dir.resolve("usage.csv").toString(), "--lang", "en")).isEqualTo(1);
        assertThat(en.toString()).contains("targets.csv:2: unclosed quote");
        Files.writeString(targets, "agency,host,interface\nRSUD,\"10.0.0.1\"x,ether1\n");
        StringWriter id = new StringWriter();
        assertThat(run(id, "collect", "snmp", "--targets", targets.toString(), "--duration", "1s",
                "--out", dir.resolve("usage.csv").toString(), "--lang", "id")).isEqualTo(1);
        assertThat(id.toString()).contains("targets.csv:2: ada teks 'x' setelah tanda kutip penutup");
    }
}
