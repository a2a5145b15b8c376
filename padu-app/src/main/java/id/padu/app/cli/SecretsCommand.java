package id.padu.app.cli;

import id.padu.app.secrets.SecretCipher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code padu secrets rotate --new-key-file F}: re-encrypt every stored secret under a new key. */
@Command(name = "secrets", mixinStandardHelpOptions = true,
        description = {"Stored credentials of the server.", "Kredensial tersimpan di server."},
        subcommands = {SecretsCommand.Rotate.class})
public class SecretsCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand / subperintah belum diberikan");
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Re-encrypt all secrets under the key in --new-key-file (created if absent), in one transaction;"
                    + " then the current key file is replaced by the new key. Stop the server first; start it again after.",
                    "Enkripsi ulang semua rahasia dengan kunci baru dalam satu transaksi; hentikan server dahulu."})
    static class Rotate implements Callable<Integer> {

        @Mixin
        LangOption lang;

        @Mixin
        DatabaseOptions db;

        @Option(names = "--new-key-file", required = true, paramLabel = "FILE",
                description = "The new key (base64 of 32 bytes); a new random key is written there (0600) when the file does not exist.")
        Path newKeyFile;

        @Option(names = "--key-file", paramLabel = "FILE",
                description = "The current key file (default: PADU_SECRET_KEY, else <data-dir>/secret.key).")
        Path keyFile;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Messages m = Messages.accounts(lang.locale());
            String env = System.getenv("PADU_SECRET_KEY");
            boolean fromEnv = keyFile == null && env != null && !env.isBlank();
            Path currentFile = keyFile != null ? keyFile : db.dataDir().resolve("secret.key");
            SecretCipher oldCipher;
            byte[] newKey;
            try {
                oldCipher = fromEnv ? SecretCipher.ofBase64(env) : new SecretCipher(SecretCipher.readKeyFile(currentFile));
            } catch (IOException | IllegalArgumentException e) {
                spec.commandLine().getErr().println(m.get("secrets.key.error", fromEnv ? "PADU_SECRET_KEY" : currentFile, e.getMessage()));
                return PaduCommand.EXIT_BAD_INPUT;
            }
            try {
                if (!Files.exists(newKeyFile)) {
                    SecretCipher.writeKeyFile(newKeyFile, SecretCipher.newKey());
                }
                newKey = SecretCipher.readKeyFile(newKeyFile);
            } catch (IOException | IllegalArgumentException e) {
                spec.commandLine().getErr().println(m.get("secrets.key.error", newKeyFile, e.getMessage()));
                return PaduCommand.EXIT_BAD_INPUT;
            }
            SecretCipher newCipher = new SecretCipher(newKey);
            int count;
            try (Connection c = db.connect()) {
                c.setAutoCommit(false);
                Map<String, String> plain = new LinkedHashMap<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT name, ciphertext FROM app_secret ORDER BY name");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String name = rs.getString(1);
                        try {
                            plain.put(name, oldCipher.decrypt(name, rs.getString(2)));
                        } catch (IllegalArgumentException e) {
                            c.rollback();
                            spec.commandLine().getErr().println(m.get("secrets.decrypt.error", name));
                            return PaduCommand.EXIT_BAD_INPUT;
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE app_secret SET ciphertext = ? WHERE name = ?")) {
                    for (var e : plain.entrySet()) {
                        ps.setString(1, newCipher.encrypt(e.getKey(), e.getValue()));
                        ps.setString(2, e.getKey());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
                count = plain.size();
            } catch (SQLException e) {
                spec.commandLine().getErr().println(m.get("db.error", db.url(), e.getMessage()));
                return PaduCommand.EXIT_BAD_INPUT;
            }
            Path keptAt = newKeyFile;
            if (!fromEnv) {
                try {
                    // The server reads the same file at its next start.
                    SecretCipher.writeKeyFile(currentFile, newKey);
                    keptAt = currentFile;
                } catch (IOException e) {
                    spec.commandLine().getErr().println(m.get("secrets.key.error", currentFile, e.getMessage()));
                    return PaduCommand.EXIT_BAD_INPUT;
                }
            }
            spec.commandLine().getOut().println(m.get("secrets.rotated", count, keptAt));
            return PaduCommand.EXIT_OK;
        }
    }
}
