package id.padu.shaping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns two readings of the gateway's class byte counters into usage rows (dataset format
 * v1, usage.csv): per agency the average rate over the validly measured time, download from
 * the IFB device's classes, upload from the WAN's. A counter that went backwards (the tree was
 * replaced between readings) or a class that is missing in one reading is not measured: that
 * agency gets no row for the step, never an invented zero or spike.
 */
public final class CounterRates {

    private CounterRates() {
    }

    /** Bytes per class id of both trees at one instant. */
    public record Reading(long atMillis, Map<String, Long> upBytes, Map<String, Long> downBytes) {
        public Reading {
            upBytes = Map.copyOf(upBytes);
            downBytes = Map.copyOf(downBytes);
        }
    }

    /** One usage.csv row: step start in epoch seconds. */
    public record UsageRow(String agency, long timeEpochSecond, long downBps, long upBps) {
    }

    public static Reading reading(long atMillis, List<TcClass> upClasses, List<TcClass> downClasses) {
        return new Reading(atMillis, bytes(upClasses), bytes(downClasses));
    }

    private static Map<String, Long> bytes(List<TcClass> classes) {
        java.util.Map<String, Long> m = new java.util.HashMap<>();
        for (TcClass c : classes) {
            m.put(c.classId(), c.bytes());
        }
        return m;
    }

    public static List<UsageRow> rows(ScriptHeader header, Reading before, Reading after, long stepStartEpochSecond) {
        long elapsed = after.atMillis() - before.atMillis();
        List<UsageRow> rows = new ArrayList<>();
        if (elapsed <= 0) {
            return rows;
        }
        for (Map.Entry<String, String> e : header.agencyByClass().entrySet()) {
            long down = rate(before.downBytes().get(e.getKey()), after.downBytes().get(e.getKey()), elapsed);
            long up = rate(before.upBytes().get(e.getKey()), after.upBytes().get(e.getKey()), elapsed);
            if (down >= 0 && up >= 0) {
                rows.add(new UsageRow(e.getValue(), stepStartEpochSecond, down, up));
            }
        }
        rows.sort(java.util.Comparator.comparing(UsageRow::agency));
        return rows;
    }

    private static long rate(Long before, Long after, long elapsedMillis) {
        if (before == null || after == null || after < before) {
            return -1;
        }
        return Math.round((after - before) * 8_000d / elapsedMillis);
    }
}
