package id.padu.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

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

    /** A zip of the CSV files, at its root or inside one top folder. Read once, as it streams. */
    static TableSource zip(InputStream zip) {
        return new CsvSources.Zip(zip);
    }
}
