package id.padu.dataset;

import id.padu.domain.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads a dataset (format v1) and enforces every rule of it, collecting all errors before
 * giving up: nothing is half-read. Usage files are streamed, never held as text rows.
 *
 * <p>Every form (folder, zip, and the XLSX workbook of padu-app) is a {@link TableSource} that
 * feeds the same checks, so a rule holds alike wherever a dataset comes from.
 */
public final class DatasetReader {

    private DatasetReader() {
    }

    /**
     * A dataset that passed every check, with the warnings met on the way (unknown columns,
     * files and settings keys) and the number of data rows per file (or sheet), in dataset order.
     */
    public record Result(Dataset dataset, List<DatasetError> warnings, Map<String, Long> rowCounts) {
        public Result {
            warnings = List.copyOf(warnings);
            rowCounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rowCounts));
        }
    }

    /** Reads a dataset folder. */
    public static Dataset readFolder(Path folder) throws DatasetException {
        return readFolderResult(folder).dataset();
    }

    /** Reads a zip of the dataset's CSV files (at its root or in one top folder). */
    public static Dataset readZip(InputStream zip) throws DatasetException {
        return readZipResult(zip).dataset();
    }

    /** Reads a dataset folder, keeping the warnings and row counts (what {@code padu validate} prints). */
    public static Result readFolderResult(Path folder) throws DatasetException {
        if (!Files.isDirectory(folder)) {
            throw new DatasetException(List.of(new DatasetError(folder.toString(), 0, null, null, "folder.missing", List.of())));
        }
        return read(TableSource.folder(folder));
    }

    public static Result readZipResult(InputStream zip) throws DatasetException {
        return readZipResult(zip, ReadLimits.DEFAULT);
    }

    /** Reads a zip within the given limits (a server sets its own bounds on uploads). */
    public static Result readZipResult(InputStream zip, ReadLimits limits) throws DatasetException {
        return read(TableSource.zip(zip, limits));
    }

    /** Reads a dataset from any source: the one place every rule is enforced. */
    public static Result read(TableSource source) throws DatasetException {
        DatasetParse parse = new DatasetParse();
        try {
            source.read(parse);
        } catch (IOException | UncheckedIOException e) {
            String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            parse.problems.error("-", 0, null, null, "source.unreadable", what);
        }
        return parse.finish();
    }
}
