package id.padu.app.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTimeoutTest {

    @Test
    void aHungCommandIsStoppedWithItsChildrenAndReportedAsTimedOut(@TempDir Path dir) throws Exception {
        // A script that keeps stdout open through a child and never ends by itself within the test:
        // reading stdout to the end would wait for the child as well.
        Path script = dir.resolve("hang.sh");
        Files.writeString(script, "echo $$ > " + dir.resolve("shell.pid") + "\n"
                + "sleep 30 &\necho $! > " + dir.resolve("child.pid") + "\necho started\nwait\n");

        assertThatThrownBy(() -> Commands.run(List.of("bash", script.toString()), Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(CommandTimeoutException.class, e -> {
                    assertThat(e.key()).isEqualTo("command.timedOut");
                    assertThat(ShapeMessages.format(Locale.ENGLISH, e.key(), e.args()))
                            .isEqualTo("The command \"bash " + script + "\" did not finish within 1 seconds and was stopped,"
                                    + " with the processes it started");
                    assertThat(ShapeMessages.format(Locale.ROOT, e.key(), e.args()))
                            .isEqualTo("Perintah \"bash " + script + "\" tidak selesai dalam 1 detik dan dihentikan,"
                                    + " beserta proses yang dijalankannya");
                });

        assertGone(Long.parseLong(Files.readString(dir.resolve("shell.pid")).trim()));
        assertGone(Long.parseLong(Files.readString(dir.resolve("child.pid")).trim()));
    }

    @Test
    void aCommandThatEndsInTimeGivesItsOutput() throws Exception {
        Commands.Result r = Commands.run(List.of("bash", "-c", "echo out; echo err >&2; exit 3"), Duration.ofSeconds(20));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stdout()).isEqualTo("out\n");
        assertThat(r.stderr()).isEqualTo("err\n");
    }

    private static void assertGone(long pid) throws Exception {
        var handle = ProcessHandle.of(pid);
        if (handle.isPresent()) {
            // killed means gone soon after; a process still alive after this is one nobody stopped
            handle.get().onExit().completeOnTimeout(null, 5, TimeUnit.SECONDS).get();
            assertThat(handle.get().isAlive()).as("process %d still running", pid).isFalse();
        }
    }
}
