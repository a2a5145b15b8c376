package id.padu.app.datasets;

import id.padu.dataset.DatasetError;
import id.padu.dataset.DatasetException;
import id.padu.dataset.DatasetReader;
import id.padu.dataset.ReadLimits;
import id.padu.domain.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns what a user uploaded into a {@link Dataset}: one zip of the CSV files, one XLSX
 * workbook, or the CSV files themselves. Every rule of dataset format v1 is checked by the
 * reader; here only the form of the upload is decided.
 */
final class DatasetUpload {

    /** The top-level files of format v1; any other {@code *.csv} starting with "usage" goes to usage/. */
    static final Set<String> TOP_LEVEL = Set.of("agencies.csv", "subscriptions.csv", "offers.csv", "links.csv",
            "services.csv", "settings.csv", "usage.csv");

    /** One uploaded file. */
    record Part(String filename, InputStream content) {
    }

    private DatasetUpload() {
    }

    static Dataset read(List<Part> parts) throws DatasetException, IOException {
        return read(parts, ReadLimits.DEFAULT);
    }

    /** As {@link #read(List)}, a zip or workbook within {@code limits} (the server's import settings). */
    static Dataset read(List<Part> parts, ReadLimits limits) throws DatasetException, IOException {
        List<Part> files = parts.stream().filter(p -> p.filename() != null && !p.filename().isBlank()).toList();
        if (files.isEmpty()) {
            throw single("upload", "upload.empty", null);
        }
        if (files.size() == 1) {
            String name = lower(files.get(0).filename());
            if (name.endsWith(".zip")) {
                return DatasetReader.readZipResult(files.get(0).content(), limits).dataset();
            }
            if (name.endsWith(".xlsx")) {
                return XlsxDatasets.readResult(files.get(0).content(), limits).dataset();
            }
        }
        Path folder = Files.createTempDirectory("padu-import-");
        try {
            for (Part p : files) {
                String name = baseName(p.filename());
                String lower = lower(name);
                if (lower.endsWith(".zip") || lower.endsWith(".xlsx")) {
                    throw single(name, "upload.mixed", null);
                }
                if (!lower.endsWith(".csv")) {
                    throw single(name, "upload.notCsv", null);
                }
                Path target = TOP_LEVEL.contains(lower) || !lower.startsWith("usage")
                        ? folder.resolve(lower)
                        : folder.resolve("usage").resolve(name);
                Files.createDirectories(target.getParent());
                if (Files.exists(target)) {
                    // two parts of one name (a file picked twice): which one was meant cannot be known
                    throw single(name, "upload.twice", null);
                }
                Files.copy(p.content(), target);
            }
            return DatasetReader.readFolder(folder);
        } finally {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static String baseName(String filename) {
        String n = filename.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static DatasetException single(String file, String key, String value) {
        return new DatasetException(List.of(new DatasetError(file, 0, null, value, key, List.of())));
    }
}
