package id.padu.dataset;

import id.padu.domain.Dataset;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/** Writes a dataset back in format v1, so that export and re-import give the same dataset. */
public final class DatasetWriter {

    private DatasetWriter() {
    }

    public static void writeFolder(Dataset dataset, Path folder) throws IOException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public static void writeZip(Dataset dataset, OutputStream out) throws IOException {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
