package id.padu.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RankSelectorTest {

    private final RankSelector selector = new RankSelector();

    private long[] check(long[] values, int... ranks) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        long max = sorted[sorted.length - 1];
        long[] got = selector.select(values.clone(), values.length, max, ranks);
        for (int k = 0; k < ranks.length; k++) {
            assertThat(got[k]).as("rank %d of %d", ranks[k], values.length).isEqualTo(sorted[ranks[k]]);
        }
        return got;
    }

    @Test
    void agreesWithSortingOnLargeSmoothSkewedAndTiedData() {
        Random r = new Random(11);
        for (int round = 0; round < 60; round++) {
            int n = 4096 + r.nextInt(120_000);
            long[] v = new long[n];
            int kind = round % 4;
            for (int i = 0; i < n; i++) {
                v[i] = switch (kind) {
                    case 0 -> (long) (r.nextDouble() * 1e9);                 // smooth
                    case 1 -> r.nextInt(100) == 0 ? 10_000_000_000L : r.nextInt(5000); // one far outlier bucket
                    case 2 -> r.nextInt(3) * 1_000_000L;                     // three distinct values
                    default -> (long) Math.exp(r.nextGaussian() * 3 + 10);   // heavy tail
                };
            }
            int a = r.nextInt(n), b = r.nextInt(n), c = r.nextInt(n);
            int[] ranks = {a, b, c, n / 2, n - 1, 0};
            Arrays.sort(ranks);
            check(v, ranks);
        }
    }

    @Test
    void skippingNegativesAgreesWithSortingTheMeasuredValues() {
        Random r = new Random(13);
        for (int round = 0; round < 40; round++) {
            int n = 1 + r.nextInt(round % 2 == 0 ? 3000 : 120_000);
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                v[i] = r.nextInt(20) == 0 ? -1 : (round % 3 == 0 ? r.nextInt(4) : (long) (r.nextDouble() * 5e8));
            }
            long[] measured = java.util.Arrays.stream(v).filter(x -> x >= 0).sorted().toArray();
            if (measured.length == 0) {
                continue;
            }
            int m = measured.length;
            int[] ranks = {r.nextInt(m), r.nextInt(m), m - 1};
            Arrays.sort(ranks);
            long[] before = v.clone();
            long[] got = selector.selectSkippingNegatives(v, new long[n], m, measured[m - 1], ranks);
            for (int k = 0; k < ranks.length; k++) {
                assertThat(got[k]).isEqualTo(measured[ranks[k]]);
            }
            assertThat(v).as("the series itself is left alone").isEqualTo(before);
        }
    }

    @Test
    void sameRankTwiceAndAllEqualValues() {
        long[] v = new long[10_000];
        Arrays.fill(v, 7);
        assertThat(check(v, 3, 3, 9_999)).containsExactly(7, 7, 7);
        long[] zeros = new long[10_000];
        assertThat(check(zeros, 0, 5_000)).containsExactly(0, 0);
    }

    @Test
    void smallArraysUseQuickselect() {
        assertThat(check(new long[] {5, 1, 4, 2, 3}, 0, 2, 4)).containsExactly(1, 3, 5);
        assertThat(check(new long[] {9}, 0)).containsExactly(9);
    }
}
