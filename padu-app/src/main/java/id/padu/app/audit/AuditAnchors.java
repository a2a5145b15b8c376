package id.padu.app.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The audit log's anchors: the head of the chain (last row and its hash) written from time to
 * time outside the database, one line each, {@code 2026-12-08T03:00:00Z 1234 <64 hex>}. Someone
 * who can write the database but not this file cannot cut rows off the end, nor put back an older
 * head, without the anchored row's hash telling. Lines starting with {@code #} are comments.
 */
public final class AuditAnchors {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private AuditAnchors() {
    }

    /** One anchor: at {@code at}, the log ended at row {@code id} whose hash was {@code hash}. */
    public record Anchor(Instant at, long id, String hash) {

        String line() {
            return at + " " + id + " " + hash;
        }
    }

    /** Every anchor in the file, oldest first; none when the file does not exist. */
    public static List<Anchor> read(Path file) throws IOException {
        List<Anchor> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            n++;
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] parts = t.split(" +");
            try {
                if (parts.length != 3 || !HASH.matcher(parts[2]).matches()) {
                    throw new IllegalArgumentException(t);
                }
                out.add(new Anchor(Instant.parse(parts[0]), Long.parseLong(parts[1]), parts[2]));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IOException(file + ":" + n + ": not an anchor line (time, row, hash): " + t, e);
            }
        }
        return out;
    }

    /** Appends one anchor, creating the file readable by its owner only where the file system allows. */
    public static void append(Path file, Anchor anchor) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        if (!Files.exists(file)) {
            Files.createFile(file);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system (Windows): its ACLs apply
            }
            Files.writeString(file, "# Padu audit anchors: time (UTC), last row of the log, its hash (docs/security.md)\n",
                    StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
        }
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND, StandardOpenOption.SYNC)) {
            out.write((anchor.line() + "\n").getBytes(StandardCharsets.US_ASCII));
        }
    }
}
