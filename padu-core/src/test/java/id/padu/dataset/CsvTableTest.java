package id.padu.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The tokenizer against records encoded per RFC 4180, large enough to cross its 64 KiB buffer many times. */
class CsvTableTest {

    private static final String ALPHABET = "abcXYZ 019.-_;,\"\n\r\téü€漢";

    private record Parsed(List<List<String>> records, List<Long> lines, boolean decimalComma, List<String> failures) {
    }

    private static Parsed parse(String text) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        boolean[] comma = new boolean[1];
        CsvTable.read("t.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), new TableVisitor() {
            @Override
            public RowHandler table(String name, boolean decimalComma) {
                comma[0] = decimalComma;
                return new RowHandler() {
                    @Override
                    public void row(Row row) {
                        records.add(row.cells());
                        lines.add(row.line());
                    }

                    @Override
                    public void end() {
                    }
                };
            }

            @Override
            public void failed(String name, long line, String key, Object... args) {
                failures.add(line + " " + key);
            }
        });
        return new Parsed(records, lines, comma[0], failures);
    }

    private static String encode(List<List<String>> records, char sep) {
        StringBuilder sb = new StringBuilder();
        for (List<String> r : records) {
            for (int i = 0; i < r.size(); i++) {
                if (i > 0) {
                    sb.append(sep);
                }
                String c = r.get(i);
                boolean quote = c.indexOf(sep) >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0;
                sb.append(quote ? '"' + c.replace("\"", "\"\"") + '"' : c);
            }
            sb.append(sep == ';' ? "\r\n" : "\n");
        }
        return sb.toString();
    }

    @Test
    void randomRecordsComeBackExactlyAcrossBufferBoundaries() throws IOException {
        Random random = new Random(20261128);
        for (char sep : new char[] {',', ';'}) {
            List<List<String>> records = new ArrayList<>();
            records.add(List.of("h1", "h2", "h3", "h4"));
            long expectedLine = 2;
            List<Long> expectedLines = new ArrayList<>(List.of(1L));
            while (records.size() < 6000) {
                List<String> r = new ArrayList<>();
                int newlines = 0;
                for (int i = 0; i < 4; i++) {
                    StringBuilder cell = new StringBuilder("x"); // non-blank ends: the reader trims
                    int len = random.nextInt(i == 3 && random.nextInt(50) == 0 ? 70_000 : 30);
                    for (int k = 0; k < len; k++) {
                        char ch = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                        if (ch == '\r') {
                            continue; // a bare CR outside quotes is dropped, inside it is kept: keep the test simple
                        }
                        newlines += ch == '\n' ? 1 : 0;
                        cell.append(ch);
                    }
                    r.add(cell.append('y').toString());
                }
                records.add(r);
                expectedLines.add(expectedLine);
                expectedLine += 1 + newlines;
            }
            Parsed p = parse(encode(records, sep));
            assertThat(p.failures()).isEmpty();
            assertThat(p.decimalComma()).isEqualTo(sep == ';');
            assertThat(p.records()).hasSize(records.size());
            for (int i = 0; i < records.size(); i++) {
                assertThat(p.records().get(i)).as("record %d", i).isEqualTo(records.get(i));
            }
            assertThat(p.lines()).isEqualTo(expectedLines);
        }
    }

    @Test
    void quotesAtTheEdgesOfTheDialect() throws IOException {
        Parsed p = parse("a,b,c\n\"\",\"x\"\"\",5\" inch\n\"q\" ,  sp  ,\n");
        assertThat(p.records()).containsExactly(List.of("a", "b", "c"), List.of("", "x\"", "5\" inch"), List.of("q", "sp", ""));
        assertThat(p.failures()).isEmpty();

        assertThat(parse("a,b\n\"x\"y,1\n").failures()).containsExactly("2 csv.afterQuote");
        assertThat(parse("a,b\n1,2\n\"open,3\n4,5\n").failures()).containsExactly("3 csv.unterminatedQuote");
    }

    @Test
    void lastLineWithoutNewlineAndTrailingSeparator() throws IOException {
        assertThat(parse("a,b\n1,").records()).containsExactly(List.of("a", "b"), List.of("1", ""));
        assertThat(parse("a,b\n1,2").records()).containsExactly(List.of("a", "b"), List.of("1", "2"));
    }

    @Test
    void malformedUtf8IsReportedNotGuessed() throws IOException {
        byte[] bytes = "a,b\n1,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        List<String> failures = new ArrayList<>();
        CsvTable.read("t.csv", new ByteArrayInputStream(bytes), new TableVisitor() {
            @Override
            public RowHandler table(String name, boolean decimalComma) {
                return new RowHandler() {
                    @Override
                    public void row(Row row) {
                    }

                    @Override
                    public void end() {
                        failures.add("end");
                    }
                };
            }

            @Override
            public void failed(String name, long line, String key, Object... args) {
                failures.add(key);
            }
        });
        assertThat(failures).containsExactly("csv.notUtf8");
    }

    private static CsvTable.Records readAll(String text) throws Exception {
        return CsvTable.readAll("targets.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSmallFileReadWholeIsTheSameWithCommasOrExcelSemicolons() throws Exception {
        CsvTable.Records comma = readAll("\uFEFFagency,host\n\nRSUD,\"10.0.0.1\"\n,,\nDINKES,10.0.0.2\n");
        CsvTable.Records semicolon = readAll("agency;host\r\n\r\nRSUD;\"10.0.0.1\"\r\n;;\r\nDINKES;10.0.0.2\r\n");
        for (CsvTable.Records r : List.of(comma, semicolon)) {
            assertThat(r.header()).containsExactly("agency", "host");
            assertThat(r.rows()).extracting(CsvTable.Record::line).containsExactly(3L, 5L);
            assertThat(r.rows().get(0).cell(1)).isEqualTo("10.0.0.1");
            assertThat(r.rows().get(1).cell(7)).isEmpty();
        }
        assertThat(readAll("").header()).isEmpty();
    }

    @Test
    void aSmallFileThatIsNoCsvNamesFileLineAndReasonInTheUsersLanguage() {
        assertThatThrownBy(() -> readAll("agency,host\nRSUD,\"10.0.0.1\n"))
                .isInstanceOfSatisfying(DatasetException.class, e -> {
                    DatasetError error = e.errors().get(0);
                    assertThat(error.message(java.util.Locale.ENGLISH))
                            .isEqualTo("targets.csv:2: a quote opened on this line is never closed");
                    assertThat(error.reason(java.util.Locale.forLanguageTag("id")))
                            .isEqualTo("tanda kutip yang dibuka di baris ini tidak pernah ditutup");
                });
    }
}
