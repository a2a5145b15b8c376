package id.padu.app.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one system command and collects its output; no shell unless asked for. */
final class Commands {

    /** How long a command (tc, ip, a script) may run before it is stopped. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private Commands() {
    }

    record Result(int exitCode, String stdout, String stderr) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    static Result run(List<String> command) throws IOException {
        return run(command, DEFAULT_TIMEOUT);
    }

    /**
     * Runs {@code command} for at most {@code timeout}; when it is not done by then, it is killed
     * together with every process it started, and {@link CommandTimeoutException} is thrown.
     */
    static Result run(List<String> command, Duration timeout) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        // Both streams are read on their own threads, so a chatty command cannot block on a full
        // pipe and a command that keeps its output open cannot hold up the timeout.
        Drain out = new Drain(p.getInputStream());
        Drain err = new Drain(p.getErrorStream());
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(p);
                throw new CommandTimeoutException(command, timeout);
            }
            // A process the command left running may still hold the pipes open: wait a little only.
            return new Result(p.exitValue(), out.text(10_000), err.text(10_000));
        } catch (InterruptedException e) {
            kill(p);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Kills the process and its descendants (listed first: once it is dead they are no longer its own). */
    private static void kill(Process p) {
        List<ProcessHandle> descendants = p.descendants().toList();
        p.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads a stream to its end on a daemon thread. */
    private static final class Drain {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Thread thread;

        Drain(InputStream in) {
            thread = new Thread(() -> {
                byte[] buf = new byte[8192];
                try (in) {
                    for (int n; (n = in.read(buf)) >= 0; ) {
                        bytes.write(buf, 0, n);
                    }
                } catch (IOException e) {
                    // the process is gone; what was read is kept
                }
            }, "command-output");
            thread.setDaemon(true);
            thread.start();
        }

        /** What was read, after waiting up to {@code millis} for the end of the stream. */
        String text(long millis) throws InterruptedException {
            thread.join(millis);
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
