package id.padu.app.dashboard;

import java.util.Locale;

/**
 * The windows of the agency page, each ending at the agency's last measurement, with the bucket
 * that keeps it under {@link UsageChart#MAX_POINTS} points (day 288, week 672, month 720, year 1,460).
 */
enum ChartRange {
    DAY(86_400, 300),
    WEEK(7 * 86_400, 900),
    MONTH(30 * 86_400, 3_600),
    YEAR(365 * 86_400, 6 * 3_600);

    final long seconds;
    final int bucketSeconds;

    ChartRange(long seconds, int bucketSeconds) {
        this.seconds = seconds;
        this.bucketSeconds = bucketSeconds;
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ChartRange parse(String s) {
        for (ChartRange r : values()) {
            if (r.key().equals(s)) {
                return r;
            }
        }
        return null;
    }
}
