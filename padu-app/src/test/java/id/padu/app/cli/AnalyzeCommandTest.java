package id.padu.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code padu analyze DIR} end to end: a dataset folder written by hand in format v1, read by
 * the real reader, analysed, printed. The folder is the dataset of {@link AnalysisRenderingTest}
 * with one more sample per agency at 08:20 (DLH 9/1 Mbps, DISHUB 3/1 Mbps), which leaves every
 * figure checked by {@link AnalysisRenderingTest#assertHandComputedJson} unchanged:
 * DLH down 8, 9, 10, 12 -> Q95 rank 4 -> 12; DISHUB 1..5 -> Q95 rank 5 -> 5;
 * aggregate 14, 13, 5, 10, 12 -> Q95 rank 5 -> 14.
 */
class AnalyzeCommandTest {

    static Path small(Path tmp) throws IOException {
        Path dir = tmp.resolve("small");
        Files.createDirectories(dir);
        for (String f : new String[] {"agencies.csv", "subscriptions.csv", "usage.csv", "settings.csv"}) {
            try (var in = AnalyzeCommandTest.class.getResourceAsStream("/analyze/small/" + f)) {
                Files.copy(in, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }

    @Test
    void jsonOfAHandWrittenFolderHasTheHandComputedFigures(@TempDir Path tmp) throws IOException {
        CliRun r = CliRun.of("analyze", small(tmp).toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        AnalysisRenderingTest.assertHandComputedJson(r.out());
        JsonNode root = JsonMapper.builder().build().readTree(r.out());
        // the reference date comes from plan.start_date; DISHUB's contract ends within 12 months of it
        assertThat(root.get("referenceDate").asString()).isEqualTo("2025-03-10");
        assertThat(root.get("agencies").get(0).get("samples").asInt()).isEqualTo(4);
        // DLH's Q50 of 8, 9, 10, 12: rank 2 -> 9 Mbps
        assertThat(root.get("agencies").get(0).get("p50DownBps").asLong()).isEqualTo(9_000_000L);
    }

    @Test
    void quantileOptionChangesWhatCountsAsUsed(@TempDir Path tmp) throws IOException {
        // q = 0.5: DLH rank 2 of 8, 9, 10, 12 -> 9 Mbps, idle 51.960.000 x (1 - 9/40) = 40.269.000
        CliRun r = CliRun.of("analyze", small(tmp).toString(), "--format", "json", "--quantile", "0.5");
        JsonNode dlh = JsonMapper.builder().build().readTree(r.out()).get("agencies").get(0);
        assertThat(dlh.get("p95DownBps").asLong()).isEqualTo(9_000_000L);
        assertThat(dlh.get("idleAnnualIdr").asLong()).isEqualTo(40_269_000L);
    }

    @Test
    void tableAndCsvGoToStdoutOnly(@TempDir Path tmp) throws IOException {
        CliRun table = CliRun.of("analyze", small(tmp).toString(), "--lang", "id");
        assertThat(table.code()).isZero();
        assertThat(table.out()).contains("Rp 81.960.000", "Rp 51.372.000", "Gain multiplexing", "1,21");
        CliRun csv = CliRun.of("analyze", small(tmp).toString(), "--format", "csv");
        assertThat(csv.out().split("\n")).hasSize(3);
        assertThat(csv.out()).contains("DISHUB,\"Dinas Perhubungan, Kotim\",1,30000000,");
    }

    @Test
    void rejectedDatasetIsBadInputNamingFileLineAndValue(@TempDir Path tmp) throws IOException {
        Path dir = small(tmp);
        Files.writeString(dir.resolve("subscriptions.csv"),
                Files.readString(dir.resolve("subscriptions.csv")).replace("4000000", "empat juta"));
        CliRun r = CliRun.of("analyze", dir.toString(), "--format", "json", "--lang", "id");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("subscriptions.csv").contains("2").contains("empat juta");
    }

    @Test
    void demoExportIsAFolderThatAnalyzeReads(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("kotim");
        CliRun export = CliRun.of("demo", "--export", dir.toString());
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out()).isEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .contains("agencies.csv", "subscriptions.csv", "offers.csv", "links.csv", "services.csv", "settings.csv");
        }
        CliRun r = CliRun.of("analyze", dir.toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = JsonMapper.builder().build().readTree(r.out());
        assertThat(root.get("agencies")).hasSize(51);
        assertThat(root.get("aggregate").get("agenciesWithUsage").asInt()).isEqualTo(51);
        assertThat(root.get("aggregate").get("multiplexingGainDown").asDouble()).isGreaterThan(1.1);
        for (JsonNode a : root.get("agencies")) {
            assertThat(a.get("annualSpendIdr").asLong()).isBetween(30_000_000L, 400_000_000L);
            assertThat(a.get("utilizationDown").asDouble()).isLessThan(0.7);
        }
    }
}
