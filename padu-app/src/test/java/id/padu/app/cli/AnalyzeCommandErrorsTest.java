package id.padu.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unix manners of {@code padu analyze} on bad usage and bad input: nothing on stdout, a clear message, the right code. */
class AnalyzeCommandErrorsTest {

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void missingFolderIsBadInputWithAMessageInBahasaIndonesia(@TempDir Path tmp) {
        CliRun r = run("analyze", tmp.resolve("tidak-ada").toString(), "--lang", "id");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("Folder dataset tidak ditemukan").contains("tidak-ada");
        CliRun en = run("analyze", tmp.resolve("missing").toString(), "--lang", "en");
        assertThat(en.err()).contains("Dataset folder not found");
    }

    @Test
    void quantileOutsideZeroToOneIsBadUsage(@TempDir Path tmp) {
        CliRun r = run("analyze", tmp.toString(), "--quantile", "1.5", "--lang", "id");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("1,5");
        assertThat(run("analyze", tmp.toString(), "--quantile", "0").code()).isEqualTo(2);
    }

    @Test
    void unknownFormatIsBadUsage(@TempDir Path tmp) {
        CliRun r = run("analyze", tmp.toString(), "--format", "xml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
    }
}
