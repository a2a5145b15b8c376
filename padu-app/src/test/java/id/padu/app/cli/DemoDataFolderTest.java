package id.padu.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code padu demo} starts from an empty data folder, whatever an earlier demo left there. */
class DemoDataFolderTest {

    @Test
    void wipeRemovesTheFolderWithEverythingInIt(@TempDir Path tmp) throws Exception {
        Path demo = tmp.resolve("data-demo");
        Files.createDirectories(demo.resolve("sub"));
        Files.writeString(demo.resolve("padu.mv.db"), "old");
        Files.writeString(demo.resolve("sub/x"), "old");
        DemoCommand.wipe(demo);
        assertThat(demo).doesNotExist();
        DemoCommand.wipe(demo); // nothing there: no error
    }

    /**
     * {@code --padu.data-dir} next to the demo's own folder would become the path "a,b" (Spring
     * joins repeated properties), and the demo wipes its folder: refused with a sentence naming
     * the right option, before anything is wiped or started.
     */
    @Test
    void theDataDirPropertyIsRefusedAndNothingIsWiped(@TempDir Path tmp) throws Exception {
        Path demo = tmp.resolve("demo");
        Files.createDirectories(demo);
        Files.writeString(demo.resolve("keep.txt"), "still here");
        StringWriter err = new StringWriter();
        CommandLine cl = PaduCommand.commandLine();
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("demo", "--lang", "en", "--data-dir", demo.toString(), "--padu.data-dir=/srv/padu");
        assertThat(code).isEqualTo(PaduCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("--padu.data-dir=/srv/padu is not accepted here").contains("--data-dir DIR");
        assertThat(demo.resolve("keep.txt")).hasContent("still here");
    }
}
