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

/** Input errors of {@code padu collect flows}: located, localised, nothing written. */
class CollectFlowsCommandTest {

    @TempDir
    Path dir;

    int run(StringWriter stderr, String... args) {
        CommandLine cl = PaduCommand.commandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(stderr, true));
        return cl.execute(args);
    }

    @Test
    void aBadPrefixInAgenciesIsRejectedWithFileLineAndColumn() throws Exception {
        Path agencies = dir.resolve("agencies.csv");
        Files.writeString(agencies, "code,name,prefixes\nDINKES,Dinas Kesehatan,10.5.0.0/16\nRSUD,RSUD,10.1.2.3/24\n");
        StringWriter en = new StringWriter();
        int code = run(en, "collect", "flows", "--listen", "127.0.0.1:0", "--agencies", agencies.toString(),
                "--duration", "1s", "--out", dir.resolve("usage.csv").toString(), "--lang", "en");
        assertThat(code).isEqualTo(1);
        assertThat(en.toString()).contains("agencies.csv:3").contains("prefixes").contains("10.1.2.3/24");
        assertThat(dir.resolve("usage.csv")).doesNotExist();
        StringWriter id = new StringWriter();
        run(id, "collect", "flows", "--listen", "127.0.0.1:0", "--agencies", agencies.toString(),
                "--duration", "1s", "--out", dir.resolve("usage.csv").toString(), "--lang", "id");
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
        int code = run(en, "collect", "flows", "--listen", "127.0.0.1:0", "--agencies", agencies.toString(),
                "--duration", "1s", "--out", dir.resolve("usage.csv").toString(), "--lang", "en");
        assertThat(code).isEqualTo(1);
        assertThat(en.toString()).contains("agencies.csv:3").contains("prefixes").contains("10.1.2.3/24");
        Files.writeString(agencies, "code;name;prefixes\r\nDINKES;Dinas Kesehatan;10.5.0.0/16 10.6.0.0/16\r\nRSUD;RSUD;\r\n");
        assertThat(AgenciesFile.read(agencies)).extracting(a -> a.code() + " " + a.prefixes().size())
                .containsExactly("DINKES 2", "RSUD 0");
    }
}
