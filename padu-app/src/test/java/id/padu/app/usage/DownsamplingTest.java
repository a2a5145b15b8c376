package id.padu.app.usage;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.domain.UsageSeries;
import org.junit.jupiter.api.Test;

class DownsamplingTest {

    static final long M = UsageSeries.MISSING;

    @Test
    void bucketsAreAlignedToTheEpochAndAverageMeasuredSamplesOnly() {
        // Starts at 00:10 UTC with 5-minute steps; 15-minute buckets start at 00:00, 00:15, 00:30.
        long start = 600;
        UsageSeries s = new UsageSeries("A", start, 300,
                new long[] {10, 20, M, 40, M, M, M},
                new long[] {1, 2, 3, 4, 5, 6, M});
        UsageSeries r = Downsampling.average(s, 900);
        assertThat(r.startEpochSecond()).isEqualTo(0);
        assertThat(r.stepSeconds()).isEqualTo(900);
        // bucket 0: 00:10 -> 10; bucket 1: 00:15,00:20,00:25 -> 20, M, 40 -> 30; bucket 2: M,M,M -> M
        assertThat(r.downBps()).containsExactly(10, 30, M);
        assertThat(r.upBps()).containsExactly(1, 3, 6);
    }

    @Test
    void aFinerStepThanTheNativeOneIsNotInvented() {
        UsageSeries s = new UsageSeries("A", 0, 300, new long[] {1, 2}, new long[] {3, 4});
        assertThat(Downsampling.average(s, 60)).isSameAs(s);
    }

    @Test
    void dayBucketsAreWibDays() {
        // 2025-03-03 06:55 WIB and 07:00 WIB: the same WIB day, two different UTC days.
        long t = java.time.OffsetDateTime.parse("2025-03-03T06:55:00+07:00").toEpochSecond();
        UsageSeries s = new UsageSeries("A", t, 300, new long[] {10, 30}, new long[] {1, 3});
        UsageSeries r = Downsampling.average(s, 86_400, 7 * 3600);
        assertThat(r.size()).isEqualTo(1);
        assertThat(r.start()).isEqualTo(java.time.OffsetDateTime.parse("2025-03-03T00:00:00+07:00").toInstant());
        assertThat(r.downBps()).containsExactly(20);
        assertThat(Downsampling.average(s, 86_400, 0).size()).isEqualTo(2);
    }
}
