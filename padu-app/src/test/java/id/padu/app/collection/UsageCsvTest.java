package id.padu.app.collection;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.dataset.DatasetReader;
import id.padu.domain.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the collectors write is read back by the dataset reader as the same usage. */
class UsageCsvTest {

    @TempDir
    Path dir;

    @Test
    void writtenUsageIsReadBackByTheDatasetReaderWithItsStepAndGaps() throws Exception {
        Files.writeString(dir.resolve("agencies.csv"), "code,name,prefixes\nDINKES,Dinas Kesehatan,10.5.0.0/16\nRSUD,RSUD,\n");
        Files.writeString(dir.resolve("subscriptions.csv"), "agency,provider,product,kind,down_mbps,up_mbps,monthly_cost_idr\n");
        long t0 = 1_764_288_000L; // a multiple of 60 s
        List<UsageCsv.Row> rows = List.of(
                new UsageCsv.Row("DINKES", t0, 8_000_000, 1_000_000),
                new UsageCsv.Row("DINKES", t0 + 60, 9_000_000, 1_100_000),
                // t0 + 120 not measured: left out, not zero
                new UsageCsv.Row("DINKES", t0 + 180, 7_000_000, 900_000));
        UsageCsv.write(dir.resolve("usage").resolve("snmp.csv"), rows);
        assertThat(Files.readAllLines(dir.resolve("usage").resolve("snmp.csv")).get(1))
                .isEqualTo("DINKES,2025-11-28T07:00:00+07:00,8000000,1000000");
        Dataset ds = DatasetReader.readFolder(dir);
        var series = ds.usageOf("DINKES").orElseThrow();
        assertThat(series.stepSeconds()).isEqualTo(60);
        assertThat(series.startEpochSecond()).isEqualTo(t0);
        assertThat(series.downBps()).containsExactly(8_000_000, 9_000_000, -1, 7_000_000);
        assertThat(UsageCsv.singleRowsOffTheDefaultGrid(rows)).isEmpty();
        assertThat(UsageCsv.singleRowsOffTheDefaultGrid(List.of(new UsageCsv.Row("RSUD", t0 + 60, 1, 1)))).containsExactly("RSUD");
    }
}
