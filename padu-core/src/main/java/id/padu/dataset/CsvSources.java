package id.padu.dataset;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The CSV forms of a dataset: a folder and a zip. */
final class CsvSources {

    private CsvSources() {
    }

    static boolean isCsv(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    record Folder(Path folder) implements TableSource {

        @Override
        public void read(TableVisitor visitor) throws IOException {
            for (Path file : csvFiles(folder)) {
                readFile(file, file.getFileName().toString(), visitor);
            }
            try (Stream<Path> entries = Files.list(folder)) {
                for (Path dir : entries.filter(Files::isDirectory).sorted().toList()) {
                    if (dir.getFileName().toString().equalsIgnoreCase("usage")) {
                        for (Path file : csvFiles(dir)) {
                            readFile(file, dir.getFileName() + "/" + file.getFileName(), visitor);
                        }
                    }
                }
            }
        }

        private static List<Path> csvFiles(Path dir) throws IOException {
            try (Stream<Path> entries = Files.list(dir)) {
                return entries.filter(Files::isRegularFile)
                        .filter(p -> isCsv(p.getFileName().toString()))
                        .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                        .toList();
            }
        }

        private static void readFile(Path file, String name, TableVisitor visitor) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                CsvTable.read(name, in, visitor);
            }
        }
    }

    /**
     * A zip read as it streams, within {@link ReadLimits}: at most {@code maxEntries} entries and
     * {@code maxUncompressedBytes} inflated in all (counted also while the rest of an entry is
     * skipped), so a small zip that inflates to gigabytes is refused early, naming the entry and the
     * line reached. After a limit the zip is read no further: what follows is not worth inflating.
     */
    record Zip(InputStream zip, ReadLimits limits) implements TableSource {

        @Override
        public void read(TableVisitor visitor) throws IOException {
            BoundedZipInputStream in = new BoundedZipInputStream(zip, limits.maxUncompressedBytes());
            InputStream entryStream = new FilterInputStream(in) {
                @Override
                public void close() {
                    // the zip stream goes on to the next entry
                }
            };
            boolean[] limited = new boolean[1];
            TableVisitor watching = new TableVisitor() {
                @Override
                public RowHandler table(String name, boolean decimalComma) {
                    return visitor.table(name, decimalComma);
                }

                @Override
                public void failed(String name, long line, String key, Object... args) {
                    limited[0] |= ReadLimits.isLimit(key);
                    visitor.failed(name, line, key, args);
                }
            };
            int entries = 0;
            String name = "zip";
            ZipEntry entry;
            while (true) {
                try {
                    entry = in.getNextEntry();
                } catch (LimitExceededException e) {
                    // passed while skipping the unread rest of the previous entry
                    visitor.failed(name, 0, e.key(), e.args());
                    return;
                }
                if (entry == null) {
                    return;
                }
                name = entry.getName();
                if (++entries > limits.maxEntries()) {
                    visitor.failed(name, 0, "limit.entries", limits.maxEntries());
                    return;
                }
                String datasetName = datasetName(entry.getName());
                if (!entry.isDirectory() && datasetName != null) {
                    name = datasetName;
                    CsvTable.read(datasetName, entryStream, watching, limits);
                    if (limited[0]) {
                        return;
                    }
                }
            }
        }

        /**
         * The entry's name within the dataset ({@code agencies.csv}, {@code usage/x.csv}), allowing
         * one top folder; null for entries that are no dataset file (folders, {@code __MACOSX}, dot files).
         */
        static String datasetName(String entryName) {
            List<String> parts = new ArrayList<>(List.of(entryName.replace('\\', '/').split("/")));
            parts.removeIf(String::isEmpty);
            if (parts.isEmpty() || parts.stream().anyMatch(p -> p.startsWith(".") || p.equals("__MACOSX"))) {
                return null;
            }
            if (parts.size() >= 2 && !parts.get(0).equalsIgnoreCase("usage")) {
                parts.remove(0);
            }
            if (!isCsv(parts.get(parts.size() - 1))) {
                return null;
            }
            return String.join("/", parts);
        }
    }

    /** Counts the inflated bytes of every entry, the skipped ones too ({@code closeEntry} reads through {@link #read}). */
    private static final class BoundedZipInputStream extends ZipInputStream {
        private final long max;
        private long total;

        BoundedZipInputStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                total += n;
                if (total > max) {
                    throw new LimitExceededException("limit.uncompressed", max);
                }
            }
            return n;
        }
    }
}
