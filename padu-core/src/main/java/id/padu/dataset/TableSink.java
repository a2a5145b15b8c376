package id.padu.dataset;

import java.io.IOException;
import java.util.List;

/** Where {@link DatasetWriter} puts a dataset's tables: CSV files, a zip, or XLSX sheets (padu-app). */
public interface TableSink {

    /** A table begins; {@code name} is the file name without {@code .csv} ({@code agencies}, {@code usage}). */
    void begin(String name, List<String> columns) throws IOException;

    /** One record, its cells in the order of the columns ({@code ""} for not given). */
    void row(String[] cells) throws IOException;

    void end() throws IOException;
}
