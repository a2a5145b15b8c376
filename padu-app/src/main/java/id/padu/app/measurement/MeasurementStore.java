package id.padu.app.measurement;

import id.padu.app.measurement.BucketPacking.Buckets;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The measurement store: every closed minute a collector hands over is added, in one
 * transaction, to its one-minute bucket and to the five-minute and hourly buckets it falls in.
 * Nothing is ever recomputed from finer data, so a write costs the same whether the store holds
 * a day or a year. Rows pack one period each ({@link Resolution}, {@link BucketPacking}).
 *
 * <p>Writers are serialised in this process (one lock around each transaction): the rows are
 * read, added to and written back, and two writers adding to the same new row would otherwise
 * both insert it. One server owns the database, so the lock is enough; the batches are small
 * (one minute of every agency) and take a fraction of a second (docs/BENCHMARKS.md, "measurement rollup"). Collectors
 * call {@link #record} outside any transaction of their own, so that the lock covers the commit.
 */
@Service
class MeasurementStore implements MeasurementSink {

    private static final int IN_LIST = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Map<MeasurementSource, Counter> recorded = new EnumMap<>(MeasurementSource.class);
    private final Counter skipped;
    private final Counter purgeRuns;
    private final Map<Resolution, Counter> purgedRows = new EnumMap<>(Resolution.class);

    MeasurementStore(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.template = template;
        this.tx = new TransactionTemplate(transactions);
        for (MeasurementSource s : MeasurementSource.values()) {
            recorded.put(s, Counter.builder("padu.measurement.minutes.recorded")
                    .description("Closed minutes stored (and rolled up) per source")
                    .tag("source", code(s)).register(registry));
        }
        skipped = Counter.builder("padu.measurement.minutes.skipped")
                .description("Minutes handed over for an agency code the inventory does not know").register(registry);
        purgeRuns = Counter.builder("padu.measurement.purge.runs").description("Retention purges run").register(registry);
        for (Resolution r : Resolution.values()) {
            purgedRows.put(r, Counter.builder("padu.measurement.purge.rows")
                    .description("Stored periods deleted by the retention purge")
                    .tag("resolution", r.label()).register(registry));
        }
    }

    static String code(MeasurementSource s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    static MeasurementSource source(String code) {
        return MeasurementSource.valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** A stored row's key. */
    record PeriodKey(String agency, MeasurementSource source, Resolution resolution, long periodStart) {
    }

    @Override
    public void record(List<MinuteUsage> minutes) {
        if (minutes.isEmpty()) {
            return;
        }
        int[] counts = new int[MeasurementSource.values().length + 1];
        writeLock.lock();
        try {
            tx.executeWithoutResult(status -> write(minutes, counts));
        } finally {
            writeLock.unlock();
        }
        // Counted only once the transaction committed: a failed batch stored nothing.
        for (MeasurementSource s : MeasurementSource.values()) {
            recorded.get(s).increment(counts[s.ordinal()]);
        }
        skipped.increment(counts[counts.length - 1]);
    }

    private void write(List<MinuteUsage> minutes, int[] counts) {
        Set<String> codes = new HashSet<>();
        for (MinuteUsage m : minutes) {
            codes.add(m.agencyCode());
        }
        Set<String> known = knownAgencies(codes);
        Map<PeriodKey, Buckets> additions = new LinkedHashMap<>();
        for (MinuteUsage m : minutes) {
            if (!known.contains(m.agencyCode())) {
                counts[counts.length - 1]++;
                continue;
            }
            counts[m.source().ordinal()]++;
            for (Resolution r : Resolution.values()) {
                long start = r.periodStartOf(m.minuteEpochSecond());
                Buckets b = additions.computeIfAbsent(new PeriodKey(m.agencyCode(), m.source(), r, start),
                        k -> Buckets.empty(r.bucketsPerPeriod()));
                int i = (int) ((m.minuteEpochSecond() - start) / r.seconds());
                b.down()[i] += m.downBytes();
                b.up()[i] += m.upBytes();
                b.covered()[i] += m.coveredSeconds();
            }
        }
        if (additions.isEmpty()) {
            return;
        }
        Map<PeriodKey, Buckets> stored = storedRows(additions.keySet());
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        additions.forEach((k, add) -> {
            Buckets old = stored.get(k);
            if (old == null) {
                inserts.add(new Object[] {k.agency(), code(k.source()), k.resolution().seconds(), k.periodStart(),
                        BucketPacking.pack(add)});
            } else {
                old.add(add);
                updates.add(new Object[] {BucketPacking.pack(old), k.agency(), code(k.source()), k.resolution().seconds(),
                        k.periodStart()});
            }
        });
        batch("UPDATE measurement SET buckets = ? WHERE agency_code = ? AND source = ? AND resolution_seconds = ? AND period_start = ?",
                updates);
        batch("INSERT INTO measurement (agency_code, source, resolution_seconds, period_start, buckets) VALUES (?, ?, ?, ?, ?)",
                inserts);
    }

    private Set<String> knownAgencies(Set<String> codes) {
        Set<String> known = new HashSet<>();
        List<String> all = new ArrayList<>(codes);
        for (int i = 0; i < all.size(); i += IN_LIST) {
            known.addAll(jdbc.sql("SELECT code FROM agency WHERE code IN (:codes)")
                    .param("codes", all.subList(i, Math.min(all.size(), i + IN_LIST)))
                    .query(String.class).list());
        }
        return known;
    }

    /** The stored rows among {@code keys}, read per (source, resolution, period) for the agencies concerned. */
    private Map<PeriodKey, Buckets> storedRows(Set<PeriodKey> keys) {
        record Period(MeasurementSource source, Resolution resolution, long start) {
        }
        Map<Period, List<String>> agenciesByPeriod = new LinkedHashMap<>();
        for (PeriodKey k : keys) {
            agenciesByPeriod.computeIfAbsent(new Period(k.source(), k.resolution(), k.periodStart()), p -> new ArrayList<>())
                    .add(k.agency());
        }
        Map<PeriodKey, Buckets> out = new HashMap<>();
        agenciesByPeriod.forEach((p, agencies) -> {
            for (int i = 0; i < agencies.size(); i += IN_LIST) {
                jdbc.sql("""
                        SELECT agency_code, buckets FROM measurement
                        WHERE source = :source AND resolution_seconds = :resolution AND period_start = :start
                          AND agency_code IN (:codes)""")
                        .param("source", code(p.source())).param("resolution", p.resolution().seconds())
                        .param("start", p.start())
                        .param("codes", agencies.subList(i, Math.min(agencies.size(), i + IN_LIST)))
                        .query((rs, n) -> {
                            out.put(new PeriodKey(rs.getString(1), p.source(), p.resolution(), p.start()),
                                    BucketPacking.unpack(rs.getBytes(2), p.resolution().bucketsPerPeriod()));
                            return null;
                        }).list();
            }
        });
        return out;
    }

    private void batch(String sql, List<Object[]> args) {
        if (!args.isEmpty()) {
            // Both drivers bind a byte[] given to setObject as BYTEA/VARBINARY.
            template.batchUpdate(sql, args);
        }
    }

    /** One stored bucket: sums over its length as one source measured them. */
    record StoredBucket(long start, MeasurementSource source, long downBytes, long upBytes, long coveredSeconds) {
    }

    /**
     * The measured buckets of one agency that start in {@code [from, to)}, per source, in time
     * order; buckets nobody measured are absent.
     */
    Map<MeasurementSource, TreeMap<Long, StoredBucket>> read(String agency, Resolution r, long from, long to,
                                                             Optional<MeasurementSource> only) {
        Map<MeasurementSource, TreeMap<Long, StoredBucket>> out = new EnumMap<>(MeasurementSource.class);
        if (from >= to) {
            return out;
        }
        String sql = "SELECT source, period_start, buckets FROM measurement WHERE agency_code = :agency"
                + " AND resolution_seconds = :resolution AND period_start >= :first AND period_start < :to"
                + (only.isPresent() ? " AND source = :source" : "") + " ORDER BY period_start";
        var spec = jdbc.sql(sql).param("agency", agency).param("resolution", r.seconds())
                .param("first", r.periodStartOf(from)).param("to", to);
        if (only.isPresent()) {
            spec = spec.param("source", code(only.get()));
        }
        spec.query((rs, n) -> {
            MeasurementSource s = source(rs.getString(1));
            long periodStart = rs.getLong(2);
            Buckets b = BucketPacking.unpack(rs.getBytes(3), r.bucketsPerPeriod());
            TreeMap<Long, StoredBucket> series = out.computeIfAbsent(s, k -> new TreeMap<>());
            for (int i = 0; i < b.size(); i++) {
                long start = periodStart + (long) i * r.seconds();
                if (b.covered()[i] > 0 && start >= from && start < to) {
                    series.put(start, new StoredBucket(start, s, b.down()[i], b.up()[i], b.covered()[i]));
                }
            }
            return null;
        }).list();
        return out;
    }

    /** Agencies with 5-minute buckets in a period that starts at or after {@code since} (epoch second). */
    List<String> agenciesWithFiveMinuteDataSince(long since) {
        return jdbc.sql("SELECT DISTINCT agency_code FROM measurement WHERE resolution_seconds = ? AND period_start >= ? "
                        + "ORDER BY agency_code")
                .param(Resolution.FIVE_MINUTES.seconds()).param(Resolution.FIVE_MINUTES.periodStartOf(since))
                .query(String.class).list();
    }

    /** Whether the agency code exists in the inventory. */
    boolean agencyExists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM agency WHERE code = ?").param(code).query(Long.class).single() > 0;
    }

    /**
     * Deletes, per resolution with a retention, every stored period that ended at or before
     * {@code now - retention}: a period is kept while any of its buckets is still within the
     * retention. Returns the rows deleted per resolution.
     */
    Map<Resolution, Integer> purge(Instant now, MeasurementRetention retention) {
        Map<Resolution, Integer> deleted = new EnumMap<>(Resolution.class);
        writeLock.lock();
        try {
            tx.executeWithoutResult(status -> {
                for (Resolution r : Resolution.values()) {
                    retention.of(r).ifPresent(keep -> {
                        long cutoff = now.getEpochSecond() - keep.getSeconds();
                        int n = jdbc.sql("DELETE FROM measurement WHERE resolution_seconds = ? AND period_start <= ?")
                                .param(r.seconds()).param(cutoff - r.periodSeconds()).update();
                        deleted.put(r, n);
                    });
                }
            });
        } finally {
            writeLock.unlock();
        }
        purgeRuns.increment();
        deleted.forEach((r, n) -> purgedRows.get(r).increment(n));
        return deleted;
    }
}
