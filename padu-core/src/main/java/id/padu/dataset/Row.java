package id.padu.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One record of a table (a CSV line or a spreadsheet row) as a reusable view over a char
 * buffer: the usage hot path reads cells without creating a {@code String} per cell. A source
 * fills one instance per table and hands it to {@link RowHandler#row} again and again, so a
 * handler must copy what it keeps. Cells are trimmed of surrounding spaces and tabs.
 */
public final class Row {

    private char[] chars = new char[256];
    private int length;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int size;
    private int fieldStart;
    private long line;

    /** Starts a new record that begins on the given 1-based line (or spreadsheet row). */
    public void reset(long line) {
        this.line = line;
        length = 0;
        size = 0;
        fieldStart = 0;
    }

    /** Sets the cell of the given 0-based column; columns skipped since the last one stay empty. */
    public void setCell(int column, CharSequence text) {
        if (column < size) {
            throw new IllegalArgumentException("cells must be set in column order");
        }
        while (size < column) {
            endField();
        }
        for (int i = 0; i < text.length(); i++) {
            append(text.charAt(i));
        }
        endField();
    }

    void append(char c) {
        if (length == chars.length) {
            chars = Arrays.copyOf(chars, length * 2);
        }
        chars[length++] = c;
    }

    void append(char[] src, int from, int count) {
        if (length + count > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(length + count, length * 2));
        }
        System.arraycopy(src, from, chars, length, count);
        length += count;
    }

    /** Closes the current field, trimming surrounding blanks. */
    void endField() {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
        }
        int s = fieldStart;
        int e = length;
        while (s < e && isBlank(chars[s])) {
            s++;
        }
        while (e > s && isBlank(chars[e - 1])) {
            e--;
        }
        starts[size] = s;
        ends[size] = e;
        size++;
        fieldStart = length;
    }

    /**
     * Closes a CSV field: trimmed, and without the one apostrophe {@link CsvTable#cell} put in front of
     * a text that looks like a formula ({@code '=x} is {@code =x}, {@code ''=x} is {@code '=x}).
     */
    void endCsvField() {
        endField();
        int i = size - 1;
        int s = starts[i];
        int k = s;
        while (k < ends[i] && chars[k] == '\'') {
            k++;
        }
        if (k > s && k < ends[i] && CsvTable.isFormulaStart(chars[k])) {
            starts[i] = s + 1;
        }
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0' || c == '\r';
    }

    /** 1-based line (CSV) or row number (spreadsheet) where this record starts. */
    public long line() {
        return line;
    }

    /** Characters held for this record so far (its cells untrimmed), for the reader's bound on a record. */
    int length() {
        return length;
    }

    /** Number of cells in this record (a short record simply has fewer). */
    public int size() {
        return size;
    }

    char[] chars() {
        return chars;
    }

    int start(int i) {
        return i < size ? starts[i] : 0;
    }

    int end(int i) {
        return i < size ? ends[i] : 0;
    }

    /** Whether the cell is absent or blank. */
    public boolean isEmpty(int i) {
        return i >= size || starts[i] == ends[i];
    }

    /** Whether every cell is blank (such records are skipped: Excel leaves {@code ;;;} lines). */
    public boolean isBlank() {
        for (int i = 0; i < size; i++) {
            if (starts[i] != ends[i]) {
                return false;
            }
        }
        return true;
    }

    /** A copy of every trimmed cell, for a handler that keeps the record. */
    public List<String> cells() {
        List<String> cells = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            cells.add(text(i));
        }
        return cells;
    }

    /** The trimmed cell text, {@code ""} when absent. */
    public String text(int i) {
        return i < size ? new String(chars, starts[i], ends[i] - starts[i]) : "";
    }
}
