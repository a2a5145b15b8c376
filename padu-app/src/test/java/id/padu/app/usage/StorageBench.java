package id.padu.app.usage;

import id.padu.domain.UsageSeries;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Storage benchmark (bench/storage.sh): loads one year of 5-minute usage for N agencies
 * (default 1,000 = 105 M samples per direction pair) through the real {@link UsageStore} and the
 * real Flyway migrations into PostgreSQL (embedded 17.5) and H2 (file), then reports load time,
 * size on disk and the latency of one-agency one-month range queries.
 *
 * <p>Args: {@code [agencies] [days] [pg|h2|both]}. Not a test: speed is measured, never asserted.
 */
public final class StorageBench {

    static final int STEP = 300;
    static final long START = LocalDate.of(2025, 1, 1).atStartOfDay(ZoneOffset.ofHours(7)).toEpochSecond();

    public static void main(String[] args) throws Exception {
        int agencies = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 365;
        String which = args.length > 2 ? args[2] : "both";
        System.out.printf("agencies=%d days=%d samples=%,d (x2 directions)%n", agencies, days, (long) agencies * days * 288);
        if (!which.equals("h2")) {
            Path dir = Files.createTempDirectory("padu-bench-pg");
            try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true).start()) {
                DataSource ds = pooled(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
                run("PostgreSQL 17.5", ds, agencies, days, () -> new JdbcTemplate(ds).queryForObject(
                        "SELECT pg_total_relation_size('usage_day')", Long.class), dir);
                ((com.zaxxer.hikari.HikariDataSource) ds).close();
            }
            deleteTree(dir);
        }
        if (!which.equals("pg")) {
            Path dir = Files.createTempDirectory("padu-bench-h2");
            DataSource ds = pooled("jdbc:h2:file:" + dir.resolve("padu") + ";AUTO_SERVER=FALSE", "sa", "");
            run("H2 " + org.h2.engine.Constants.VERSION, ds, agencies, days, () -> {
                new JdbcTemplate(ds).execute("CHECKPOINT SYNC");
                return Files.size(dir.resolve("padu.mv.db"));
            }, dir);
            new JdbcTemplate(ds).execute("SHUTDOWN COMPACT");
            ((com.zaxxer.hikari.HikariDataSource) ds).close();
            System.out.printf("  H2 file after SHUTDOWN COMPACT: %,d MB%n", Files.size(dir.resolve("padu.mv.db")) >> 20);
            deleteTree(dir);
        }
    }

    /** A connection pool, as the application has (Hikari, Spring Boot's default). */
    public static DataSource pooled(String url, String user, String password) {
        com.zaxxer.hikari.HikariDataSource ds = new com.zaxxer.hikari.HikariDataSource();
        ds.setJdbcUrl(url);
        ds.setUsername(user);
        ds.setPassword(password);
        ds.setMaximumPoolSize(4);
        return ds;
    }

    public interface Size {
        long bytes() throws Exception;
    }

    static void run(String name, DataSource ds, int agencies, int days, Size size, Path dir) throws Exception {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        for (int a = 0; a < agencies; a++) {
            jdbc.update("INSERT INTO agency (code, name, kind, priority) VALUES (?, ?, 'dinas', 'normal')", code(a), "Agency " + a);
        }
        UsageStore store = new UsageStore(JdbcClient.create(ds), jdbc);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        int n = days * 288;
        long t0 = System.nanoTime();
        long genNanos = 0;
        for (int a = 0; a < agencies; a++) {
            long g = System.nanoTime();
            UsageSeries s = synthetic(code(a), a, n);
            genNanos += System.nanoTime() - g;
            tx.executeWithoutResult(st -> store.write(s));
        }
        double loadS = (System.nanoTime() - t0 - genNanos) / 1e9;
        long rows = jdbc.queryForObject("SELECT COUNT(*) FROM usage_day", Long.class);
        long bytes = size.bytes();
        long packed = jdbc.queryForObject("SELECT SUM(CAST(OCTET_LENGTH(samples) AS BIGINT)) FROM usage_day", Long.class);
        System.out.printf("%s: loaded %,d rows in %.1f s (%,.0f samples/s), table+indexes on disk %,d MB, packed payload %,d MB (%.2f bytes/sample)%n",
                name, rows, loadS, (double) agencies * n / loadS, bytes >> 20, packed >> 20, packed / (double) ((long) agencies * n));

        // One agency, one month (31 days of 5-minute samples = 8,928 steps), 200 different queries.
        SplittableRandom r = new SplittableRandom(7);
        int queries = 200;
        long[] nanos = new long[queries];
        long checksum = 0;
        for (int q = 0; q < queries; q++) {
            int a = r.nextInt(agencies);
            int month = r.nextInt(Math.max(1, days / 31));
            Instant from = Instant.ofEpochSecond(START + month * 31L * 86_400);
            Instant to = from.plusSeconds(31L * 86_400);
            long t = System.nanoTime();
            UsageSeries s = store.read(code(a), from, to).orElseThrow();
            nanos[q] = System.nanoTime() - t;
            checksum += s.size();
        }
        Arrays.sort(nanos);
        System.out.printf("%s: one agency one month (%,d samples per query): median %.2f ms, p95 %.2f ms, max %.2f ms (checksum %d)%n",
                name, checksum / queries, nanos[queries / 2] / 1e6, nanos[queries * 95 / 100] / 1e6, nanos[queries - 1] / 1e6, checksum);
    }

    static String code(int a) {
        return "AG" + a;
    }

    /**
     * Office traffic: a peak between 2 and 200 Mbps (log-uniform), a WIB working-day shape,
     * quieter weekends, noise, and about 0.5 % missing steps in short outages.
     */
    static UsageSeries synthetic(String code, int seed, int n) {
        SplittableRandom r = new SplittableRandom(seed * 7919L + 1);
        double peak = 2e6 * Math.pow(100, r.nextDouble());
        long[] down = new long[n];
        long[] up = new long[n];
        int outage = 0;
        for (int i = 0; i < n; i++) {
            long t = START + (long) i * STEP;
            int hourWib = (int) (((t + 7 * 3600) % 86_400) / 3600);
            int dow = (int) (((t + 7 * 3600) / 86_400 + 3) % 7); // 0 = Monday
            double shape = hourWib >= 7 && hourWib < 16 ? 0.55 + 0.45 * Math.sin(Math.PI * (hourWib - 7) / 9.0) : 0.08;
            if (dow >= 5) {
                shape *= 0.3;
            }
            if (outage == 0 && r.nextDouble() < 0.0005) {
                outage = 1 + r.nextInt(20);
            }
            if (outage > 0) {
                outage--;
                down[i] = UsageSeries.MISSING;
                up[i] = UsageSeries.MISSING;
                continue;
            }
            double noise = 0.7 + 0.6 * r.nextDouble();
            down[i] = (long) (peak * shape * noise);
            up[i] = (long) (down[i] * (0.15 + 0.2 * r.nextDouble()));
        }
        return new UsageSeries(code, START, STEP, down, up);
    }

    public static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
