package id.padu.dataset;

import java.time.LocalDate;
import java.util.List;

/**
 * The one writer of the dataset's usage format ({@code usage.csv}: {@code agency,time,down_bps,up_bps},
 * the time the start of the step at WIB, {@code +07:00}): the dataset export, the collectors'
 * files, the measurement download and {@code padu shape counters} all write their rows here, so
 * what any of them writes reads back into a dataset the same way. One instance per file or
 * response: it keeps the date of the last row (not thread-safe), as a usage file of millions of
 * rows is formatted without a formatter per row.
 */
public final class UsageCsvWriter {

    public static final List<String> COLUMNS = List.of("agency", "time", "down_bps", "up_bps");
    /** The header line, without its line end. */
    public static final String HEADER = String.join(",", COLUMNS);

    private long day = Long.MIN_VALUE;
    private String datePart;
    private final char[] buf = new char[8];

    /**
     * One row without its line end: the step of {@code agency} starting at {@code stepStartEpochSecond}
     * and its average rates.
     */
    public String line(String agency, long stepStartEpochSecond, long downBps, long upBps) {
        return CsvTable.cell(agency) + ',' + time(stepStartEpochSecond) + ',' + downBps + ',' + upBps;
    }

    /** The time cell: ISO-8601 at +07:00, whole seconds, e.g. {@code 2025-11-28T07:00:00+07:00}. */
    public String time(long epochSecond) {
        long local = epochSecond + 7 * 3600L;
        long d = Math.floorDiv(local, 86400L);
        int sod = (int) Math.floorMod(local, 86400L);
        if (d != day) {
            day = d;
            datePart = LocalDate.ofEpochDay(d) + "T";
        }
        int h = sod / 3600;
        int m = sod / 60 % 60;
        int s = sod % 60;
        buf[0] = (char) ('0' + h / 10);
        buf[1] = (char) ('0' + h % 10);
        buf[2] = ':';
        buf[3] = (char) ('0' + m / 10);
        buf[4] = (char) ('0' + m % 10);
        buf[5] = ':';
        buf[6] = (char) ('0' + s / 10);
        buf[7] = (char) ('0' + s % 10);
        return datePart + new String(buf) + "+07:00";
    }
}
