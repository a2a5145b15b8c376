package id.padu.dataset;

import id.padu.domain.BitRate;
import id.padu.domain.UsageSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The usage hot path. Rows (of any number of files, in any order) go straight into primitive
 * growable arrays per agency: no text row is kept. Once every file is read, each agency's rows
 * are sorted by time, its step is found (the most common spacing), every row is checked to lie
 * on that step's grid (multiples of the step since the Unix epoch; gaps are fine), and the
 * series is laid out with {@link UsageSeries#MISSING} in the gaps.
 */
final class UsageCollector {

    /** No series longer than this (10 years of 30 s steps): a stray date must not exhaust memory. */
    static final long MAX_STEPS = 10_000_000L;
    static final int DEFAULT_STEP = 300;

    private final Problems problems;
    private final Map<String, Builder> byAgency = new LinkedHashMap<>();
    private final List<String> files = new ArrayList<>();
    private final IsoTime isoTime = new IsoTime();
    private Builder[] slots = new Builder[64];

    UsageCollector(Problems problems) {
        this.problems = problems;
    }

    /** The handler of one usage file. */
    RowHandler table(String name, Map<String, Long> rowCounts) {
        int fileIndex = files.size();
        files.add(name);
        return new RowHandler() {
            private Header header;
            private int agencyCol;
            private int timeCol;
            private int downCol;
            private int upCol;
            private Builder last;
            private long count;

            @Override
            public void row(Row row) {
                if (header == null) {
                    if (row.isBlank()) {
                        return;
                    }
                    header = Header.of(TableKind.USAGE, name, row, problems);
                    agencyCol = header.index[0];
                    timeCol = header.index[1];
                    downCol = header.index[2];
                    upCol = header.index[3];
                    return;
                }
                if (!header.complete || row.isBlank()) {
                    return;
                }
                count++;
                char[] c = row.chars();
                int as = row.start(agencyCol);
                int ae = row.end(agencyCol);
                Builder b = last;
                if (b == null || !b.codeEquals(c, as, ae)) {
                    if (as == ae) {
                        problems.error(name, row.line(), "agency", null, "value.required");
                        return;
                    }
                    b = find(c, as, ae);
                    if (b == null) {
                        b = new Builder(new String(c, as, ae - as), name, row.line());
                        add(b);
                    }
                    last = b;
                }
                boolean ok = true;
                long time = isoTime.parseFast(c, row.start(timeCol), row.end(timeCol));
                if (time == IsoTime.NOT_FAST) {
                    String text = row.text(timeCol);
                    if (text.isEmpty()) {
                        problems.error(name, row.line(), "time", null, "value.required");
                        ok = false;
                    } else {
                        IsoTime.Parsed p = IsoTime.parseSlow(text);
                        if (p.errorKey() != null) {
                            problems.error(name, row.line(), "time", text, p.errorKey());
                            ok = false;
                        } else if (p.nano() != 0) {
                            problems.error(name, row.line(), "time", text, "usage.time.fraction");
                            ok = false;
                        } else {
                            time = p.epochSecond();
                        }
                    }
                }
                long down = bps(row, downCol, "down_bps");
                long up = bps(row, upCol, "up_bps");
                if (ok && down >= 0 && up >= 0) {
                    b.add(time, down, up, fileIndex, row.line());
                }
            }

            /** The rate, or -1 after recording an error. */
            private long bps(Row row, int col, String column) {
                char[] c = row.chars();
                int s = row.start(col);
                int e = row.end(col);
                if (s < e && e - s <= 18) {
                    long v = 0;
                    int i = s;
                    for (; i < e; i++) {
                        int d = c[i] - '0';
                        if (d < 0 || d > 9) {
                            break;
                        }
                        v = v * 10 + d;
                    }
                    if (i == e && v <= BitRate.MAX_BPS) {
                        return v;
                    }
                    if (i == e) {
                        problems.error(name, row.line(), column, row.text(col), "value.rateTooLarge",
                                BitRate.MAX_BPS + " bps");
                        return -1;
                    }
                }
                String text = row.text(col);
                if (text.isEmpty()) {
                    problems.error(name, row.line(), column, null, "value.required");
                } else if (text.matches("-[0-9]+(\\.[0-9]*)?")) {
                    problems.error(name, row.line(), column, text, "value.negative");
                } else if (text.matches("[0-9]{19,}")) {
                    problems.error(name, row.line(), column, text, "value.rateTooLarge", BitRate.MAX_BPS + " bps");
                } else {
                    problems.error(name, row.line(), column, text, "usage.rate");
                }
                return -1;
            }

            @Override
            public void end() {
                if (header == null) {
                    problems.error(name, 0, null, null, "file.empty");
                }
                rowCounts.put(name, count);
            }
        };
    }

    /**
     * The builder of the code in {@code c[s, e)}, or null. A hash table over the characters, so
     * that rows interleaved by time (every agency at 08:00, then every agency at 08:05 ...) find
     * their agency without creating a string per row.
     */
    private Builder find(char[] c, int s, int e) {
        int h = Builder.hash(c, s, e);
        int mask = slots.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            Builder b = slots[i];
            if (b == null || (b.hash == h && b.codeEquals(c, s, e))) {
                return b;
            }
        }
    }

    private void add(Builder b) {
        byAgency.put(b.code, b);
        if (byAgency.size() * 2 > slots.length) {
            slots = new Builder[slots.length * 2];
            for (Builder x : byAgency.values()) {
                place(x);
            }
        } else {
            place(b);
        }
    }

    private void place(Builder b) {
        int mask = slots.length - 1;
        int i = b.hash & mask;
        while (slots[i] != null) {
            i = (i + 1) & mask;
        }
        slots[i] = b;
    }

    /** Agencies that have usage rows, each with the file and line where it first appears. */
    Map<String, long[]> firstLines() {
        Map<String, long[]> out = new LinkedHashMap<>();
        byAgency.forEach((k, b) -> out.put(k, new long[] {b.count, b.firstLine}));
        return out;
    }

    String firstFile(String agency) {
        return byAgency.get(agency).firstFile;
    }

    /**
     * Checks the grid of every known agency and builds the series, in the given agency order.
     * Rows of unknown agencies are left for the caller to report.
     */
    Map<String, UsageSeries> build(List<String> agencyOrder, Set<String> known) {
        // The step of an agency with a single time cannot be seen: take the dataset's usual one.
        Map<Integer, Integer> stepVotes = new HashMap<>();
        for (Builder b : byAgency.values()) {
            if (known.contains(b.code)) {
                b.sort();
                b.step = b.mostCommonSpacing();
                if (b.step > 0) {
                    stepVotes.merge(b.step, 1, Integer::sum);
                }
            }
        }
        int usual = stepVotes.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey((x, y) -> y - x)))
                .map(Map.Entry::getKey).orElse(DEFAULT_STEP);
        Map<String, UsageSeries> out = new LinkedHashMap<>();
        for (String code : agencyOrder) {
            Builder b = byAgency.get(code);
            if (b == null || b.count == 0) {
                continue;
            }
            if (b.step <= 0) {
                b.step = usual;
            }
            UsageSeries s = b.build(problems, files);
            if (s != null) {
                out.put(code, s);
            }
            byAgency.put(code, EMPTY); // let the row arrays go before the next agency's series is laid out
        }
        return out;
    }

    private static final Builder EMPTY = new Builder("", "", 0);

    /** One agency's rows as primitive arrays: time (epoch second), rates, location. */
    static final class Builder {
        final String code;
        final String firstFile;
        final long firstLine;
        private final char[] codeChars;
        final int hash;
        int count;
        long[] time = new long[64];
        long[] down = new long[64];
        long[] up = new long[64];
        int[] line = new int[64];
        short[] file; // only when rows come from more than one file
        int onlyFile = -1;
        int step;

        Builder(String code, String firstFile, long firstLine) {
            this.code = code;
            this.codeChars = code.toCharArray();
            this.hash = hash(codeChars, 0, codeChars.length);
            this.firstFile = firstFile;
            this.firstLine = firstLine;
        }

        static int hash(char[] c, int s, int e) {
            int h = 0;
            for (int i = s; i < e; i++) {
                h = 31 * h + c[i];
            }
            return h ^ (h >>> 16);
        }

        boolean codeEquals(char[] c, int s, int e) {
            if (e - s != codeChars.length) {
                return false;
            }
            for (int i = 0; i < codeChars.length; i++) {
                if (c[s + i] != codeChars[i]) {
                    return false;
                }
            }
            return true;
        }

        void add(long epochSecond, long d, long u, int fileIndex, long lineNo) {
            if (count == 0) {
                onlyFile = fileIndex;
            }
            if (count == time.length) {
                int n = count + (count >> 1);
                time = Arrays.copyOf(time, n);
                down = Arrays.copyOf(down, n);
                up = Arrays.copyOf(up, n);
                line = Arrays.copyOf(line, n);
                if (file != null) {
                    file = Arrays.copyOf(file, n);
                }
            }
            if (fileIndex != onlyFile && file == null) {
                file = new short[time.length];
                Arrays.fill(file, 0, count, (short) onlyFile);
            }
            if (file != null) {
                file[count] = (short) fileIndex;
            }
            time[count] = epochSecond;
            down[count] = d;
            up[count] = u;
            line[count] = (int) Math.min(lineNo, Integer.MAX_VALUE);
            count++;
        }

        /** Sorts the rows by time, only when they are not already (the usual case is one sorted file). */
        void sort() {
            boolean sorted = true;
            for (int i = 1; i < count && sorted; i++) {
                sorted = time[i - 1] <= time[i];
            }
            if (sorted) {
                return;
            }
            int[] order = sortedOrder();
            long[] t = new long[count];
            long[] d = new long[count];
            long[] u = new long[count];
            int[] l = new int[count];
            short[] f = file == null ? null : new short[count];
            for (int i = 0; i < count; i++) {
                int k = order[i];
                t[i] = time[k];
                d[i] = down[k];
                u[i] = up[k];
                l[i] = line[k];
                if (f != null) {
                    f[i] = file[k];
                }
            }
            time = t;
            down = d;
            up = u;
            line = l;
            file = f;
        }

        /** Row indices in time order, equal times in arrival order; primitive keys when they fit. */
        private int[] sortedOrder() {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int i = 0; i < count; i++) {
                min = Math.min(min, time[i]);
                max = Math.max(max, time[i]);
            }
            int[] order = new int[count];
            long span = max - min + 1;
            if (span > 0 && span < Long.MAX_VALUE / count) {
                long[] keys = new long[count];
                for (int i = 0; i < count; i++) {
                    keys[i] = (time[i] - min) * count + i;
                }
                Arrays.sort(keys);
                for (int i = 0; i < count; i++) {
                    order[i] = (int) (keys[i] % count);
                }
                return order;
            }
            Integer[] boxed = new Integer[count];
            for (int i = 0; i < count; i++) {
                boxed[i] = i;
            }
            long[] byTime = time;
            Arrays.sort(boxed, (x, y) -> Long.compare(byTime[x], byTime[y]));
            for (int i = 0; i < count; i++) {
                order[i] = boxed[i];
            }
            return order;
        }

        /** The most common positive spacing of consecutive times (the smaller on a tie); 0 if none. */
        int mostCommonSpacing() {
            Map<Integer, int[]> votes = new HashMap<>();
            long prevGap = -1;
            int[] prevVotes = null;
            for (int i = 1; i < count; i++) {
                long gap = time[i] - time[i - 1];
                if (gap <= 0 || gap > Integer.MAX_VALUE) {
                    continue;
                }
                if (gap != prevGap) {
                    prevVotes = votes.computeIfAbsent((int) gap, g -> new int[1]);
                    prevGap = gap;
                }
                prevVotes[0]++;
            }
            int best = 0;
            int bestVotes = 0;
            for (Map.Entry<Integer, int[]> e : votes.entrySet()) {
                int v = e.getValue()[0];
                if (v > bestVotes || (v == bestVotes && e.getKey() < best)) {
                    best = e.getKey();
                    bestVotes = v;
                }
            }
            return best;
        }

        private String fileOf(int i, List<String> files) {
            return files.get(file == null ? onlyFile : file[i]);
        }

        UsageSeries build(Problems problems, List<String> files) {
            long firstTime = time[0];
            long lastTime = time[count - 1];
            boolean ok = true;
            // Rows off the grid: when they all are, by the same amount, say it once.
            long offset = Math.floorMod(firstTime, step);
            int offGrid = 0;
            boolean sameOffset = true;
            for (int i = 0; i < count; i++) {
                long r = Math.floorMod(time[i], step);
                if (r != 0) {
                    offGrid++;
                    sameOffset &= r == offset;
                }
            }
            if (offGrid == count && sameOffset && count > 1) {
                problems.error(fileOf(0, files), line[0], "time", WibText.of(firstTime), "usage.offGridAll", code, step, offset);
                ok = false;
            } else if (offGrid > 0) {
                for (int i = 0; i < count; i++) {
                    long t = time[i];
                    if (Math.floorMod(t, step) != 0) {
                        problems.error(fileOf(i, files), line[i], "time", WibText.of(t), "usage.offGrid", code, step);
                    }
                }
                ok = false;
            }
            for (int i = 1; i < count; i++) {
                if (time[i] == time[i - 1]) {
                    problems.error(fileOf(i, files), line[i], "time", WibText.of(time[i]), "usage.duplicate",
                            code, fileOf(i - 1, files), line[i - 1]);
                    ok = false;
                }
            }
            long steps = (lastTime - firstTime) / step + 1;
            if (ok && steps > MAX_STEPS) {
                problems.error(fileOf(count - 1, files), line[count - 1], "time", WibText.of(lastTime), "usage.tooLong",
                        code, WibText.of(firstTime), steps, MAX_STEPS);
                ok = false;
            }
            if (!ok) {
                return null;
            }
            long[] d = new long[(int) steps];
            long[] u = new long[(int) steps];
            Arrays.fill(d, UsageSeries.MISSING);
            Arrays.fill(u, UsageSeries.MISSING);
            for (int i = 0; i < count; i++) {
                int k = (int) ((time[i] - firstTime) / step);
                d[k] = down[i];
                u[k] = up[i];
            }
            return new UsageSeries(code, firstTime, step, d, u);
        }
    }
}
