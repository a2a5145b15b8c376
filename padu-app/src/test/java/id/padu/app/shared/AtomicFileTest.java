package id.padu.app.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file written by Padu is the old one or the new one, never half of either. */
class AtomicFileTest {

    @TempDir
    Path dir;

    private String[] files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void aWriteThatFailsHalfwayLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path script = dir.resolve("shape.sh");
        AtomicFile.write(script, "#!/bin/sh\nold\n");
        assertThatThrownBy(() -> AtomicFile.write(script, out -> {
            out.write("#!/bin/sh\nhalf of the ne".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(script).hasContent("#!/bin/sh\nold");
        assertThat(files()).containsExactly("shape.sh");
        assertThatThrownBy(() -> AtomicFile.writeOwnerOnly(dir.resolve("secret.key"), out -> {
            throw new IOException("no key");
        })).hasMessage("no key");
        assertThat(files()).containsExactly("shape.sh");
    }

    @Test
    void aWriteReplacesTheFileWholeAndOwnerOnlyFilesAreKeptFromOthers() throws Exception {
        Path runbook = dir.resolve("runbook.txt");
        AtomicFile.write(runbook, "a long first version\n");
        AtomicFile.write(runbook, "short\n");
        assertThat(runbook).hasContent("short");
        Path key = dir.resolve("secret.key");
        AtomicFile.writeOwnerOnly(key, out -> out.write("key\n".getBytes(StandardCharsets.US_ASCII)));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        // a plain write gets the mode any new file gets here (the umask), not the temporary file's 0600
        Path plain = Files.createFile(dir.resolve("plain"));
        assertThat(Files.getPosixFilePermissions(runbook)).isEqualTo(Files.getPosixFilePermissions(plain));
        assertThat(files()).containsExactly("plain", "runbook.txt", "secret.key");
    }
}
