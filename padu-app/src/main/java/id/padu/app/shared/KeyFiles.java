package id.padu.app.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Key files kept beside the database, never in it: the secret key of stored credentials and the
 * audit log's chain key. One line of base64, readable by its owner only (0600 where the file
 * system has POSIX permissions).
 */
public final class KeyFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyFiles() {
    }

    public static byte[] read(Path file) throws IOException {
        return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
    }

    /** Writes {@code key} to {@code file} readable by its owner only (0600), replacing it atomically. */
    public static void write(Path file, byte[] key) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        AtomicFile.writeOwnerOnly(file, out -> out.write((Base64.getEncoder().encodeToString(key) + "\n")
                .getBytes(StandardCharsets.US_ASCII)));
    }

    /** 32 random bytes. */
    public static byte[] newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    /**
     * The key from an environment value (base64) when it is set, else from {@code file}, which is
     * created with a new random key when absent; {@code created} is told when that happened.
     */
    public static byte[] fromEnvOrFile(String env, Path file, Runnable created) throws IOException {
        if (env != null && !env.isBlank()) {
            return Base64.getDecoder().decode(env.trim());
        }
        if (!Files.exists(file)) {
            write(file, newKey());
            created.run();
        }
        return read(file);
    }
}
