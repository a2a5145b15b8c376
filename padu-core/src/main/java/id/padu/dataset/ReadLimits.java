package id.padu.dataset;

/**
 * How much one dataset file may hold, so that a hostile or broken upload is refused with a message
 * instead of being read to the end of the heap (issue #19: a 3.1 MB zip holding a 3 GiB line).
 * The defaults are far above any real dataset: a record of the format has at most 13 cells of a
 * few hundred characters, Excel writes at most 16,384 columns, and a regency's years of 5-minute
 * usage fit in a few hundred MB of CSV.
 *
 * @param maxRecordChars       characters in one record (a line, or the lines of one quoted record)
 * @param maxCells             cells in one record
 * @param maxUncompressedBytes bytes all entries of a zip may inflate to, together
 * @param maxEntries           entries of a zip (folders and ignored files included)
 */
public record ReadLimits(int maxRecordChars, int maxCells, long maxUncompressedBytes, int maxEntries) {

    public static final ReadLimits DEFAULT = new ReadLimits(100_000, 16_384, 2L << 30, 10_000);

    public ReadLimits {
        if (maxRecordChars < 1 || maxCells < 1 || maxUncompressedBytes < 1 || maxEntries < 1) {
            throw new IllegalArgumentException("read limits must be positive");
        }
    }

    /** These limits with another bound on a zip's size and entries (the server's settings). */
    public ReadLimits withZip(long uncompressedBytes, int entries) {
        return new ReadLimits(maxRecordChars, maxCells, uncompressedBytes, entries);
    }

    /** Whether a problem key is one of these limits (the source then stops reading). */
    static boolean isLimit(String key) {
        return key.startsWith("limit.");
    }
}
