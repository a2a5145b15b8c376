package id.padu.app.usage;

import id.padu.domain.UsageSeries;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stores and reads measured usage at its native step, one row per (agency, UTC day) with the
 * day's samples packed ({@link UsagePacking}). Agencies are named by their code; the store
 * looks the code up in the {@code agency} table, so an unknown code is an error, never a new row.
 *
 * <p>One agency has one step and one grid (the step's phase): writing a series with another
 * step or phase replaces that agency's stored usage. Otherwise a write overlays: every measured
 * sample of the new series overwrites the stored one at the same time, missing samples keep
 * what was stored. Writes join the caller's transaction.
 */
@Service
public class UsageStore {

    static final long DAY = 86_400L;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    private final AtomicLong version = new AtomicLong();

    UsageStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Removes every stored sample of every agency. */
    @Transactional
    public void deleteAll() {
        changed();
        jdbc.sql("DELETE FROM usage_day").update();
    }

    /** Removes the stored samples of one agency. */
    @Transactional
    public void delete(String agencyCode) {
        changed();
        jdbc.sql("DELETE FROM usage_day WHERE agency_id = (SELECT id FROM agency WHERE code = ?)")
                .param(agencyCode).update();
    }

    /** Writes (overlays) one agency's series; see the class comment for the rules. */
    @Transactional
    public void write(UsageSeries series) {
        changed();
        long agencyId = agencyId(series.agency())
                .orElseThrow(() -> new IllegalArgumentException("unknown agency " + series.agency()));
        if (series.size() == 0) {
            return;
        }
        int step = series.stepSeconds();
        long firstDay = Math.floorDiv(series.startEpochSecond(), DAY);
        long lastDay = Math.floorDiv(series.timeOf(series.size() - 1), DAY);
        List<DayRow> existing = rows(agencyId, firstDay, lastDay);
        Optional<Grid> stored = grid(agencyId);
        if (stored.isPresent() && !stored.get().matches(step, series.startEpochSecond())) {
            jdbc.sql("DELETE FROM usage_day WHERE agency_id = ?").param(agencyId).update();
            existing = List.of();
        }
        Map<Long, DayRow> byDay = new LinkedHashMap<>();
        for (DayRow r : existing) {
            byDay.put(r.day, r);
        }
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        int i = 0;
        while (i < series.size()) {
            long day = Math.floorDiv(series.timeOf(i), DAY);
            int j = i;
            while (j < series.size() && Math.floorDiv(series.timeOf(j), DAY) == day) {
                j++;
            }
            DayRow old = byDay.get(day);
            if (old == null) {
                if (!allMissing(series, i, j)) {
                    inserts.add(new Object[] {agencyId, LocalDate.ofEpochDay(day), series.timeOf(i), step, j - i,
                            UsagePacking.pack(series.downBps(), series.upBps(), i, j - i)});
                }
            } else {
                DayRow merged = overlay(old, series, i, j);
                updates.add(new Object[] {merged.firstEpoch, merged.count,
                        UsagePacking.pack(merged.down, merged.up, 0, merged.count), agencyId, LocalDate.ofEpochDay(day)});
            }
            i = j;
        }
        batch("INSERT INTO usage_day (agency_id, utc_day, first_epoch, step_seconds, sample_count, samples) VALUES (?, ?, ?, ?, ?, ?)", inserts);
        batch("UPDATE usage_day SET first_epoch = ?, sample_count = ?, samples = ? WHERE agency_id = ? AND utc_day = ?", updates);
    }

    /**
     * The stored samples of one agency in {@code [from, to)} at the native step; empty when the
     * agency is unknown. The series starts at the first stored sample in the range and ends after
     * the last one; steps in between without data are {@link UsageSeries#MISSING}.
     */
    public Optional<UsageSeries> read(String agencyCode, Instant from, Instant to) {
        long f = from.getEpochSecond();
        long t = to.getEpochSecond();
        // One round trip for the common case; the agency is looked up only when no row matched.
        List<DayRow> rows = jdbc.sql("""
                SELECT u.utc_day, u.first_epoch, u.step_seconds, u.sample_count, u.samples
                FROM usage_day u JOIN agency a ON a.id = u.agency_id
                WHERE a.code = ? AND u.utc_day BETWEEN ? AND ? ORDER BY u.utc_day""")
                .param(agencyCode).param(LocalDate.ofEpochDay(Math.floorDiv(f, DAY)))
                .param(LocalDate.ofEpochDay(Math.floorDiv(t - 1, DAY)))
                .query((rs, n) -> DayRow.of(rs, 1)).list();
        if (rows.isEmpty() && agencyId(agencyCode).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(assemble(agencyCode, rows, f, t));
    }

    /** Every agency's whole stored series, keyed by agency code (agencies without data absent). */
    public Map<String, UsageSeries> readAll() {
        Map<String, List<DayRow>> byAgency = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT a.code, u.utc_day, u.first_epoch, u.step_seconds, u.sample_count, u.samples
                FROM usage_day u JOIN agency a ON a.id = u.agency_id ORDER BY a.code, u.utc_day""")
                .query((rs, n) -> {
                    byAgency.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(DayRow.of(rs, 2));
                    return null;
                }).list();
        Map<String, UsageSeries> out = new LinkedHashMap<>();
        byAgency.forEach((code, rows) -> out.put(code, assemble(code, rows, Long.MIN_VALUE / 4, Long.MAX_VALUE / 4)));
        return out;
    }

    /** First sample time and end of the last stored step of an agency, if it has any data. */
    public Optional<Instant[]> extent(String agencyCode) {
        return jdbc.sql("""
                SELECT MIN(u.first_epoch), MAX(u.first_epoch + CAST(u.step_seconds AS BIGINT) * u.sample_count)
                FROM usage_day u JOIN agency a ON a.id = u.agency_id WHERE a.code = ?""")
                .param(agencyCode)
                .query((rs, n) -> {
                    long min = rs.getLong(1);
                    return rs.wasNull() ? null : new Instant[] {Instant.ofEpochSecond(min), Instant.ofEpochSecond(rs.getLong(2))};
                })
                .optional();
    }

    /** Whether the agency code exists. */
    public boolean agencyExists(String agencyCode) {
        return agencyId(agencyCode).isPresent();
    }

    private Optional<Long> agencyId(String code) {
        return jdbc.sql("SELECT id FROM agency WHERE code = ?").param(code).query(Long.class).optional();
    }

    /**
     * The step of the agency's stored usage when a series of {@code stepSeconds} starting at
     * {@code startEpochSecond} is not on its grid, so that {@link #write} would replace all of
     * it rather than overlay; empty when it would overlay (same grid, or nothing stored).
     */
    public OptionalInt stepIfOtherGrid(String agencyCode, int stepSeconds, long startEpochSecond) {
        return agencyId(agencyCode).flatMap(this::grid)
                .filter(g -> !g.matches(stepSeconds, startEpochSecond))
                .map(g -> OptionalInt.of(g.step()))
                .orElse(OptionalInt.empty());
    }

    private Optional<Grid> grid(long agencyId) {
        return jdbc.sql("SELECT step_seconds, first_epoch FROM usage_day WHERE agency_id = ? ORDER BY utc_day FETCH FIRST 1 ROWS ONLY")
                .param(agencyId)
                .query((rs, n) -> new Grid(rs.getInt(1), rs.getLong(2)))
                .optional();
    }

    private List<DayRow> rows(long agencyId, long firstDay, long lastDay) {
        return jdbc.sql("""
                SELECT utc_day, first_epoch, step_seconds, sample_count, samples FROM usage_day
                WHERE agency_id = ? AND utc_day BETWEEN ? AND ? ORDER BY utc_day""")
                .param(agencyId).param(LocalDate.ofEpochDay(firstDay)).param(LocalDate.ofEpochDay(lastDay))
                .query((rs, n) -> DayRow.of(rs, 1)).list();
    }

    private void batch(String sql, List<Object[]> args) {
        if (!args.isEmpty()) {
            // Both drivers bind a byte[] given to setObject as BYTEA/VARBINARY.
            template.batchUpdate(sql, args);
        }
    }

    private static boolean allMissing(UsageSeries s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (s.downBps()[k] != UsageSeries.MISSING || s.upBps()[k] != UsageSeries.MISSING) {
                return false;
            }
        }
        return true;
    }

    private static DayRow overlay(DayRow old, UsageSeries s, int from, int to) {
        int step = old.step;
        long first = Math.min(old.firstEpoch, s.timeOf(from));
        long end = Math.max(old.firstEpoch + (long) step * old.count, s.timeOf(to - 1) + step);
        int n = (int) ((end - first) / step);
        long[] down = new long[n];
        long[] up = new long[n];
        Arrays.fill(down, UsageSeries.MISSING);
        Arrays.fill(up, UsageSeries.MISSING);
        int oldAt = (int) ((old.firstEpoch - first) / step);
        System.arraycopy(old.down, 0, down, oldAt, old.count);
        System.arraycopy(old.up, 0, up, oldAt, old.count);
        for (int k = from; k < to; k++) {
            int at = (int) ((s.timeOf(k) - first) / step);
            if (s.downBps()[k] != UsageSeries.MISSING) {
                down[at] = s.downBps()[k];
            }
            if (s.upBps()[k] != UsageSeries.MISSING) {
                up[at] = s.upBps()[k];
            }
        }
        return new DayRow(old.day, first, step, n, down, up);
    }

    static UsageSeries assemble(String code, List<DayRow> rows, long from, long to) {
        if (rows.isEmpty()) {
            return new UsageSeries(code, Math.max(from, 0), 300, new long[0], new long[0]);
        }
        int step = rows.get(0).step;
        DayRow firstRow = rows.get(0);
        DayRow lastRow = rows.get(rows.size() - 1);
        long start = firstRow.firstEpoch;
        if (start < from) {
            start += ceilDiv(from - start, (long) step) * step;
        }
        long end = Math.min(to, lastRow.firstEpoch + (long) step * lastRow.count);
        int n = end > start ? (int) ceilDiv(end - start, (long) step) : 0;
        long[] down = new long[n];
        long[] up = new long[n];
        Arrays.fill(down, UsageSeries.MISSING);
        Arrays.fill(up, UsageSeries.MISSING);
        for (DayRow r : rows) {
            int at = (int) Math.floorDiv(r.firstEpoch - start, (long) step);
            int lo = Math.max(0, -at);
            int hi = Math.min(r.count, n - at);
            if (hi > lo) {
                System.arraycopy(r.down, lo, down, at + lo, hi - lo);
                System.arraycopy(r.up, lo, up, at + lo, hi - lo);
            }
        }
        return new UsageSeries(code, start, step, down, up);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    record Grid(int step, long firstEpoch) {
        boolean matches(int otherStep, long otherEpoch) {
            return step == otherStep && Math.floorMod(firstEpoch - otherEpoch, (long) step) == 0;
        }
    }

    record DayRow(long day, long firstEpoch, int step, int count, long[] down, long[] up) {
        static DayRow of(java.sql.ResultSet rs, int col) throws SQLException {
            long day = rs.getObject(col, LocalDate.class).toEpochDay();
            long first = rs.getLong(col + 1);
            int step = rs.getInt(col + 2);
            int count = rs.getInt(col + 3);
            long[] down = new long[count];
            long[] up = new long[count];
            UsagePacking.unpack(rs.getBytes(col + 4), count, down, up, 0);
            return new DayRow(day, first, step, count, down, up);
        }
    }

    /**
     * Grows whenever stored usage changed (counted when the writing transaction commits), so
     * that readers can cache what they compute from it, e.g. the dashboard's analysis.
     */
    public long version() {
        return version.get();
    }

    /** Counts a change once the current transaction commits (at once without one). */
    private static void afterCommit(AtomicLong counter) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.incrementAndGet();
                }
            });
        } else {
            counter.incrementAndGet();
        }
    }

    private void changed() {
        afterCommit(version);
    }
}
