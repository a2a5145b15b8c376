package id.padu.app.cli;

import id.padu.app.audit.AuditAnchors;
import id.padu.app.audit.AuditChain;
import id.padu.app.shared.KeyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code padu audit verify}: checks the audit log's keyed chain and its anchors in the server's database. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Audit log of the server.", "Log audit server."},
        subcommands = {AuditCommand.Verify.class})
public class AuditCommand implements Runnable {

    /** Exit code when nothing could be checked (database in use or unreachable, key or anchors unreadable): not a broken log. */
    public static final int EXIT_NOT_CHECKED = 3;

    /** H2's "database may be already in use" (the server holds the file). */
    private static final int H2_DATABASE_IN_USE = 90020;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand / subperintah belum diberikan");
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check the audit log: each row's keyed hash (HMAC with the audit key), the head's seal and the anchors"
                    + " written outside the database.",
                    "Periksa log audit: hash berkunci tiap baris, segel kepala, dan jangkar di luar basis data.",
                    "Exit codes: 0 intact; 1 BROKEN (names the first broken row); 2 bad usage; 3 not checked (database in use"
                    + " by the running server or unreachable, audit key missing, anchor file unreadable).",
                    "Kode keluar: 0 utuh; 1 RUSAK; 2 salah pakai; 3 tidak diperiksa (basis data dipakai server atau tidak"
                    + " terjangkau, kunci audit tidak ada, berkas jangkar tidak terbaca)."},
            exitCodeListHeading = "Exit codes / kode keluar:%n",
            exitCodeList = {"0:intact / utuh", "1:broken / rusak", "2:bad usage / salah pakai", "3:not checked / tidak diperiksa"})
    static class Verify implements Callable<Integer> {

        @Mixin
        LangOption lang;

        @Mixin
        DatabaseOptions db;

        @Option(names = "--audit-key-file", paramLabel = "FILE",
                description = "The audit key (default: PADU_AUDIT_KEY, else PADU_AUDIT_KEY_FILE, else <data-dir>/audit.key).")
        Path keyFile;

        @Option(names = "--anchor-file", paramLabel = "FILE",
                description = "The anchors the server writes (default: <data-dir>/audit-anchors.txt).")
        Path anchorFile;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Messages m = Messages.accounts(lang.locale());
            var err = spec.commandLine().getErr();
            String keyPlace;
            AuditChain.Key key;
            String env = System.getenv("PADU_AUDIT_KEY");
            try {
                if (keyFile == null && env != null && !env.isBlank()) {
                    keyPlace = "PADU_AUDIT_KEY";
                    key = new AuditChain.Key(java.util.Base64.getDecoder().decode(env.trim()));
                } else {
                    Path file = keyFile != null ? keyFile
                            : System.getenv("PADU_AUDIT_KEY_FILE") != null ? Path.of(System.getenv("PADU_AUDIT_KEY_FILE"))
                            : db.dataDir().resolve("audit.key");
                    keyPlace = file.toString();
                    key = Files.exists(file) ? new AuditChain.Key(KeyFiles.read(file)) : null;
                }
            } catch (IOException | IllegalArgumentException e) {
                err.println(m.get("audit.keyUnreadable", keyFile != null ? keyFile : "PADU_AUDIT_KEY", e.getMessage()));
                return EXIT_NOT_CHECKED;
            }
            Path anchors = anchorFile != null ? anchorFile : db.dataDir().resolve("audit-anchors.txt");
            List<AuditAnchors.Anchor> anchored;
            try {
                anchored = AuditAnchors.read(anchors);
            } catch (IOException e) {
                err.println(m.get("audit.anchorsUnreadable", anchors, e.getMessage()));
                return EXIT_NOT_CHECKED;
            }
            AuditChain.Result result;
            try (Connection c = db.connect()) {
                c.setReadOnly(true);
                result = AuditChain.verify(c, key, anchored);
            } catch (AuditChain.KeyMissingException e) {
                err.println(m.get("audit.keyMissing", e.keyedFrom(), keyPlace));
                return EXIT_NOT_CHECKED;
            } catch (SQLException e) {
                if (e.getErrorCode() == H2_DATABASE_IN_USE) {
                    err.println(m.get("audit.inUse", db.url()));
                } else {
                    err.println(m.get("db.error", db.url(), e.getMessage()));
                }
                return EXIT_NOT_CHECKED;
            }
            var out = spec.commandLine().getOut();
            if (result.ok()) {
                if (result.keyedFrom() == null) {
                    out.println(m.get("audit.okUnkeyed", result.rows()));
                } else {
                    out.println(m.get("audit.ok", result.rows(), result.keyedFrom(), result.anchors(), anchors));
                }
                return PaduCommand.EXIT_OK;
            }
            out.println(m.get("audit.broken", result.brokenRow().orElseThrow(), m.get("audit.break." + result.kind().name())));
            return PaduCommand.EXIT_BAD_INPUT;
        }
    }
}
