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
}
