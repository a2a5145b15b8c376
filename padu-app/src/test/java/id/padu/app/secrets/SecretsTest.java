package id.padu.app.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.padu.app.H2AppTest;
import id.padu.app.cli.PaduCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import picocli.CommandLine;

/** Credentials are encrypted at rest, never answered by the API, and survive a key rotation. */
class SecretsTest extends H2AppTest {

    static final String COMMUNITY = "komunitas-rahasia-RSUD-42";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SecretBox box;

    @Test
    void secretsAreEncryptedAtRestAndNeverAnswered() throws Exception {
        mvc.perform(put("/api/secrets/snmp.community.RSUD").with(httpBasic("admin", ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"value\":\"" + COMMUNITY + "\"}"))
                .andExpect(status().isNoContent());
        String stored = jdbc.sql("SELECT ciphertext FROM app_secret WHERE name = 'snmp.community.RSUD'").query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain(COMMUNITY).doesNotContain("komunitas");
        assertThat(box.get("snmp.community.RSUD")).contains(COMMUNITY);

        mvc.perform(get("/api/secrets").with(httpBasic("admin", ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("snmp.community.RSUD")))
                .andExpect(content().string(not(containsString(COMMUNITY))))
                .andExpect(content().string(not(containsString(stored))));
        // nor does the audit log, its page or its JSON
        mvc.perform(get("/api/audit").with(httpBasic("admin", ADMIN_PASSWORD)))
                .andExpect(content().string(containsString("snmp.community.RSUD")))
                .andExpect(content().string(not(containsString(COMMUNITY))));
        mvc.perform(get("/audit").with(httpBasic("admin", ADMIN_PASSWORD)))
                .andExpect(content().string(not(containsString(COMMUNITY))));
        // a ciphertext moved to another name's row does not decrypt
        assertThatThrownBy(() -> box.decrypt("snmp.community.DISHUB", stored)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKeyFileIsCreatedReadableByItsOwnerOnly() throws Exception {
        Path keyFile = Path.of("target/test-data/h2/secret.key");
        assertThat(keyFile).exists();
        assertThat(Files.getPosixFilePermissions(keyFile))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(SecretCipher.readKeyFile(keyFile)).hasSize(32);
    }

    /**
     * {@code padu secrets rotate} against a database of its own (the server is stopped during a
     * rotation): every secret decrypts with the new key afterwards, none with the old one, and the
     * current key file now holds the new key.
     */
    @Test
    void rotationReEncryptsEverySecret(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:mem:rotate-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        byte[] oldKey = SecretCipher.newKey();
        Path keyFile = dir.resolve("secret.key");
        SecretCipher.writeKeyFile(keyFile, oldKey);
        SecretCipher old = new SecretCipher(oldKey);
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("CREATE TABLE app_secret (name VARCHAR(200) PRIMARY KEY, ciphertext VARCHAR(4000) NOT NULL,"
                    + " updated_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            for (String name : new String[] {"snmp.community.RSUD", "snmpv3.auth.DISHUB", "routeros.password.core"}) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_secret VALUES (?, ?, CURRENT_TIMESTAMP)")) {
                    ps.setString(1, name);
                    ps.setString(2, old.encrypt(name, "nilai-" + name));
                    ps.executeUpdate();
                }
            }
            Path newKeyFile = dir.resolve("new.key");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = PaduCommand.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int exit = cl.execute("secrets", "rotate", "--lang", "en", "--db-url", url, "--key-file", keyFile.toString(),
                    "--new-key-file", newKeyFile.toString());
            assertThat(exit).as(err.toString()).isZero();
            assertThat(out.toString()).contains("3 secrets re-encrypted");

            byte[] newKey = SecretCipher.readKeyFile(newKeyFile);
            assertThat(newKey).isNotEqualTo(oldKey);
            assertThat(SecretCipher.readKeyFile(keyFile)).isEqualTo(newKey);
            assertThat(Files.getPosixFilePermissions(newKeyFile)).isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            SecretCipher fresh = new SecretCipher(newKey);
            try (ResultSet rs = c.createStatement().executeQuery("SELECT name, ciphertext FROM app_secret")) {
                int n = 0;
                while (rs.next()) {
                    String name = rs.getString(1);
                    assertThat(fresh.decrypt(name, rs.getString(2))).isEqualTo("nilai-" + name);
                    assertThatThrownBy(() -> old.decrypt(name, rs.getString(2))).isInstanceOf(IllegalArgumentException.class);
                    n++;
                }
                assertThat(n).isEqualTo(3);
            }

            // Rotating with a wrong current key changes nothing and says so.
            Path wrong = dir.resolve("wrong.key");
            SecretCipher.writeKeyFile(wrong, SecretCipher.newKey());
            CommandLine again = PaduCommand.commandLine();
            StringWriter err2 = new StringWriter();
            again.setOut(new PrintWriter(new StringWriter(), true));
            again.setErr(new PrintWriter(err2, true));
            assertThat(again.execute("secrets", "rotate", "--lang", "en", "--db-url", url, "--key-file", wrong.toString(),
                    "--new-key-file", dir.resolve("other.key").toString())).isEqualTo(1);
            assertThat(err2.toString()).contains("cannot be decrypted");
            try (ResultSet rs = c.createStatement().executeQuery("SELECT name, ciphertext FROM app_secret")) {
                while (rs.next()) {
                    assertThat(fresh.decrypt(rs.getString(1), rs.getString(2))).startsWith("nilai-");
                }
            }
        }
    }
}
