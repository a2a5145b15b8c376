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

    record Zip(InputStream zip) implements TableSource {

        @Override
        public void read(TableVisitor visitor) throws IOException {
            ZipInputStream in = new ZipInputStream(zip);
            InputStream entryStream = new FilterInputStream(in) {
                @Override
                public void close() {
                    // the zip stream goes on to the next entry
                }
            };
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = datasetName(entry.getName());
                if (!entry.isDirectory() && name != null) {
                    CsvTable.read(name, entryStream, visitor);
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
}
