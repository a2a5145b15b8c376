package id.padu.app.measurement;

import id.padu.app.usage.StorageBench;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Rollup benchmark (bench/rollup.sh): one day of closed minutes for N agencies (default 1,000),
 * handed over as the server's collectors do, one batch per minute with every agency in it, through
 * the real {@link MeasurementStore} and Flyway migrations into PostgreSQL (embedded 17.5) and H2
 * (file). Reports the time per batch (median, p95, max), minutes per second, rows and size on
 * disk, and the latency of one agency's day read back at 1 minute and 5 minutes.
 *
 * <p>Args: {@code [agencies] [minutes] [pg|h2|both] [sources 1|2]}; environment
 * {@code PADU_BENCH_FILLFACTOR=50} sets the PostgreSQL table's fillfactor first. Not a test: speed is measured,
 * never asserted.
 */
public final class RollupBench {

    static final long START = LocalDate.of(2026, 3, 2).atStartOfDay(ZoneOffset.UTC).toEpochSecond();

    public static void main(String[] args) throws Exception {
        int agencies = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int minutes = args.length > 1 ? Integer.parseInt(args[1]) : 1440;
        String which = args.length > 2 ? args[2] : "both";
        int sources = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        System.out.printf("agencies=%d minutes=%d sources=%d: %,d minute records in %d batches of %,d%n",
                agencies, minutes, sources, (long) agencies * minutes * sources, minutes, agencies * sources);
        if (!which.equals("h2")) {
            Path dir = Files.createTempDirectory("padu-rollup-pg");
            try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true).start()) {
                DataSource ds = StorageBench.pooled(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
                run("PostgreSQL 17.5", ds, agencies, minutes, sources, () -> new JdbcTemplate(ds).queryForObject(
                        "SELECT pg_total_relation_size('measurement')", Long.class));
                ((com.zaxxer.hikari.HikariDataSource) ds).close();
            }
            StorageBench.deleteTree(dir);
        }
        if (!which.equals("pg")) {
            Path dir = Files.createTempDirectory("padu-rollup-h2");
            DataSource ds = StorageBench.pooled("jdbc:h2:file:" + dir.resolve("padu") + ";AUTO_SERVER=FALSE", "sa", "");
            run("H2 " + org.h2.engine.Constants.VERSION, ds, agencies, minutes, sources, () -> {
                new JdbcTemplate(ds).execute("CHECKPOINT SYNC");
                return Files.size(dir.resolve("padu.mv.db"));
            });
            ((com.zaxxer.hikari.HikariDataSource) ds).close();
            StorageBench.deleteTree(dir);
        }
    }

    static void run(String name, DataSource ds, int agencies, int minutes, int sources, StorageBench.Size size) throws Exception {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        String fillfactor = System.getenv("PADU_BENCH_FILLFACTOR");
        if (fillfactor != null && name.startsWith("PostgreSQL")) {
            // The tuning docs/measurement.md suggests: room on each page for HOT updates.
            jdbc.execute("ALTER TABLE measurement SET (fillfactor = " + Integer.parseInt(fillfactor) + ")");
            System.out.println(name + ": fillfactor " + fillfactor);
        }
        for (int a = 0; a < agencies; a++) {
            jdbc.update("INSERT INTO agency (code, name, kind, priority) VALUES (?, ?, 'dinas', 'normal')", code(a), "Agency " + a);
        }
        MeasurementStore store = new MeasurementStore(JdbcClient.create(ds), jdbc, new DataSourceTransactionManager(ds),
                new SimpleMeterRegistry());
        SplittableRandom r = new SplittableRandom(11);
        long[] peak = new long[agencies];
        for (int a = 0; a < agencies; a++) {
            peak[a] = (long) (2e6 * Math.pow(100, r.nextDouble()) / 8 * 60); // bytes per minute at the peak
        }
        long[] nanos = new long[minutes];
        long total = 0;
        boolean pg = name.startsWith("PostgreSQL");
        long walBefore = pg ? jdbc.queryForObject("SELECT wal_bytes FROM pg_stat_wal", Long.class) : 0;
        for (int m = 0; m < minutes; m++) {
            long minute = START + m * 60L;
            List<MinuteUsage> batch = new ArrayList<>(agencies * sources);
            for (int a = 0; a < agencies; a++) {
                long down = (long) (peak[a] * (0.3 + 0.7 * r.nextDouble()));
                batch.add(new MinuteUsage(code(a), MeasurementSource.SNMP, minute, down, down / 5, 60));
                if (sources > 1) {
                    batch.add(new MinuteUsage(code(a), MeasurementSource.FLOW, minute, down * 97 / 100, down / 5, 60));
                }
            }
            long t = System.nanoTime();
            store.record(batch);
            nanos[m] = System.nanoTime() - t;
            total += nanos[m];
            if ((m + 1) % 240 == 0) {
                System.out.printf("  %s: %d minutes stored, last batch %.1f ms%n", name, m + 1, nanos[m] / 1e6);
            }
        }
        if (pg) {
            long wal = jdbc.queryForObject("SELECT wal_bytes FROM pg_stat_wal", Long.class) - walBefore;
            System.out.printf("%s: WAL written %,d MB, %,d kB per batch%n", name, wal >> 20, wal / minutes >> 10);
        }
        long rows = jdbc.queryForObject("SELECT COUNT(*) FROM measurement", Long.class);
        long packed = jdbc.queryForObject("SELECT SUM(CAST(OCTET_LENGTH(buckets) AS BIGINT)) FROM measurement", Long.class);
        long bytes = size.bytes();
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: %,d minute records in %.1f s (%,.0f minutes/s); per batch of %,d: median %.1f ms, p95 %.1f ms, max %.1f ms%n",
                name, (long) agencies * minutes * sources, total / 1e9, agencies * (double) minutes * sources / (total / 1e9),
                agencies * sources, sorted[minutes / 2] / 1e6, sorted[minutes * 95 / 100] / 1e6, sorted[minutes - 1] / 1e6);
        System.out.printf("%s: %,d rows, packed payload %,d kB, table+indexes on disk %,d MB%n", name, rows, packed >> 10, bytes >> 20);

        MeasuredSeries reader = new MeasuredSeries(store, MeasurementRetention.DEFAULTS, Clock.systemUTC());
        for (Resolution res : new Resolution[] {Resolution.MINUTE, Resolution.FIVE_MINUTES}) {
            int queries = 200;
            long[] q = new long[queries];
            long points = 0;
            for (int i = 0; i < queries; i++) {
                String c = code(r.nextInt(agencies));
                long t = System.nanoTime();
                points += reader.read(c, Instant.ofEpochSecond(START), Instant.ofEpochSecond(START + 86_400L), res,
                        Optional.empty()).points().size();
                q[i] = System.nanoTime() - t;
            }
            Arrays.sort(q);
            System.out.printf("%s: one agency one day at %s (%d points): median %.2f ms, p95 %.2f ms%n",
                    name, res.label(), points / queries, q[queries / 2] / 1e6, q[queries * 95 / 100] / 1e6);
        }
    }

    static String code(int a) {
        return "AG" + a;
    }

}
