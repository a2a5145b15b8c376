package id.padu.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a dataset's tables come from: a folder of CSV files, a zip of them, or (in padu-app) an
 * XLSX workbook. Every form feeds the same {@link DatasetReader} validation.
 */
public interface TableSource {

    /** Feeds every table to the visitor, in any order. */
    void read(TableVisitor visitor) throws IOException;

    /** A dataset folder: {@code *.csv} at its root and {@code usage/*.csv}. */
    static TableSource folder(Path folder) {
        return new CsvSources.Folder(folder);
    }

    /**
     * Individual CSV files, e.g. uploaded one by one: name ({@code agencies.csv},
     * {@code usage/2025-01.csv}) to a way to open its content. Each is opened once and closed.
     */
    static TableSource csvFiles(Map<String, Opener> files) {
        Map<String, Opener> copy = new LinkedHashMap<>(files);
        return visitor -> {
            for (Map.Entry<String, Opener> f : copy.entrySet()) {
                try (InputStream in = f.getValue().open()) {
                    CsvTable.read(f.getKey(), in, visitor);
                }
            }
        };
    }

    /** Opens the content of one file. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    /** A zip of the CSV files, at its root or inside one top folder. Read once, as it streams. */
    static TableSource zip(InputStream zip) {
        return zip(zip, ReadLimits.DEFAULT);
    }

    /** As {@link #zip(InputStream)}, refusing a zip beyond the given limits (size, entries, records). */
    static TableSource zip(InputStream zip, ReadLimits limits) {
        return new CsvSources.Zip(zip, limits);
    }
}
