package id.padu.app.gateway;

import id.padu.app.shared.AtomicFile;
import id.padu.shaping.ScriptHeader;
import id.padu.shaping.TcClass;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a linux-tc script like commit-confirmed on a router. The state folder holds:
 * <ul>
 *   <li>{@code confirmed.sh}: the Padu script in force and confirmed (absent if none);</li>
 *   <li>{@code restore.sh}: restores the state before the last apply (the earlier confirmed
 *       script, or the kernel's defaults when Padu had not shaped before);</li>
 *   <li>{@code previous.sh}: the confirmed script before the last confirm, to go back to after a rollback;</li>
 *   <li>{@code restore.prev.sh}: while an apply is pending, the way back from the confirmed state;</li>
 *   <li>{@code candidate.sh}: the script applied and awaiting confirmation;</li>
 *   <li>{@code pending}: exists while a confirmation is awaited: deadline and watcher pid;</li>
 *   <li>{@code before-qdiscs.txt}: the qdiscs before the last apply, to check a rollback against.</li>
 * </ul>
 * The watcher is a detached shell ({@code setsid}) that sleeps out the timeout and then rolls
 * back, so the timer survives the end of this JVM, a lost SSH session, or a gateway whose
 * shaping cut off the operator. Confirm and the watcher race by renaming {@code pending}:
 * {@code rename(2)} is atomic, so exactly one of them wins.
 */
public final class CommitConfirmed {

    public static final Path DEFAULT_STATE_DIR = Path.of("/var/lib/padu/shape");

    private final Path dir;

    public CommitConfirmed(Path stateDir) {
        this.dir = stateDir;
    }

    public Path stateDir() {
        return dir;
    }

    /** What {@link #apply} did. */
    public record Applied(String wan, String ifb, int classes, Duration timeout, long watcherPid, List<String> scriptWarnings) {
    }

    public Applied apply(String script, Duration timeout, boolean force) throws IOException, ShapeException {
        ScriptHeader header = ScriptHeader.parse(script);
        if (!header.isPaduScript()) {
            throw new ShapeException("apply.notPadu");
        }
        if (!Gateway.isRoot()) {
            throw new ShapeException("apply.notRoot");
        }
        Files.createDirectories(dir);
        if (Files.exists(dir.resolve("pending"))) {
            throw new ShapeException("apply.pending", dir);
        }
        String wan = header.wanInterface();
        String ifb = header.ifbInterface();
        if (!Gateway.linkExists(wan)) {
            throw new ShapeException("apply.noWan", wan);
        }
        List<String> wanBefore = Gateway.qdiscs(wan);
        boolean ifbExisted = Gateway.linkExists(ifb);
        List<String> ifbBefore = ifbExisted ? Gateway.qdiscs(ifb) : List.of();

        String restore;
        Path confirmed = dir.resolve("confirmed.sh");
        ScriptHeader old = Files.exists(confirmed) ? ScriptHeader.parse(read(confirmed)) : null;
        if (old != null && old.isPaduScript() && old.wanInterface().equals(wan) && old.ifbInterface().equals(ifb)
                && !Gateway.hasDefaultQdiscs(wanBefore)) {
            restore = read(confirmed);
        } else if (Gateway.hasDefaultQdiscs(wanBefore) && Gateway.hasDefaultQdiscs(ifbBefore)) {
            restore = resetScript(wan, ifb, ifbExisted);
        } else if (force) {
            restore = resetScript(wan, ifb, ifbExisted);
        } else {
            throw new ShapeException("apply.foreign", wan, String.join("; ", wanBefore));
        }
        Files.deleteIfExists(dir.resolve("timed-out"));
        // keep the way back from the confirmed state, for when this apply is rolled back
        if (Files.exists(dir.resolve("restore.sh"))) {
            Files.move(dir.resolve("restore.sh"), dir.resolve("restore.prev.sh"), StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.deleteIfExists(dir.resolve("restore.prev.sh"));
        }
        write(dir.resolve("before-qdiscs.txt"), snapshotText(wanBefore, ifbExisted ? ifbBefore : null));
        write(dir.resolve("restore.sh"), restore);
        Path candidate = dir.resolve("candidate.sh");
        write(candidate, script);

        Commands.Result run;
        try {
            run = Gateway.runScript(candidate);
        } catch (CommandTimeoutException e) {
            String undo = undo();
            throw new ShapeException("apply.timedOut", e.args().get(1), undo);
        }
        if (!run.ok()) {
            String undo = undo();
            throw new ShapeException("apply.failed", lastLines(run.stderr()), undo);
        }
        List<String> problems = header.verify(readBack(header));
        if (!problems.isEmpty()) {
            String undo = undo();
            throw new ShapeException("apply.verifyFailed", String.join("; ", problems), undo);
        }
        long pid = startWatcher(timeout);
        List<String> warnings = run.stderr().lines().filter(l -> l.startsWith("padu: warning:")).toList();
        return new Applied(wan, ifb, header.expected().size(), timeout, pid, warnings);
    }

    /** Restores after a failed apply; returns a word for the message. */
    private String undo() throws IOException {
        Commands.Result r = Gateway.runScript(dir.resolve("restore.sh"));
        Files.deleteIfExists(dir.resolve("candidate.sh"));
        reinstatePreviousRestore();
        return r.ok() ? "ok" : lastLines(r.stderr());
    }

    /** After an unconfirmed apply is undone, the way back from the confirmed state is the one before it. */
    private void reinstatePreviousRestore() throws IOException {
        Path prev = dir.resolve("restore.prev.sh");
        if (Files.exists(prev)) {
            Files.move(prev, dir.resolve("restore.sh"), StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.deleteIfExists(dir.resolve("restore.sh"));
        }
    }

    static Map<String, List<TcClass>> readBack(ScriptHeader header) throws IOException {
        Map<String, List<TcClass>> byDev = new LinkedHashMap<>();
        byDev.put(header.wanInterface(), Gateway.classes(header.wanInterface()));
        byDev.put(header.ifbInterface(), Gateway.classes(header.ifbInterface()));
        return byDev;
    }

    private long startWatcher(Duration timeout) throws IOException {
        long seconds = Math.max(1, timeout.toSeconds());
        String state = shellQuote(dir.toAbsolutePath().toString());
        String body = "sleep " + seconds + "; cd " + state + " || exit 1; "
                + "if mv pending rolling-back 2>/dev/null; then "
                + "bash restore.sh; rm -f candidate.sh; "
                + "if [ -f restore.prev.sh ]; then mv -f restore.prev.sh restore.sh; else rm -f restore.sh; fi; "
                + "rm -f rolling-back; touch timed-out; "
                + "echo \"$(date -u +%Y-%m-%dT%H:%M:%SZ) not confirmed within " + seconds + " s: rolled back\" >> history.log; fi";
        ProcessBuilder pb = new ProcessBuilder("setsid", "bash", "-c", body);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("watcher.log").toFile()));
        pb.redirectErrorStream(true);
        long deadline = System.currentTimeMillis() / 1000 + seconds;
        // pending must exist before the watcher can look for it
        write(dir.resolve("pending"), "deadline=" + deadline + "\n");
        Process p = pb.start();
        write(dir.resolve("pending"), "deadline=" + deadline + "\nwatcher=" + p.pid() + "\n");
        return p.pid();
    }

    /** Keeps the applied script; the watcher is stopped. */
    public void confirm() throws IOException, ShapeException {
        Path taken = dir.resolve("confirming");
        if (!take(taken)) {
            throw new ShapeException(Files.exists(dir.resolve("timed-out")) ? "confirm.tooLate" : "confirm.nothing", dir);
        }
        stopWatcher(taken);
        Path confirmed = dir.resolve("confirmed.sh");
        if (Files.exists(confirmed)) {
            Files.move(confirmed, dir.resolve("previous.sh"), StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.deleteIfExists(dir.resolve("previous.sh"));
        }
        Files.move(dir.resolve("candidate.sh"), confirmed, StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(dir.resolve("restore.prev.sh"));
        Files.delete(taken);
        history("confirmed");
    }

    /**
     * Restores the state before the last apply: at once if it awaits confirmation, else the
     * confirmed one is undone (one level).
     *
     * @return the qdiscs now and before the apply, for the operator to compare
     */
    public List<String> rollback() throws IOException, ShapeException {
        Path taken = dir.resolve("rolling-back");
        boolean wasPending = take(taken);
        if (!wasPending && !Files.exists(dir.resolve("restore.sh"))) {
            throw new ShapeException("rollback.nothing", dir);
        }
        if (wasPending) {
            stopWatcher(taken);
        }
        Commands.Result r = Gateway.runScript(dir.resolve("restore.sh"));
        if (!r.ok()) {
            throw new ShapeException("rollback.failed", lastLines(r.stderr()));
        }
        if (wasPending) {
            Files.deleteIfExists(dir.resolve("candidate.sh"));
            reinstatePreviousRestore();
            Files.delete(taken);
        } else {
            Path previous = dir.resolve("previous.sh");
            Path confirmed = dir.resolve("confirmed.sh");
            if (Files.exists(previous)) {
                Files.move(previous, confirmed, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(confirmed);
            }
            Files.deleteIfExists(dir.resolve("restore.sh"));
        }
        history(wasPending ? "rolled back before confirmation" : "rolled back the confirmed shaping");
        return Files.exists(dir.resolve("before-qdiscs.txt")) ? Files.readAllLines(dir.resolve("before-qdiscs.txt")) : List.of();
    }

    public boolean isPending() {
        return Files.exists(dir.resolve("pending"));
    }

    /** The script in force: the candidate while pending, else the confirmed one. */
    public java.util.Optional<String> currentScript() throws IOException {
        Path p = isPending() ? dir.resolve("candidate.sh") : dir.resolve("confirmed.sh");
        return Files.exists(p) ? java.util.Optional.of(read(p)) : java.util.Optional.empty();
    }

    /** The qdisc snapshot format of before-qdiscs.txt, for comparing after a rollback. */
    public static String snapshotText(List<String> wan, List<String> ifbOrNull) {
        StringBuilder b = new StringBuilder();
        wan.forEach(q -> b.append("wan ").append(q).append('\n'));
        if (ifbOrNull == null) {
            b.append("ifb absent\n");
        } else {
            ifbOrNull.forEach(q -> b.append("ifb ").append(q).append('\n'));
        }
        return b.toString();
    }

    private boolean take(Path to) throws IOException {
        try {
            Files.move(dir.resolve("pending"), to, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("state folder does not support atomic rename: " + dir, e);
        }
    }

    /** Ends the watcher this apply started (its pid is in the pending file); no other process. */
    private static void stopWatcher(Path pendingFile) throws IOException {
        for (String line : Files.readAllLines(pendingFile)) {
            if (line.startsWith("watcher=")) {
                long pid = Long.parseLong(line.substring("watcher=".length()).trim());
                ProcessHandle.of(pid).ifPresent(h -> {
                    h.descendants().forEach(ProcessHandle::destroy); // its sleep
                    h.destroy();
                });
            }
        }
    }

    private static String resetScript(String wan, String ifb, boolean ifbExisted) {
        StringBuilder s = new StringBuilder("#!/bin/bash\n# Padu: back to the kernel's default qdiscs (no shaping), as before Padu's first apply.\n");
        s.append("tc qdisc del dev ").append(wan).append(" root 2>/dev/null || true\n");
        s.append("tc qdisc del dev ").append(wan).append(" ingress 2>/dev/null || true\n");
        if (ifbExisted) {
            s.append("tc qdisc del dev ").append(ifb).append(" root 2>/dev/null || true\n");
        } else {
            s.append("ip link del ").append(ifb).append(" 2>/dev/null || true\n");
        }
        s.append("exit 0\n");
        return s.toString();
    }

    private void history(String what) throws IOException {
        Files.writeString(dir.resolve("history.log"), java.time.Instant.now() + " " + what + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    /** A crash never leaves half a state file. */
    private static void write(Path p, String text) throws IOException {
        AtomicFile.write(p, text);
    }

    static String lastLines(String text) {
        String[] lines = text.strip().split("\n");
        List<String> tail = new ArrayList<>();
        for (int i = Math.max(0, lines.length - 3); i < lines.length; i++) {
            tail.add(lines[i].strip());
        }
        return String.join(" | ", tail);
    }

    private static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
