package id.padu.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.app.datasets.XlsxDatasets;
import id.padu.dataset.DatasetReader;
import id.padu.dataset.DatasetWriter;
import id.padu.domain.BitRate;
import id.padu.domain.Dataset;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code padu validate} run in-process against the fixtures under {@code src/test/resources/datasets}. */
class ValidateCommandTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = PaduCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static String fixture(String name) {
        try {
            return Path.of(ValidateCommandTest.class.getResource("/datasets/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void goodDatasetPrintsASummaryAndExitsZero() {
        Run r = run("validate", fixture("good"), "--lang", "id");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("Dataset sah: ")
                .containsPattern("agencies\\.csv +4 baris")
                .containsPattern("subscriptions\\.csv +5 baris")
                .containsPattern("offers\\.csv +2 baris")
                .containsPattern("links\\.csv +3 baris")
                .containsPattern("usage\\.csv +36 baris")
                .contains("Instansi dengan data pemakaian: 3 dari 4")
                .contains("Periode pemakaian: 2025-03-03 08:00 s.d. 2025-03-03 09:00 WIB")
                .contains("Langkah: 300 s");
    }

    @Test
    void summaryInEnglish() {
        Run r = run("validate", "--lang", "en", fixture("good"));
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Dataset valid: ").containsPattern("agencies\\.csv +4 rows")
                .contains("Agencies with usage: 3 of 4").contains("Usage period: 2025-03-03 08:00 to 2025-03-03 09:00 WIB")
                .contains("Step: 300 s");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing-file           | subscriptions.csv: berkas wajib tidak ada
            missing-column         | offers.csv:1 [monthly_cost_idr]: kolom wajib tidak ada di baris judul
            unknown-agency         | subscriptions.csv:5 [agency] "BAPEDA": kode instansi tidak ada di agencies.csv
            duplicate-code         | agencies.csv:6 [code] "RSUD": kode instansi sudah dipakai di baris 3
            negative-money         | subscriptions.csv:5 [monthly_cost_idr] "-427000": tidak boleh negatif
            non-numeric-money      | links.csv:4 [monthly_cost_idr] "Rp 750.000": harus bilangan bulat
            bad-date               | subscriptions.csv:3 [start_date] "01/06/2024": tanggal harus berformat yyyy-mm-dd
            end-before-start       | subscriptions.csv:2 [end_date] "2023-12-31": tanggal berakhir sebelum tanggal mulai (2024-01-01)
            bad-cidr               | agencies.csv:4 [prefixes] "10.40.0.0/33": bukan jaringan CIDR
            unknown-enum           | links.csv:4 [link_type] "satelit": nilai tidak dikenal; yang boleh: fiber, radio, vpn, leased, existing
            usage-irregular-step   | usage.csv:6 [time] "2025-03-03T08:22:00+07:00": waktu tidak tepat pada kisi langkah 300 detik instansi DISKOMINFO
            usage-non-numeric-rate | usage.csv:16 [down_bps] "12.000.000": laju harus bilangan bulat bit per detik
            empty-file             | services.csv: berkas kosong (tidak ada baris judul kolom)
            """)
    void eachBadInputIsRejectedWithFileAndLine(String name, String expected) {
        Run r = run("validate", fixture(name), "--lang", "id");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty(); // nothing on stdout when the dataset is rejected
        assertThat(r.err().lines()).anySatisfy(line -> assertThat(line).startsWith(expected));
        assertThat(r.err()).contains("Dataset ditolak: 1 kesalahan.");
    }

    @Test
    void errorsInEnglishWithTheSameLocation() {
        Run r = run("validate", "--lang", "en", fixture("negative-money"));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("subscriptions.csv:5 [monthly_cost_idr] \"-427000\": must not be negative")
                .contains("Dataset rejected: 1 error.");
    }

    @Test
    void manyErrorsAreCountedInFullThoughNotAllListed(@TempDir Path dir) throws Exception {
        Dataset good = DatasetReader.readFolder(Path.of(fixture("good")));
        DatasetWriter.writeFolder(good, dir);
        StringBuilder usage = new StringBuilder("agency,time,down_bps,up_bps\n");
        for (int i = 0; i < 130; i++) {
            usage.append("RSUD,2025-03-03T").append(String.format("%02d:%02d", 8 + i / 12, i % 12 * 5)).append(":00+07:00,n/a,1\n");
        }
        Files.writeString(dir.resolve("usage.csv"), usage);
        Run r = run("validate", dir.toString(), "--lang", "en");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines().filter(l -> l.matches("usage\\.csv:[0-9]+ .*"))).hasSize(50);
        assertThat(r.err()).contains("usage.csv: and 80 more errors of the same kind in this file, not shown")
                .contains("Dataset rejected: 130 errors.");
    }

    @Test
    void utf8BomIsAccepted() {
        Run r = run("validate", fixture("utf8-bom"));
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).containsPattern("agencies\\.csv +4 ");
    }

    @Test
    void excelSemicolonFilesAreAcceptedWithTheirDecimalComma() throws Exception {
        Run r = run("validate", fixture("excel-semicolon"));
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        Dataset d = DatasetReader.readFolder(Path.of(fixture("excel-semicolon")));
        assertThat(d.subscriptionsOf("BAPPEDA").get(0).up()).isEqualTo(BitRate.ofBps(2_500_000));
        assertThat(d.settings().growth()).isEqualTo(0.25);
        Dataset good = DatasetReader.readFolder(Path.of(fixture("good")));
        assertThat(d.agencies()).isEqualTo(good.agencies());
        assertThat(d.usage()).isEqualTo(good.usage());
    }

    @Test
    void warningsGoToStandardErrorAndTheDatasetStillPasses(@TempDir Path dir) throws Exception {
        Dataset good = DatasetReader.readFolder(Path.of(fixture("good")));
        DatasetWriter.writeFolder(good, dir);
        Files.writeString(dir.resolve("agencies.csv"),
                Files.readString(dir.resolve("agencies.csv")).replaceFirst("prefixes", "prefixes,catatan"));
        Run r = run("validate", dir.toString(), "--lang", "en");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEqualTo("warning: agencies.csv:1 [catatan]: column not known to format v1, ignored"
                + System.lineSeparator());
        assertThat(r.out()).contains("Dataset valid");
    }

    @Test
    void zipAndXlsxFormsValidateToo(@TempDir Path dir) throws Exception {
        Dataset good = DatasetReader.readFolder(Path.of(fixture("good")));
        Path zip = dir.resolve("kotim.zip");
        try (OutputStream out = Files.newOutputStream(zip)) {
            DatasetWriter.writeZip(good, out);
        }
        Path xlsx = dir.resolve("kotim.xlsx");
        try (OutputStream out = Files.newOutputStream(xlsx)) {
            XlsxDatasets.write(good, out);
        }
        Run fromZip = run("validate", zip.toString(), "--lang", "en");
        assertThat(fromZip.code()).isZero();
        assertThat(fromZip.out()).containsPattern("usage\\.csv +36 rows");
        Run fromXlsx = run("validate", xlsx.toString(), "--lang", "en");
        assertThat(fromXlsx.code()).isZero();
        assertThat(fromXlsx.out()).containsPattern("usage +36 rows");
    }

    @Test
    void missingFolderIsBadInputAndMissingArgumentIsBadUsage(@TempDir Path dir) {
        Run r = run("validate", dir.resolve("nope").toString(), "--lang", "en");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("dataset folder not found");
        assertThat(run("validate").code()).isEqualTo(2);
    }
}
