package id.padu.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NearestRankTest {

    @Test
    void rankIsCeilingOfQTimesN() {
        assertThat(NearestRank.rank(0.95, 100)).isEqualTo(95);
        assertThat(NearestRank.rank(0.95, 101)).isEqualTo(96);
        assertThat(NearestRank.rank(0.5, 4)).isEqualTo(2);
        assertThat(NearestRank.rank(0.5, 5)).isEqualTo(3);
        assertThat(NearestRank.rank(1.0, 7)).isEqualTo(7);
        assertThat(NearestRank.rank(0.01, 7)).isEqualTo(1);
    }

    @Test
    void quantileSkipsMissingSamples() {
        long[] v = {10, -1, 30, 20, -1, 40};
        // four samples 10,20,30,40: Q(0.5) is rank 2 = 20, Q(0.95) is rank 4 = 40
        assertThat(NearestRank.quantile(v, 0.5, -1)).isEqualTo(20);
        assertThat(NearestRank.quantile(v, 0.95, -1)).isEqualTo(40);
        assertThat(NearestRank.quantile(new long[] {-1, -1}, 0.5, -1)).isEqualTo(-1);
    }

    @Test
    void selectionAgreesWithSortingOnRandomData() {
        Random r = new Random(42);
        for (int round = 0; round < 200; round++) {
            int n = 1 + r.nextInt(300);
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                v[i] = r.nextInt(50); // many duplicates
            }
            long[] sorted = v.clone();
            Arrays.sort(sorted);
            double q = r.nextDouble() * 0.99 + 0.01;
            assertThat(NearestRank.quantile(v, q, Long.MIN_VALUE)).isEqualTo(sorted[NearestRank.rank(q, n) - 1]);
        }
    }
}
