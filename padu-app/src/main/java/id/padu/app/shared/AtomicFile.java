package id.padu.app.shared;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * Writes a file so that readers see the old content or the new, never half of it: a script the
 * gateway runs, a runbook, a usage file, the gateway's state, the key of the stored secrets. The
 * content goes to a temporary file in the target's folder (so the rename stays on one file
 * system), which is then renamed over the target in one step; when writing fails, the target is
 * left as it was and the temporary file is removed. The folder must exist.
 */
public final class AtomicFile {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    /** What is written into the file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /** Replaces {@code target} with {@code content}; a new file gets the mode the umask gives. */
    public static void write(Path target, Content content) throws IOException {
        write(target, content, false);
    }

    /** Replaces {@code target} with {@code text} in UTF-8; a new file gets the mode the umask gives. */
    public static void write(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)), false);
    }

    /** Replaces {@code target} with {@code content}, readable and writable by its owner only (0600). */
    public static void writeOwnerOnly(Path target, Content content) throws IOException {
        write(target, content, true);
    }

    private static void write(Path target, Content content, boolean ownerOnly) throws IOException {
        Path abs = target.toAbsolutePath();
        Path tmp = create(abs, ownerOnly);
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A new empty file beside {@code target}, hidden ({@code .name.RANDOM.tmp}). */
    private static Path create(Path target, boolean ownerOnly) throws IOException {
        while (true) {
            Path tmp = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong() >>> 1) + ".tmp");
            try {
                return ownerOnly ? Files.createFile(tmp, OWNER_ONLY) : Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                // another writer's temporary file: draw another name
            }
        }
    }
}
