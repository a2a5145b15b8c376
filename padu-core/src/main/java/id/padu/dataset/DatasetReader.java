package id.padu.dataset;

import id.padu.domain.Dataset;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Reads a dataset (format v1) and enforces every rule of it, collecting all errors before
 * giving up: nothing is half-read. Usage files are streamed, never held as text rows.
 *
 * <p>API agreed between the modules; the implementation is being written (branch dataset).
 */
public final class DatasetReader {

    private DatasetReader() {
    }

    /** Reads a dataset folder. */
    public static Dataset readFolder(Path folder) throws DatasetException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Reads a zip of the dataset's CSV files (at its root or in one top folder). */
    public static Dataset readZip(InputStream zip) throws DatasetException {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
