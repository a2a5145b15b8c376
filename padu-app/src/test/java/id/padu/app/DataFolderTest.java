package id.padu.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue #19: the data folder and the server's files in it were world-readable (0755, 0644). */
class DataFolderTest extends H2AppTest {

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void theDataFolderIsTheServersAloneAndSoIsEveryFileInIt() throws Exception {
        Path folder = Path.of("target/test-data/h2");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        String url;
        try (var c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
        }
        Path database = Path.of(url.substring("jdbc:h2:file:".length()).split(";")[0] + ".mv.db");
        assertThat(database).exists();
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(f -> f.getFileName().toString().endsWith(".key") || f.equals(database.normalize())
                    || f.getFileName().equals(database.getFileName())).toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(3); // the database, secret.key, audit.key
        for (Path f : files) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString()).isEqualTo("rw-------");
        }
    }
}
