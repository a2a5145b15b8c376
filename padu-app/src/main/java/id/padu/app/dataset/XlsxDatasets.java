package id.padu.app.dataset;

import id.padu.dataset.DatasetException;
import id.padu.domain.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A dataset as one XLSX workbook with a sheet per file (same names without {@code .csv},
 * same columns), read and written with Apache POI, validated by the same rules as the CSV form.
 * API agreed between the modules; the implementation is being written (branch dataset).
 */
public final class XlsxDatasets {

    private XlsxDatasets() {
    }

    public static Dataset read(InputStream workbook) throws DatasetException, IOException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public static void write(Dataset dataset, OutputStream out) throws IOException {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
