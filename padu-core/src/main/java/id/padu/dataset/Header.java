package id.padu.dataset;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The header row of a table: where each column of its kind is (names are case-insensitive, any order). */
final class Header {

    /** Position of each of the kind's columns in the file, -1 when absent. */
    final int[] index;
    /** Whether every required column is present (otherwise the rows are not read). */
    final boolean complete;

    private Header(int[] index, boolean complete) {
        this.index = index;
        this.complete = complete;
    }

    static Header of(TableKind kind, String file, Row row, Problems problems) {
        List<TableKind.Column> columns = kind.columns;
        int[] index = new int[columns.size()];
        Arrays.fill(index, -1);
        Map<String, Integer> known = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            known.put(columns.get(i).name(), i);
        }
        for (int i = 0; i < row.size(); i++) {
            String name = row.text(i);
            if (name.isEmpty()) {
                continue; // Excel's trailing empty columns
            }
            Integer k = known.get(name.toLowerCase(Locale.ROOT));
            if (k == null) {
                problems.warn(file, row.line(), name, null, "column.unknown");
            } else if (index[k] >= 0) {
                problems.error(file, row.line(), name, null, "column.duplicate");
            } else {
                index[k] = i;
            }
        }
        boolean complete = true;
        for (int i = 0; i < columns.size(); i++) {
            if (index[i] < 0 && columns.get(i).required()) {
                problems.error(file, row.line(), columns.get(i).name(), null, "column.missing");
                complete = false;
            }
        }
        return new Header(index, complete);
    }
}
