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

/**
 * The input files of {@code padu collect flows} (agencies.csv) and {@code padu collect snmp}
 * (targets.csv): read with commas or Excel's semicolons; errors located, localised, nothing written.
 */
class CollectCommandTest {

    @TempDir
    Path dir;

    int run(StringWriter stderr, String... args) {
        CommandLine cl = PaduCommand.commandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(stderr, true));
        return cl.execute(args);
    }

    int collectFlows(StringWriter stderr, Path agencies, String lang) {
        return run(stderr, "collect", "flows", "--listen", "127.0.0.1:0", "--agencies", agencies.toString(),
                "--duration", "1s", "--out", dir.resolve("usage.csv").toString(), "--lang", lang);
    }

    int collectSnmp(StringWriter stderr, Path targets, String lang) {
        return run(stderr, "collect", "snmp", "--targets", targets.toString(), "--duration", "1s",
                "--out", dir.resolve("usage.csv").toString(), "--lang", lang);
    }

    @Test
    void aBadPrefixInAgenciesIsRejectedWithFileLineAndColumn() throws Exception {
        Path agencies = dir.resolve("agencies.csv");
        Files.writeString(agencies, "code,name,prefixes\nDINKES,Dinas Kesehatan,10.5.0.0/16\nRSUD,RSUD,10.1.2.3/24\n");
        StringWriter en = new StringWriter();
        int code = collectFlows(en, agencies, "en");
        assertThat(code).isEqualTo(1);
        assertThat(en.toString()).contains("agencies.csv:3").contains("prefixes").contains("10.1.2.3/24");
        assertThat(dir.resolve("usage.csv")).doesNotExist();
        StringWriter id = new StringWriter();
        collectFlows(id, agencies, "id");
        assertThat(id.toString()).contains("agencies.csv:3").isNotEqualTo(en.toString());
    }

    @Test
    void aListenAddressThatIsNoHostAndPortIsBadUsage() {
        StringWriter err = new StringWriter();
        int code = run(err, "collect", "flows", "--listen", "2055", "--agencies", "agencies.csv",
                "--duration", "1s", "--out", dir.resolve("usage.csv").toString(), "--lang", "en");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("HOST:PORT");
    }

    @Test
    void aSemicolonAgenciesFileFromExcelIsReadLikeACommaOne() throws Exception {
        Path agencies = dir.resolve("agencies.csv");
        Files.writeString(agencies, "code;name;prefixes\r\nDINKES;Dinas Kesehatan;10.5.0.0/16\r\nRSUD;RSUD;10.1.2.3/24\r\n");
        StringWriter en = new StringWriter();
        int code = collectFlows(en, agencies, "en");
        assertThat(code).isEqualTo(1);
        assertThat(en.toString()).contains("agencies.csv:3").contains("prefixes").contains("10.1.2.3/24");
        Files.writeString(agencies, "code;name;prefixes\r\nDINKES;Dinas Kesehatan;10.5.0.0/16 10.6.0.0/16\r\nRSUD;RSUD;\r\n");
        assertThat(AgenciesFile.read(agencies)).extracting(a -> a.code() + " " + a.prefixes().size())
                .containsExactly("DINKES 2", "RSUD 0");
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
        int code = collectSnmp(en, targets, "en");
        assertThat(code).isEqualTo(1);
        assertThat(en.toString()).contains("targets.csv:2 [port] \"99999\"").contains("targets.csv:2 [wan_direction] \"sideways\"");
        assertThat(dir.resolve("usage.csv")).doesNotExist();
    }

    @Test
    void aTargetsFileThatIsNoCsvIsRefusedInTheUsersLanguage() throws Exception {
        Path targets = dir.resolve("targets.csv");
        Files.writeString(targets, "agency,host,interface\nRSUD,\"10.0.0.1,ether1\n");
        StringWriter en = new StringWriter();
        assertThat(collectSnmp(en, targets, "en")).isEqualTo(1);
        assertThat(en.toString()).contains("targets.csv:2: unclosed quote");
        Files.writeString(targets, "agency,host,interface\nRSUD,\"10.0.0.1\"x,ether1\n");
        StringWriter id = new StringWriter();
        assertThat(collectSnmp(id, targets, "id")).isEqualTo(1);
        assertThat(id.toString()).contains("targets.csv:2: ada teks 'x' setelah tanda kutip penutup");
    }
}
