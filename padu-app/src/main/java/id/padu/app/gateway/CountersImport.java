package id.padu.app.gateway;

import id.padu.app.usage.UsageStore;
import id.padu.domain.BitRate;
import id.padu.domain.UsageSeries;
import id.padu.dataset.CsvTable;
import id.padu.dataset.DatasetError;
import id.padu.dataset.DatasetException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the output of {@code padu shape counters} (usage rows {@code agency,time,down_bps,up_bps},
 * the dataset's usage format) into the usage store. Every row is checked before anything is
 * written, and the whole import is one transaction: a bad row leaves the store as it was.
 */
@Service
class CountersImport {

    static final List<String> COLUMNS = List.of("agency", "time", "down_bps", "up_bps");
    /** The step of an agency with a single row, as the dataset reader assumes. */
    static final int DEFAULT_STEP = 300;

    /**
     * A row that cannot be imported: line number (1 = header), column, value and message key (of
     * the app's messages, or a {@code csv.*} key of the CSV reader when the text is no CSV).
     */
    static final class CountersException extends Exception {
        final int line;
        final String field;
        final String value;
        final String key;
        final Object[] args;

        CountersException(int line, String field, String value, String key, Object... args) {
            super("line " + line + ": " + field + " " + value + ": " + key);
            this.line = line;
            this.field = field;
            this.value = value;
            this.key = key;
            this.args = args;
        }

        /** What is wrong, in the user's language, without line, field and value. */
        String reason(MessageSource messages, Locale locale) {
            if (key.startsWith("csv.")) {
                return new DatasetError("", 0, null, null, key, List.of(args)).reason(locale);
            }
            return messages.getMessage(key, args, locale);
        }
    }

    record Imported(int agencies, int samples) {
    }

    private record Sample(int line, long time, long down, long up) {
    }

    private final UsageStore usage;

    CountersImport(UsageStore usage) {
        this.usage = usage;
    }

    @Transactional
    Imported importCsv(String text) throws CountersException {
        List<UsageSeries> series = parse(text);
        for (UsageSeries s : series) {
            if (!usage.agencyExists(s.agency())) {
                throw new CountersException(0, "agency", s.agency(), "gw.counters.unknownAgency");
            }
            checkGrid(s);
        }
        int samples = 0;
        for (UsageSeries s : series) {
            usage.write(s);
            samples += s.measuredCount();
        }
        return new Imported(series.size(), samples);
    }

    /**
     * The store keeps one step per agency and drops the old samples when a series on another grid
     * arrives; counters at another step than the agency's history are refused rather than
     * silently replacing a year of measurements.
     */
    private void checkGrid(UsageSeries s) throws CountersException {
        Optional<Instant[]> extent = usage.extent(s.agency());
        if (extent.isEmpty()) {
            return;
        }
        Instant end = extent.get()[1];
        Optional<UsageSeries> tail = usage.read(s.agency(), end.minusSeconds(86_400), end);
        if (tail.isEmpty()) {
            return;
        }
        UsageSeries stored = tail.get();
        boolean single = s.size() == 1;
        if ((!single && stored.stepSeconds() != s.stepSeconds())
                || Math.floorMod(s.startEpochSecond() - stored.startEpochSecond(), stored.stepSeconds()) != 0) {
            throw new CountersException(0, "time", s.agency(), "gw.counters.grid", s.agency(), stored.stepSeconds(), s.stepSeconds());
        }
    }

    /**
     * The rows as one series per agency (sorted by code); a gap between rows is a missing sample.
     * Read by the dataset's CSV reader, so a file Excel saved with {@code ;} imports too.
     */
    static List<UsageSeries> parse(String text) throws CountersException {
        CsvTable.Records table;
        try {
            table = CsvTable.readAll("counters.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (DatasetException e) {
            DatasetError d = e.errors().get(0);
            throw new CountersException((int) d.line(), "", "", d.key(), d.args().toArray());
        } catch (IOException e) {
            throw new IllegalStateException(e); // reading a byte array does not fail
        }
        List<String> names = table.header();
        if (names.isEmpty()) {
            throw new CountersException(1, "header", "", "gw.counters.empty");
        }
        int[] col = new int[COLUMNS.size()];
        for (int c = 0; c < COLUMNS.size(); c++) {
            col[c] = names.indexOf(COLUMNS.get(c));
            if (col[c] < 0) {
                throw new CountersException(1, COLUMNS.get(c), String.join(",", names), "gw.counters.column", COLUMNS.get(c));
            }
        }
        Map<String, List<Sample>> byAgency = new TreeMap<>();
        for (CsvTable.Record r : table.rows()) {
            int line = (int) r.line();
            if (r.cells().size() != names.size()) {
                throw new CountersException(line, "", String.join(",", r.cells()), "gw.counters.cells", names.size(), r.cells().size());
            }
            String agency = r.cell(col[0]);
            if (agency.isEmpty()) {
                throw new CountersException(line, "agency", "", "gw.counters.required");
            }
            long time;
            String t = r.cell(col[1]);
            try {
                time = OffsetDateTime.parse(t).toEpochSecond();
            } catch (DateTimeParseException e) {
                throw new CountersException(line, "time", t, "gw.counters.time");
            }
            long down = rate(r.cell(col[2]), line, "down_bps");
            long up = rate(r.cell(col[3]), line, "up_bps");
            byAgency.computeIfAbsent(agency, k -> new ArrayList<>()).add(new Sample(line, time, down, up));
        }
        List<UsageSeries> out = new ArrayList<>();
        for (Map.Entry<String, List<Sample>> e : byAgency.entrySet()) {
            out.add(series(e.getKey(), e.getValue()));
        }
        return out;
    }

    private static long rate(String v, int line, String field) throws CountersException {
        try {
            long r = Long.parseLong(v);
            if (r < 0) {
                throw new CountersException(line, field, v, "gw.counters.rate");
            }
            if (r > BitRate.MAX_BPS) {
                // 1 Tbit/s, the bound of every rate Padu takes in (docs/security.md, "Numbers")
                throw new CountersException(line, field, v, "gw.counters.rateTooLarge");
            }
            return r;
        } catch (NumberFormatException e) {
            throw new CountersException(line, field, v, "gw.counters.rate");
        }
    }

    /** The step is the agency's smallest spacing; every row must lie on that grid, once. */
    private static UsageSeries series(String agency, List<Sample> samples) throws CountersException {
        samples.sort((a, b) -> Long.compare(a.time, b.time));
        long step = DEFAULT_STEP;
        for (int i = 1; i < samples.size(); i++) {
            long gap = samples.get(i).time - samples.get(i - 1).time;
            if (gap == 0) {
                Sample s = samples.get(i);
                throw new CountersException(s.line, "time", String.valueOf(Instant.ofEpochSecond(s.time)), "gw.counters.duplicate", agency);
            }
            step = i == 1 ? gap : Math.min(step, gap);
        }
        long first = samples.get(0).time;
        long last = samples.get(samples.size() - 1).time;
        for (Sample s : samples) {
            if ((s.time - first) % step != 0) {
                throw new CountersException(s.line, "time", String.valueOf(Instant.ofEpochSecond(s.time)), "gw.counters.offGrid", agency, step);
            }
        }
        long n = (last - first) / step + 1;
        if (n > 366L * 86_400 / Math.max(step, 1)) {
            throw new CountersException(samples.get(samples.size() - 1).line, "time", String.valueOf(Instant.ofEpochSecond(last)),
                    "gw.counters.span", agency);
        }
        long[] down = new long[(int) n];
        long[] up = new long[(int) n];
        Arrays.fill(down, UsageSeries.MISSING);
        Arrays.fill(up, UsageSeries.MISSING);
        for (Sample s : samples) {
            int i = (int) ((s.time - first) / step);
            down[i] = s.down;
            up[i] = s.up;
        }
        return new UsageSeries(agency, first, (int) step, down, up);
    }
}
