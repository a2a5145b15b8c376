package id.padu.app.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import picocli.CommandLine.Option;

/**
 * The server's database for commands that read it without starting Spring: the same settings
 * as {@code padu serve} ({@code PADU_DB_URL}, {@code PADU_DB_USER}, {@code PADU_DB_PASSWORD}, or the
 * H2 file under {@code --padu.data-dir}, default {@code ./data}). Use as {@code @Mixin}.
 */
public class DatabaseOptions {

    @Option(names = "--padu.data-dir", paramLabel = "DIR", description = "Data folder of the server (default: ./data).")
    Path dataDir;

    @Option(names = "--db-url", paramLabel = "JDBC-URL", description = "Database URL (default: PADU_DB_URL, else the H2 file in the data folder).")
    String url;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (default: PADU_DB_USER, else sa).")
    String user;

    @Option(names = "--db-password", paramLabel = "PASSWORD", description = "Database password (default: PADU_DB_PASSWORD).")
    String password;

    Path dataDir() {
        return dataDir != null ? dataDir : Path.of("./data");
    }

    String url() {
        if (url != null) {
            return url;
        }
        String env = System.getenv("PADU_DB_URL");
        if (env != null && !env.isBlank()) {
            return env;
        }
        // IFEXISTS: a mistyped folder is an error, not a new empty database.
        return "jdbc:h2:file:" + dataDir().toAbsolutePath().resolve("padu") + ";AUTO_SERVER=FALSE;IFEXISTS=TRUE";
    }

    Connection connect() throws SQLException {
        String u = user != null ? user : envOr("PADU_DB_USER", "sa");
        String p = password != null ? password : envOr("PADU_DB_PASSWORD", "");
        return DriverManager.getConnection(url(), u, p);
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
