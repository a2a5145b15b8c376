package id.padu.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects errors and warnings. Every error is counted, but of one kind in one file only the
 * first {@value #SHOWN_PER_KIND} are kept with their location, followed by one line saying how
 * many more there were: a usage file with a wrong column in five million rows must not produce
 * five million messages (nor run out of memory), and the planner fixes it once anyway.
 */
final class Problems {

    static final int SHOWN_PER_KIND = 50;

    private final List<DatasetError> errors = new ArrayList<>();
    private final List<DatasetError> warnings = new ArrayList<>();
    private final Map<String, int[]> perKind = new HashMap<>();
    private final Map<String, long[]> hidden = new LinkedHashMap<>();
    private long errorCount;

    void error(String file, long line, String column, String value, String key, Object... args) {
        errorCount++;
        String kind = file + '\u0000' + key;
        int[] n = perKind.computeIfAbsent(kind, k -> new int[1]);
        if (++n[0] > SHOWN_PER_KIND) {
            hidden.computeIfAbsent(kind, k -> new long[1])[0]++;
            return;
        }
        errors.add(new DatasetError(file, line, column, value, key, Arrays.asList(args)));
    }

    void warn(String file, long line, String column, String value, String key, Object... args) {
        warnings.add(new DatasetError(file, line, column, value, key, Arrays.asList(args)));
    }

    boolean hasErrors() {
        return errorCount > 0;
    }

    long errorCount() {
        return errorCount;
    }

    /** Errors in dataset order (file, then line), each kind's "and N more" after its last shown one. */
    List<DatasetError> errors() {
        List<DatasetError> all = new ArrayList<>(errors);
        for (Map.Entry<String, long[]> h : hidden.entrySet()) {
            String file = h.getKey().substring(0, h.getKey().indexOf('\u0000'));
            String key = h.getKey().substring(h.getKey().indexOf('\u0000') + 1);
            all.add(new DatasetError(file, Long.MAX_VALUE, null, null, "more.errors", List.of(h.getValue()[0], key)));
        }
        all.sort(ORDER);
        // The "more" line sorts last in its file; show it without a line number.
        List<DatasetError> out = new ArrayList<>(all.size());
        for (DatasetError e : all) {
            out.add(e.line() == Long.MAX_VALUE ? new DatasetError(e.file(), 0, null, null, e.key(), e.args()) : e);
        }
        return out;
    }

    List<DatasetError> warnings() {
        List<DatasetError> all = new ArrayList<>(warnings);
        all.sort(ORDER);
        return all;
    }

    static final Comparator<DatasetError> ORDER = Comparator
            .comparingInt((DatasetError e) -> TableKind.rank(e.file()))
            .thenComparing(DatasetError::file)
            .thenComparingLong(DatasetError::line);
}
