package id.padu.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Issue #19, finding 8: a small zip that inflates to gigabytes (one 3 GiB line drove the server to
 * OutOfMemoryError) is refused at the file and line where a limit is passed, after reading only a
 * little of it; so are records with too many cells, zips with too many entries or too much content.
 */
class DatasetLimitsTest {

    private static final long GIB = 1L << 30;

    private static DatasetError onlyError(byte[] zip, ReadLimits limits) {
        DatasetException e = catchThrowableOfType(DatasetException.class,
                () -> DatasetReader.readZipResult(new ByteArrayInputStream(zip), limits));
        assertThat(e).as("the zip is refused").isNotNull();
        List<DatasetError> limitErrors = e.errors().stream().filter(x -> x.key().startsWith("limit.")).toList();
        assertThat(limitErrors).hasSize(1);
        return limitErrors.get(0);
    }

    @Test
    void aThreeGibLineInAThreeMegabyteZipIsRefusedAtItsLine() {
        byte[] zip = RepeatedZips.zip("agencies.csv", "code,name\nDINKES,", 'A', 3 * GIB);
        assertThat(zip.length).as("the zip of the issue: about 3 MB").isLessThan(4_000_000);

        DatasetError e = onlyError(zip, ReadLimits.DEFAULT);

        assertThat(e.file()).isEqualTo("agencies.csv");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.key()).isEqualTo("limit.recordChars");
        assertThat(e.message(Locale.ENGLISH)).isEqualTo("agencies.csv:2: this record is longer than 100,000 characters "
                + "(a missing line break or closing quote?); the file is read no further");
    }

    @Test
    void aQuotedCellThatNeverEndsIsRefusedAtTheLineItStarts() {
        byte[] zip = RepeatedZips.zip("kotim/services.csv", "agency,name\nDINKES,SIMPEG\nDINKES,\"", '\n', 3 * GIB);
        DatasetError e = onlyError(zip, ReadLimits.DEFAULT);
        assertThat(e.file()).isEqualTo("services.csv");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.key()).isEqualTo("limit.recordChars");
    }

    @Test
    void aLineOfSeparatorsIsRefusedForItsCells() {
        byte[] zip = RepeatedZips.zip("agencies.csv", "code,name\nDINKES,Dinas Kesehatan\nRSUD,", ',', 3 * GIB);
        DatasetError e = onlyError(zip, ReadLimits.DEFAULT);
        assertThat(e.file()).isEqualTo("agencies.csv");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.message(Locale.ENGLISH)).contains("more than 16,384 cells");
    }

    @Test
    void aZipThatInflatesBeyondTheLimitIsRefusedAtTheLineReached() {
        // Blank lines: no record limit is met, only the size of the whole zip.
        byte[] zip = RepeatedZips.zip("usage.csv", "agency,time,down_bps,up_bps\n", '\n', 3 * GIB);
        ReadLimits limits = ReadLimits.DEFAULT.withZip(64L << 20, 100);

        DatasetError e = onlyError(zip, limits);

        assertThat(e.file()).isEqualTo("usage.csv");
        assertThat(e.key()).isEqualTo("limit.uncompressed");
        assertThat(e.line()).isGreaterThan(60_000_000L).isLessThan(70_000_000L);
        assertThat(e.message(Locale.ENGLISH)).contains("more than 67,108,864 bytes");
    }

    @Test
    void theSizeLimitCountsTheSkippedRestOfAnEntryAndEntriesThatAreNoCsv() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("photo.jpg"));
            zip.write(new byte[3 << 20]);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("agencies.csv"));
            zip.write("code,name\nDINKES,Dinas Kesehatan\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        DatasetError e = onlyError(bytes.toByteArray(), ReadLimits.DEFAULT.withZip(1L << 20, 100));
        assertThat(e.file()).as("the entry being skipped").isEqualTo("photo.jpg");
        assertThat(e.key()).isEqualTo("limit.uncompressed");
    }

    @Test
    void aZipOfTooManyEntriesIsRefusedAtTheFirstOneTooMany() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 1; i <= 20; i++) {
                zip.putNextEntry(new ZipEntry("usage/" + i + ".csv"));
                zip.write("agency,time,down_bps,up_bps\n".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        DatasetError e = onlyError(bytes.toByteArray(), ReadLimits.DEFAULT.withZip(GIB, 10));
        assertThat(e.file()).isEqualTo("usage/11.csv");
        assertThat(e.key()).isEqualTo("limit.entries");
        assertThat(e.message(Locale.ENGLISH)).isEqualTo("usage/11.csv: the zip has more than 10 entries; it is read no further");
    }

    @Test
    void aCsvFileOnItsOwnIsBoundedPerRecordToo() throws IOException {
        List<String> failures = new java.util.ArrayList<>();
        String text = "code,name\nA,short\nB," + "x".repeat(50) + "\nC,never read\n";
        CsvTable.read("agencies.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), new TableVisitor() {
            @Override
            public RowHandler table(String name, boolean decimalComma) {
                return new RowHandler() {
                    @Override
                    public void row(Row row) {
                        failures.add("row " + row.line());
                    }

                    @Override
                    public void end() {
                        failures.add("end");
                    }
                };
            }

            @Override
            public void failed(String name, long line, String key, Object... args) {
                failures.add(name + ":" + line + " " + key + " " + args[0]);
            }
        }, new ReadLimits(40, 3, GIB, 10));
        assertThat(failures).containsExactly("row 1", "row 2", "agencies.csv:3 limit.recordChars 40");
    }
}
