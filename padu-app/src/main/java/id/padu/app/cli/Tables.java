package id.padu.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Plain-text tables for the terminal: columns padded to their widest cell, numbers right-aligned. */
final class Tables {

    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] right;

    private final boolean headed;

    /** A table with a header row; {@code header} null for a plain two-column list without one. */
    Tables(boolean[] rightAligned, String... header) {
        this.right = rightAligned;
        this.headed = header != null;
        rows.add(header != null ? header : new String[rightAligned.length]);
    }

    Tables row(String... cells) {
        rows.add(cells);
        return this;
    }

    void print(PrintWriter out) {
        int cols = rows.get(0).length;
        int[] w = new int[cols];
        for (String[] r : rows) {
            for (int c = 0; c < cols; c++) {
                w[c] = Math.max(w[c], r[c] == null ? 0 : r[c].length());
            }
        }
        for (int i = headed ? 0 : 1; i < rows.size(); i++) {
            String[] r = rows.get(i);
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                String cell = r[c] == null ? "" : r[c];
                String pad = " ".repeat(w[c] - cell.length());
                if (c > 0) {
                    sb.append("  ");
                }
                sb.append(right[c] ? pad + cell : (c == cols - 1 ? cell : cell + pad));
            }
            out.println(sb.toString().stripTrailing());
            if (i == 0 && headed) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < cols; c++) {
                    if (c > 0) {
                        line.append("  ");
                    }
                    line.append("-".repeat(w[c]));
                }
                out.println(line);
            }
        }
    }
}
