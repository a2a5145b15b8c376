package id.padu.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.domain.UsageSeries;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class BucketsTest {

    static final long MIDNIGHT_WIB = OffsetDateTime.parse("2025-03-03T00:00:00+07:00").toEpochSecond();
    static final long M = UsageSeries.MISSING;

    @Test
    void minMeanMaxPerBucketLeavingMissingSamplesOut() {
        long[] v = {10, 20, M, 40, 5};
        Buckets b = Buckets.of(v, MIDNIGHT_WIB, 300, MIDNIGHT_WIB, MIDNIGHT_WIB + 5 * 300, 600, false);
        assertThat(b.startEpochSecond()).isEqualTo(MIDNIGHT_WIB);
        assertThat(b.min()).containsExactly(10L, 40L, 5L);
        assertThat(b.mean()).containsExactly(15L, 40L, 5L);
        assertThat(b.max()).containsExactly(20L, 40L, 5L);
    }

    @Test
    void theAggregateCountsAMissingSampleAsZero() {
        long[] v = {10, 20, M, 40};
        Buckets b = Buckets.of(v, MIDNIGHT_WIB, 300, MIDNIGHT_WIB, MIDNIGHT_WIB + 4 * 300, 600, true);
        assertThat(b.min()).containsExactly(10L, 0L);
        assertThat(b.mean()).containsExactly(15L, 20L);
    }

    @Test
    void aBucketWithoutMeasurementsHasNoValue() {
        long[] v = {M, M, 7, 9};
        Buckets b = Buckets.of(v, MIDNIGHT_WIB, 300, MIDNIGHT_WIB, MIDNIGHT_WIB + 4 * 300, 600, false);
        assertThat(b.mean()).containsExactly(null, 8L);
    }

    @Test
    void sixHourBucketsStartAtMidnightWibAndTheWindowCutsTheSeries() {
        // 24 hours of 5-minute samples from 03:00 WIB; the window starts at 07:00 WIB.
        int n = 288;
        long start = MIDNIGHT_WIB + 3 * 3600;
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        long from = MIDNIGHT_WIB + 7 * 3600;
        Buckets b = Buckets.of(v, start, 300, from, start + n * 300L, 6 * 3600, false);
        // Buckets 06-12 (from 07:00, the window's start), 12-18, 18-24 and 00-06 of the next day (until 02:55).
        assertThat(b.startEpochSecond()).isEqualTo(MIDNIGHT_WIB + 6 * 3600);
        assertThat(b.size()).isEqualTo(4);
        // First bucket: samples from 07:00 (index 48) to 11:55 (index 107).
        assertThat(b.min()[0]).isEqualTo(48L);
        assertThat(b.max()[0]).isEqualTo(107L);
        assertThat(b.mean()[0]).isEqualTo(Math.round((48 + 107) / 2.0));
        // Last bucket 00:00-06:00 next day holds samples until 02:55 (index 287).
        assertThat(b.max()[3]).isEqualTo(287L);
        assertThat(b.min()[3]).isEqualTo(252L);
    }

    @Test
    void aYearOfFiveMinuteSamplesBecomesAtMostTwoThousandPointsPerRange() {
        int n = 365 * 288;
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = (i * 7919L) % 100_000_000L;
        }
        long end = MIDNIGHT_WIB + n * 300L;
        for (ChartRange r : ChartRange.values()) {
            Buckets b = Buckets.of(v, MIDNIGHT_WIB, 300, end - r.seconds, end, r.bucketSeconds, false);
            assertThat(b.size()).as(r.key()).isBetween(288, UsageChart.MAX_POINTS);
            UsageChart c = UsageChart.of(r.key(), b, b, 0, null, null);
            assertThat(c.size()).isEqualTo(b.size());
        }
    }
}
