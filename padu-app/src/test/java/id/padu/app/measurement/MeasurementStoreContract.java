package id.padu.app.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.app.measurement.MeasuredSeries.Point;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the measurement store must do, whatever the database: run by {@link H2MeasurementStoreTest}
 * and {@link PostgresMeasurementStoreTest} against the same Flyway migration. Every expected
 * figure is a sum written out here, not something the store computed.
 */
interface MeasurementStoreContract {

    /** The application under test (H2 or PostgreSQL); everything else is looked up in it. */
    ApplicationContext context();

    default MeasurementStore store() {
        return context().getBean(MeasurementStore.class);
    }

    default JdbcClient jdbc() {
        return context().getBean(JdbcClient.class);
    }

    default MeterRegistry registry() {
        return context().getBean(MeterRegistry.class);
    }

    default MeasurementRetention retention() {
        return context().getBean(MeasurementRetention.class);
    }

    default javax.sql.DataSource dataSource() {
        return context().getBean(javax.sql.DataSource.class);
    }

    /** A new agency in the inventory (a code of its own, so the tests share the database safely). */
    default String newAgency() {
        String code = "M" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36).toUpperCase();
        jdbc().sql("INSERT INTO agency (code, name, kind, priority) VALUES (?, ?, 'dinas', 'normal')")
                .param(code).param("Dinas " + code).update();
        return code;
    }

    /** 09:00 UTC three days ago: recent, so the server's own hourly purge never touches it. */
    static long recentNineOClock() {
        long day = Math.floorDiv(Instant.now().getEpochSecond(), 86_400L) - 3;
        return day * 86_400L + 9 * 3_600L;
    }

    default MeasuredSeries reader(Clock clock) {
        return new MeasuredSeries(store(), retention(), clock);
    }

    default List<Point> points(String agency, long from, long to, Resolution r, MeasurementSource only) {
        return reader(Clock.systemUTC()).read(agency, Instant.ofEpochSecond(from), Instant.ofEpochSecond(to), r,
                Optional.ofNullable(only)).points();
    }

    static MinuteUsage snmp(String agency, long minute, long down, long up, int covered) {
        return new MinuteUsage(agency, MeasurementSource.SNMP, minute, down, up, covered);
    }

    static MinuteUsage flow(String agency, long minute, long down, long up) {
        return new MinuteUsage(agency, MeasurementSource.FLOW, minute, down, up, 60);
    }

    @Test
    default void minutesAcrossBucketBoundariesRollUpIntoFiveMinuteAndHourlyBuckets() {
        String a = newAgency();
        long nine = recentNineOClock();
        long m0957 = nine + 57 * 60;
        long m0958 = nine + 58 * 60;
        long m0959 = nine + 59 * 60;
        long m1000 = nine + 60 * 60;
        long m1001 = nine + 61 * 60;
        // Two batches, the second adding to rows the first created (09:59 arrives in both halves).
        store().record(List.of(
                snmp(a, m0957, 6_000_000, 600_000, 60),
                snmp(a, m0958, 3_000_000, 300_000, 30),
                snmp(a, m0959, 4_500_000, 450_000, 45)));
        store().record(List.of(
                snmp(a, m0959, 1_500_000, 150_000, 15),
                snmp(a, m1000, 7_500_000, 750_000, 60),
                snmp(a, m1001, 9_000_000, 900_000, 60)));

        // 1 minute: bytes x 8 / covered seconds; 09:59 is the sum of both halves over 60 s.
        assertThat(points(a, nine, nine + 7_200, Resolution.MINUTE, MeasurementSource.SNMP))
                .extracting(Point::start, Point::downBps, Point::upBps, Point::coveredSeconds)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(m0957, 6_000_000L * 8 / 60, 600_000L * 8 / 60, 60L),
                        org.assertj.core.groups.Tuple.tuple(m0958, 3_000_000L * 8 / 30, 300_000L * 8 / 30, 30L),
                        org.assertj.core.groups.Tuple.tuple(m0959, 6_000_000L * 8 / 60, 600_000L * 8 / 60, 60L),
                        org.assertj.core.groups.Tuple.tuple(m1000, 7_500_000L * 8 / 60, 750_000L * 8 / 60, 60L),
                        org.assertj.core.groups.Tuple.tuple(m1001, 9_000_000L * 8 / 60, 900_000L * 8 / 60, 60L));

        // 5 minutes: 09:55 holds 09:57-09:59 (150 s measured), 10:00 holds 10:00-10:01 (120 s).
        long down0955 = 6_000_000L + 3_000_000 + 4_500_000 + 1_500_000;
        long down1000 = 7_500_000L + 9_000_000;
        assertThat(points(a, nine, nine + 7_200, Resolution.FIVE_MINUTES, MeasurementSource.SNMP))
                .extracting(Point::start, Point::downBps, Point::upBps, Point::coveredSeconds)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(nine + 55 * 60, Math.round(down0955 * 8 / 150.0),
                                Math.round(down0955 / 10 * 8 / 150.0), 150L),
                        org.assertj.core.groups.Tuple.tuple(m1000, Math.round(down1000 * 8 / 120.0),
                                Math.round(down1000 / 10 * 8 / 120.0), 120L));

        // 1 hour: 09:00 and 10:00, each the sum of its minutes over the seconds measured.
        assertThat(points(a, nine - 3_600, nine + 7_200, Resolution.HOUR, MeasurementSource.SNMP))
                .extracting(Point::start, Point::downBps, Point::coveredSeconds)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(nine, Math.round(down0955 * 8 / 150.0), 150L),
                        org.assertj.core.groups.Tuple.tuple(m1000, Math.round(down1000 * 8 / 120.0), 120L));
    }

    @Test
    default void bothSourcesAreKeptApartAndCombinedPreferSnmpPerBucketWithoutAddingThem() {
        String a = newAgency();
        long nine = recentNineOClock();
        store().record(List.of(
                snmp(a, nine, 600_000, 60_000, 60),
                flow(a, nine, 540_000, 54_000),
                // 09:01 only flows measured, 09:02 only SNMP (and only 20 s of it)
                flow(a, nine + 60, 300_000, 30_000),
                snmp(a, nine + 120, 100_000, 10_000, 20)));

        assertThat(points(a, nine, nine + 300, Resolution.MINUTE, MeasurementSource.FLOW))
                .extracting(Point::start, Point::downBps)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(nine, 540_000L * 8 / 60),
                        org.assertj.core.groups.Tuple.tuple(nine + 60, 300_000L * 8 / 60));
        assertThat(points(a, nine, nine + 300, Resolution.MINUTE, null))
                .extracting(Point::start, Point::downBps, Point::source)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(nine, 600_000L * 8 / 60, MeasurementSource.SNMP),
                        org.assertj.core.groups.Tuple.tuple(nine + 60, 300_000L * 8 / 60, MeasurementSource.FLOW),
                        org.assertj.core.groups.Tuple.tuple(nine + 120, 100_000L * 8 / 20, MeasurementSource.SNMP));
        // 5 minutes: SNMP measured the bucket (80 s of it), so its rate stands alone; flows are not added.
        assertThat(points(a, nine, nine + 300, Resolution.FIVE_MINUTES, null))
                .extracting(Point::downBps, Point::upBps, Point::source, Point::coveredSeconds)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(700_000L * 8 / 80, 70_000L * 8 / 80,
                        MeasurementSource.SNMP, 80L));
        assertThat(points(a, nine, nine + 300, Resolution.FIVE_MINUTES, MeasurementSource.FLOW))
                .extracting(Point::downBps, Point::coveredSeconds)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(840_000L * 8 / 120, 120L));
        // Nothing measured later in the hour: no points, not zeros.
        assertThat(points(a, nine + 300, nine + 3_600, Resolution.MINUTE, null)).isEmpty();
    }

    @Test
    default void aBatchThatFailsHalfWayStoresNothing() {
        String a = newAgency();
        String b = newAgency();
        long nine = recentNineOClock();
        store().record(List.of(snmp(a, nine, 600_000, 60_000, 60)));
        // The same database and transactions, with inserts failing: the batch's updates of A's
        // rows have run when B's new rows fail, and must be rolled back with them.
        javax.sql.DataSource ds = dataSource();
        org.springframework.jdbc.core.JdbcTemplate failingInserts = new org.springframework.jdbc.core.JdbcTemplate(ds) {
            @Override
            public int[] batchUpdate(String sql, List<Object[]> batchArgs) {
                if (sql.startsWith("INSERT")) {
                    throw new org.springframework.dao.DataIntegrityViolationException("injected failure");
                }
                return super.batchUpdate(sql, batchArgs);
            }
        };
        MeasurementStore failing = new MeasurementStore(JdbcClient.create(ds), failingInserts,
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(ds),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> failing.record(List.of(
                        snmp(a, nine + 60, 1_200_000, 120_000, 60), snmp(b, nine, 600_000, 60_000, 60))))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThat(points(a, nine, nine + 300, Resolution.MINUTE, null)).extracting(Point::start).containsExactly(nine);
        assertThat(points(a, nine, nine + 300, Resolution.FIVE_MINUTES, null))
                .extracting(Point::downBps, Point::coveredSeconds).containsExactly(org.assertj.core.groups.Tuple.tuple(80_000L, 60L));
        assertThat(points(b, nine, nine + 300, Resolution.MINUTE, null)).isEmpty();
    }

    @Test
    default void unknownAgenciesAreSkippedAndCountedAndTheRestIsStored() {
        String a = newAgency();
        long nine = recentNineOClock();
        double before = registry().counter("padu.measurement.minutes.skipped").count();
        double snmpBefore = registry().counter("padu.measurement.minutes.recorded", "source", "snmp").count();
        store().record(List.of(snmp("NO-SUCH-AGENCY", nine, 1, 1, 60), snmp(a, nine, 7_500, 750, 60)));
        assertThat(registry().counter("padu.measurement.minutes.skipped").count()).isEqualTo(before + 1);
        assertThat(registry().counter("padu.measurement.minutes.recorded", "source", "snmp").count()).isEqualTo(snmpBefore + 1);
        assertThat(points(a, nine, nine + 60, Resolution.MINUTE, null)).extracting(Point::downBps).containsExactly(1_000L);
        assertThat(jdbc().sql("SELECT COUNT(*) FROM measurement WHERE agency_code = 'NO-SUCH-AGENCY'")
                .query(Long.class).single()).isZero();
    }

    @Test
    default void purgeDeletesWhatIsOlderThanEachResolutionsRetention() {
        String a = newAgency();
        // A month ahead of the real time, so the server's own purge (real clock) never sees it.
        long day0 = (Math.floorDiv(Instant.now().getEpochSecond(), 86_400L) + 30) * 86_400L;
        List<MinuteUsage> minutes = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            minutes.add(snmp(a, day0 + d * 86_400L + 10 * 3_600, 600, 60, 60));
        }
        store().record(minutes);
        MeasurementRetention twoDaysOfMinutes = new MeasurementRetention(Duration.ofDays(2), Duration.ofDays(3), null);
        double runs = registry().counter("padu.measurement.purge.runs").count();
        // Now = day 3, 10:30: minutes kept back to day 1, 10:30; the hour 10:00-11:00 of day 1 still
        // reaches into that, the one of day 0 does not. Five-minute rows (06:00-12:00) end after day 0 10:30: kept.
        Instant now = Instant.ofEpochSecond(day0 + 3 * 86_400L + 10 * 3_600 + 1_800);
        Map<Resolution, Integer> deleted = new MeasurementPurge(store(), twoDaysOfMinutes, Clock.fixed(now, ZoneOffset.UTC)).run();
        assertThat(deleted.get(Resolution.MINUTE)).isGreaterThanOrEqualTo(1);
        assertThat(deleted).doesNotContainKey(Resolution.HOUR); // kept forever: not even looked at
        assertThat(registry().counter("padu.measurement.purge.runs").count()).isEqualTo(runs + 1);
        assertThat(points(a, day0, day0 + 3 * 86_400L, Resolution.MINUTE, null)).extracting(Point::start)
                .containsExactly(day0 + 86_400L + 10 * 3_600, day0 + 2 * 86_400L + 10 * 3_600);
        assertThat(points(a, day0, day0 + 3 * 86_400L, Resolution.FIVE_MINUTES, null)).hasSize(3);

        // A day later day 0's five-minute row (06:00-12:00) is entirely older than 3 days too.
        Instant later = now.plus(Duration.ofDays(1));
        new MeasurementPurge(store(), twoDaysOfMinutes, Clock.fixed(later, ZoneOffset.UTC)).run();
        assertThat(points(a, day0, day0 + 3 * 86_400L, Resolution.FIVE_MINUTES, null)).extracting(Point::start)
                .containsExactly(day0 + 86_400L + 10 * 3_600, day0 + 2 * 86_400L + 10 * 3_600);
        assertThat(points(a, day0, day0 + 3 * 86_400L, Resolution.HOUR, null)).hasSize(3);

        // auto: the finest resolution whose retention still reaches back to from
        MeasuredSeries reader = new MeasuredSeries(store(), twoDaysOfMinutes, Clock.fixed(later, ZoneOffset.UTC));
        assertThat(reader.finestRetained(later.minus(Duration.ofDays(1)))).isEqualTo(Resolution.MINUTE);
        assertThat(reader.finestRetained(later.minus(Duration.ofDays(2)).minusSeconds(60))).isEqualTo(Resolution.FIVE_MINUTES);
        assertThat(reader.finestRetained(later.minus(Duration.ofDays(30)))).isEqualTo(Resolution.HOUR);
    }
}
