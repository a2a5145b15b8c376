package id.padu.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one CSV reader of Padu: datasets, targets.csv of {@code padu collect snmp} and the counters
 * of {@code padu shape counters} are all read here, so every CSV file a user gives Padu follows
 * the same rules. A hand-written RFC 4180 tokenizer: one pass over a buffered reader, no object
 * per cell, so a usage file of millions of rows streams at disk speed. Accepts a UTF-8 BOM, CRLF
 * or LF, quoted fields with {@code ""} escapes and line breaks, and {@code ;} as the separator
 * when the header line uses it (Excel in an Indonesian locale saves CSV that way).
 *
 * <p>{@link #cell} writes a cell the way this reader reads it back, for every CSV file Padu writes
 * in the dataset's conventions (the dataset export, usage rows).
 *
 * <p>Problems are reported with the keys {@code csv.afterQuote}, {@code csv.unterminatedQuote} and
 * {@code csv.notUtf8} of the dataset bundle (see {@link DatasetError#reason}), and
 * {@code limit.recordChars} / {@code limit.cells} for a record beyond its {@link ReadLimits}: a
 * record is held whole while it is read, so its size is what must be bounded.
 */
public final class CsvTable {

    private static final int START = 0;
    private static final int PLAIN = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_SEEN = 3;

    private CsvTable() {
    }

    /** A small file read whole: its first non-blank record and the non-blank records after it. */
    public record Records(List<String> header, List<Record> rows) {
    }

    /** One record: the line it starts on (the header is line 1 unless blank lines or Excel's {@code sep=} come first) and its trimmed cells. */
    public record Record(long line, List<String> cells) {

        /** The cell of the 0-based column, {@code ""} when the record is shorter. */
        public String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }
    }

    /**
     * Reads a small CSV file (targets, counters) into memory, skipping blank records; the header
     * is empty when the file has no record at all.
     *
     * @param name the file name to show in the problem
     * @throws DatasetException with one {@code csv.*} problem when the file is no valid CSV
     */
    public static Records readAll(String name, InputStream in) throws IOException, DatasetException {
        List<List<String>> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        List<DatasetError> failures = new ArrayList<>();
        read(name, in, new TableVisitor() {
            @Override
            public RowHandler table(String table, boolean decimalComma) {
                return new RowHandler() {
                    @Override
                    public void row(Row row) {
                        if (row.isBlank()) {
                            return;
                        }
                        records.add(row.cells());
                        lines.add(row.line());
                    }

                    @Override
                    public void end() {
                    }
                };
            }

            @Override
            public void failed(String table, long line, String key, Object... args) {
                failures.add(new DatasetError(table, line, null, null, key, List.of(args)));
            }
        });
        if (!failures.isEmpty()) {
            throw new DatasetException(failures);
        }
        if (records.isEmpty()) {
            return new Records(List.of(), List.of());
        }
        List<Record> rows = new ArrayList<>(records.size() - 1);
        for (int i = 1; i < records.size(); i++) {
            rows.add(new Record(lines.get(i), List.copyOf(records.get(i))));
        }
        return new Records(List.copyOf(records.get(0)), List.copyOf(rows));
    }

    /**
     * Streams one table to {@code visitor}: the header and every record (blank ones too), or a
     * {@link TableVisitor#failed failure} where the text stops being CSV.
     */
    public static void read(String name, InputStream in, TableVisitor visitor) throws IOException {
        read(name, in, visitor, ReadLimits.DEFAULT);
    }

    /**
     * As {@link #read(String, InputStream, TableVisitor)}, within the given record limits; a
     * {@link LimitExceededException} from {@code in} (a zip's size bound) is reported at the line reached.
     */
    static void read(String name, InputStream in, TableVisitor visitor, ReadLimits limits) throws IOException {
        int maxChars = limits.maxRecordChars();
        int maxCells = limits.maxCells();
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        char[] buf = new char[1 << 16];
        int lim = 0;
        long line = 1;
        try {
            // Fill the first buffer completely so the header line can be inspected for its separator.
            int n;
            while (lim < buf.length && (n = reader.read(buf, lim, buf.length - lim)) > 0) {
                lim += n;
            }
            int pos = 0;
            if (lim > 0 && buf[0] == '\uFEFF') {
                pos = 1;
            }
            char sep;
            int hint = separatorHint(buf, pos, lim);
            if (hint > 0) {
                // Excel's "sep=;" first line: it names the separator and is not the header.
                sep = buf[pos + 4];
                pos = hint;
                line = 2;
            } else {
                sep = separatorOfHeader(buf, pos, lim);
            }
            RowHandler handler = visitor.table(name, sep == ';');
            if (handler == null) {
                return;
            }
            Row row = new Row();
            row.reset(line);
            int state = START;
            long quoteLine = 0;
            while (true) {
                for (; pos < lim; pos++) {
                    char c = buf[pos];
                    switch (state) {
                        case START, PLAIN -> {
                            if (c == sep) {
                                row.endCsvField();
                                if (row.size() >= maxCells) {
                                    visitor.failed(name, row.line(), "limit.cells", maxCells);
                                    return;
                                }
                                state = START;
                            } else if (c == '\n') {
                                row.endCsvField();
                                handler.row(row);
                                row.reset(++line);
                                state = START;
                            } else if (c == '"' && state == START) {
                                state = QUOTED;
                                quoteLine = line;
                            } else if (c != '\r') {
                                // Copy the run of ordinary characters at once: this is the hot loop.
                                int from = pos;
                                while (pos + 1 < lim) {
                                    char d = buf[pos + 1];
                                    if (d == sep || d == '\n' || d == '\r' || d == '"') {
                                        break;
                                    }
                                    pos++;
                                }
                                row.append(buf, from, pos - from + 1);
                                if (row.length() > maxChars) {
                                    visitor.failed(name, row.line(), "limit.recordChars", maxChars);
                                    return;
                                }
                                state = PLAIN;
                            }
                        }
                        case QUOTED -> {
                            if (c == '"') {
                                state = QUOTE_SEEN;
                            } else {
                                if (c == '\n') {
                                    line++;
                                }
                                row.append(c);
                                if (row.length() > maxChars) {
                                    visitor.failed(name, row.line(), "limit.recordChars", maxChars);
                                    return;
                                }
                            }
                        }
                        default -> { // QUOTE_SEEN: a closing quote or the first of a doubled one
                            if (c == '"') {
                                row.append('"');
                                state = QUOTED;
                            } else if (c == sep) {
                                row.endCsvField();
                                if (row.size() >= maxCells) {
                                    visitor.failed(name, row.line(), "limit.cells", maxCells);
                                    return;
                                }
                                state = START;
                            } else if (c == '\n') {
                                row.endCsvField();
                                handler.row(row);
                                row.reset(++line);
                                state = START;
                            } else if (c != ' ' && c != '\t' && c != '\r') {
                                visitor.failed(name, line, "csv.afterQuote", String.valueOf(c));
                                return;
                            }
                        }
                    }
                }
                lim = reader.read(buf, 0, buf.length);
                if (lim < 0) {
                    break;
                }
                pos = 0;
            }
            if (state == QUOTED) {
                visitor.failed(name, quoteLine, "csv.unterminatedQuote");
                return;
            }
            if (state != START || row.size() > 0) {
                row.endCsvField();
                handler.row(row);
            }
            handler.end();
        } catch (CharacterCodingException e) {
            visitor.failed(name, line, "csv.notUtf8");
        } catch (LimitExceededException e) {
            visitor.failed(name, line, e.key(), e.args());
        }
    }

    /**
     * A cell as written to a CSV file: as it is, or in quotes (with {@code ""} for a quote) when it
     * holds a separator ({@code ,} or {@code ;}), a quote or a line break. A text that a spreadsheet
     * would take for a formula (it starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or
     * a carriage return, after any apostrophes) gets an apostrophe in front, as OWASP advises against
     * CSV injection; a plain number ({@code -5}, {@code 2.5}) stays a number. The reader takes one
     * such apostrophe off again, so what is written reads back as it was.
     */
    public static String cell(String text) {
        String t = looksLikeFormula(text) ? "'" + text : text;
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (ch == ',' || ch == '"' || ch == '\n' || ch == '\r' || ch == ';') {
                return '"' + t.replace("\"", "\"\"") + '"';
            }
        }
        return t;
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    /** Apostrophes, then a character that starts a formula; a plain number excepted. */
    static boolean looksLikeFormula(CharSequence text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) == '\'') {
            i++;
        }
        return i < text.length() && isFormulaStart(text.charAt(i)) && !(i == 0 && NUMBER.matcher(text).matches());
    }

    static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** After an Excel {@code sep=X} line: the position where the next line starts; else -1. */
    static int separatorHint(char[] buf, int from, int lim) {
        if (lim - from < 5 || !new String(buf, from, 4).equalsIgnoreCase("sep=")) {
            return -1;
        }
        char sep = buf[from + 4];
        if (sep != ';' && sep != ',') {
            return -1;
        }
        int p = from + 5;
        if (p < lim && buf[p] == '\r') {
            p++;
        }
        if (p < lim && buf[p] == '\n') {
            return p + 1;
        }
        return p == lim ? p : -1;
    }

    /** {@code ;} when the header line has a {@code ;} outside quotes and no {@code ,}; else {@code ,}. */
    static char separatorOfHeader(char[] buf, int from, int lim) {
        boolean quoted = false;
        boolean semicolon = false;
        for (int i = from; i < lim; i++) {
            char c = buf[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == '\n') {
                    break;
                } else if (c == ',') {
                    return ',';
                } else if (c == ';') {
                    semicolon = true;
                }
            }
        }
        return semicolon ? ';' : ',';
    }
}
