package id.padu.app.collection;

import id.padu.app.shared.AtomicFile;
import id.padu.dataset.UsageCsvWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes measured usage to a file in the dataset's usage format ({@link UsageCsvWriter}), rows
 * in time order. The file appears complete or not at all ({@link AtomicFile}).
 */
public final class UsageCsv {

    /** The average rates of one agency over the step starting at {@code stepStartEpochSecond}. */
    public record Row(String agency, long stepStartEpochSecond, long downBps, long upBps) {
    }


    private UsageCsv() {
    }

    /**
     * Agencies left with a single row whose time is off the 300 s grid: the dataset reader
     * infers an agency's step from the spacing of its rows and takes 300 s for a single row.
     */
    public static List<String> singleRowsOffTheDefaultGrid(List<Row> rows) {
        java.util.Map<String, List<Row>> byAgency = new java.util.TreeMap<>();
        for (Row r : rows) {
            byAgency.computeIfAbsent(r.agency(), k -> new ArrayList<>()).add(r);
        }
        List<String> out = new ArrayList<>();
        byAgency.forEach((agency, list) -> {
            if (list.size() == 1 && list.get(0).stepStartEpochSecond() % 300 != 0) {
                out.add(agency);
            }
        });
        return out;
    }

    public static void write(Path out, List<Row> rows) throws IOException {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong(Row::stepStartEpochSecond).thenComparing(Row::agency));
        Path dir = out.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        // Owner-only as the files of padu collect have always been.
        AtomicFile.writeOwnerOnly(out, o -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(o, StandardCharsets.UTF_8));
            UsageCsvWriter usage = new UsageCsvWriter();
            w.write(UsageCsvWriter.HEADER);
            w.write('\n');
            for (Row r : sorted) {
                w.write(usage.line(r.agency(), r.stepStartEpochSecond(), r.downBps(), r.upBps()));
                w.write('\n');
            }
            w.flush();
        });
    }
}
