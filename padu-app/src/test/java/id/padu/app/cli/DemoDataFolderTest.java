package id.padu.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
