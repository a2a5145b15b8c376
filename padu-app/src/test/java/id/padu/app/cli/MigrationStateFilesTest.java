package id.padu.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MigrationStateFilesTest {

    @Test
    void aReadErrorWithoutMessageStillNamesTheFileAndTheError() {
        // IOException subclasses of file systems and streams may come without a message
        var e = MigrationStateFiles.unreadable("log.json", new IOException());
        assertThat(e.message(Locale.ENGLISH)).isEqualTo("log.json: cannot be read: java.io.IOException");
        assertThat(e.message(Locale.ROOT)).isEqualTo("log.json: tidak dapat dibaca: java.io.IOException");
    }

    @Test
    void aReadErrorWithMessageShowsIt() {
        var e = MigrationStateFiles.unreadable("log.json", new IOException("Is a directory"));
        assertThat(e.message(Locale.ENGLISH)).isEqualTo("log.json: cannot be read: Is a directory");
    }
}
