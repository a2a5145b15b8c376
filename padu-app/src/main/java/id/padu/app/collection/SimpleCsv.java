package id.padu.app.collection;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The small CSV files of the telemetry commands: header names case-insensitive, RFC 4180
 * quotes, UTF-8 (a byte order mark from Excel is dropped), blank lines skipped.
 */
final class SimpleCsv {

    record Row(long line, Map<String, String> cells) {
        String get(String column) {
            String v = cells.get(column);
            return v == null ? "" : v.trim();
        }
    }

    private SimpleCsv() {
    }

    /** The header (lower case, trimmed) and the data rows of one file; the header empty when it had none. */
    record Table(List<String> header, List<Row> rows) {
    }

    static Table read(Path file, List<InputProblem> problems) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            problems.add(new InputProblem(file.toString(), 0, null, null, "file.missing"));
            return new Table(List.of(), List.of());
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(name, in, problems);
        } catch (IOException e) {
            problems.add(new InputProblem(name, 0, null, null, "file.unreadable", e.getMessage()));
            return new Table(List.of(), List.of());
        }
    }

    /** Reads {@code in} once, naming {@code name} in problems (an upload is read like a file). */
    static Table read(String name, BufferedReader in, List<InputProblem> problems) throws IOException {
        List<Row> rows = new ArrayList<>();
        String line;
        long lineNo = 0;
        List<String> header = null;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = split(line);
            if (cells == null) {
                problems.add(new InputProblem(name, lineNo, null, line, "value.badQuote"));
                continue;
            }
            if (header == null) {
                header = cells.stream().map(c -> c.trim().toLowerCase(Locale.ROOT)).toList();
                continue;
            }
            Map<String, String> map = new HashMap<>();
            for (int i = 0; i < header.size() && i < cells.size(); i++) {
                map.put(header.get(i), cells.get(i));
            }
            rows.add(new Row(lineNo, map));
        }
        if (header == null) {
            problems.add(new InputProblem(name, 0, null, null, "column.missing", "header"));
            return new Table(List.of(), rows);
        }
        return new Table(header, rows);
    }

    /** Splits one line; null when a quote is left open. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        out.add(cell.toString());
        return out;
    }
}
