package id.padu.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaxMinSharingTest {

    private static long[] share(long capacity, long[] demand, long[] cir, long[] mir, int[] cls) {
        long[] served = new long[demand.length];
        new MaxMinSharing(cir, mir, cls).share(capacity, demand, served);
        return served;
    }

    @Test
    void uncongestedLinkServesEveryDemandUpToItsCeiling() {
        long[] served = share(100, new long[] {10, 30, 80}, new long[] {10, 10, 10}, new long[] {50, 50, 50}, new int[] {2, 2, 2});
        // the third is capped by MIR 50 even though 40 would be free
        assertThat(served).containsExactly(10, 30, 50);
    }

    @Test
    void higherPriorityBorrowsFirst() {
        // capacity 100; CIRs 20/20/20; A critical, B and C normal, all want 100 (MIR 100)
        long[] served = share(100, new long[] {100, 100, 100}, new long[] {20, 20, 20}, new long[] {100, 100, 100}, new int[] {0, 2, 2});
        // guarantees 60, the 40 left all go to the critical A
        assertThat(served).containsExactly(60, 20, 20);
    }

    @Test
    void withinAClassSpareIsSharedInProportionToCir() {
        // capacity 100; CIRs 10 and 30 (sum 40), same class, both saturate: spare 60 split 1:3
        long[] served = share(100, new long[] {1000, 1000}, new long[] {10, 30}, new long[] {1000, 1000}, new int[] {2, 2});
        assertThat(served).containsExactly(25, 75);
    }

    @Test
    void aCappedAgencyLeavesItsShareToTheOthers() {
        // capacity 100; CIRs 10/10/20; A's MIR is 15, so A stops at 15 and B, C share the rest 1:2
        long[] served = share(100, new long[] {1000, 1000, 1000}, new long[] {10, 10, 20}, new long[] {15, 1000, 1000}, new int[] {1, 1, 1});
        assertThat(served[0]).isEqualTo(15);
        assertThat(served[1] + served[2]).isBetween(84L, 85L);
        assertThat(served[2]).isBetween(2 * served[1] - 1, 2 * served[1] + 1);
    }

    @Test
    void lowDemandBelowCirIsServedInFullAndTheRestIsShared() {
        // A wants 5 (< CIR 30); B and C saturate; spare after guarantees (5+30+30=65) is 35,
        // split equally between B and C (equal CIRs)
        long[] served = share(100, new long[] {5, 1000, 1000}, new long[] {30, 30, 30}, new long[] {100, 100, 100}, new int[] {2, 2, 2});
        assertThat(served[0]).isEqualTo(5);
        assertThat(served[1]).isBetween(47L, 48L);
        assertThat(served[2]).isBetween(47L, 48L);
    }

    @Test
    void overbookedGuaranteesAreScaledDownNeverOverfillingTheLink() {
        long[] served = share(100, new long[] {100, 100}, new long[] {80, 80}, new long[] {100, 100}, new int[] {2, 2});
        assertThat(served[0] + served[1]).isLessThanOrEqualTo(100);
        assertThat(served[0]).isEqualTo(served[1]);
    }

    @Test
    void aMirBelowCirMeansTheSameCeilingOnAnIdleLinkAsOnABusyOne() {
        // a hand-edited plan with MIR 30 below CIR 40: HTB raises ceil to rate, so does the model.
        // Before the fix an idle link served 30 while a busy one served 40.
        long[] idle = share(1000, new long[] {50}, new long[] {40}, new long[] {30}, new int[] {2});
        long[] busy = share(45, new long[] {50, 50}, new long[] {40, 5}, new long[] {30, 5}, new int[] {2, 2});
        assertThat(idle[0]).isEqualTo(40);
        assertThat(busy[0]).isEqualTo(40);
    }

    @Test
    void randomIntervalsKeepTheGeneralizedMaxMinProperties() {
        java.util.Random rnd = new java.util.Random(3);
        for (int trial = 0; trial < 2000; trial++) {
            int n = 1 + rnd.nextInt(12);
            long[] cir = new long[n], mir = new long[n], demand = new long[n];
            int[] cls = new int[n];
            for (int i = 0; i < n; i++) {
                cir[i] = rnd.nextInt(50) * 1000L;
                mir[i] = cir[i] + rnd.nextInt(200) * 1000L;
                demand[i] = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(300) * 1000L;
                cls[i] = rnd.nextInt(4);
            }
            long capacity = Math.max(java.util.Arrays.stream(cir).sum(), rnd.nextInt(1500) * 1000L);
            long[] served = share(capacity, demand, cir, mir, cls);
            long total = 0;
            for (int i = 0; i < n; i++) {
                long ceiling = Math.min(demand[i], Math.max(cir[i], mir[i]));
                assertThat(served[i]).isBetween(Math.min(demand[i], cir[i]), ceiling);
                total += served[i];
            }
            assertThat(total).isLessThanOrEqualTo(capacity);
            boolean anyShort = false;
            for (int i = 0; i < n; i++) {
                anyShort |= served[i] < Math.min(demand[i], Math.max(cir[i], mir[i])) - 1;
            }
            if (!anyShort) {
                continue;
            }
            // the link is full (up to rounding), and borrowing respects class order and CIR proportions
            assertThat(total).isGreaterThanOrEqualTo(capacity - n);
            for (int i = 0; i < n; i++) {
                boolean iShort = served[i] < Math.min(demand[i], Math.max(cir[i], mir[i])) - 1;
                for (int j = 0; j < n; j++) {
                    long borrowedJ = served[j] - Math.min(demand[j], cir[j]);
                    if (iShort && cls[j] > cls[i]) {
                        assertThat(borrowedJ).as("lower class borrowed while a higher one was short").isLessThanOrEqualTo(1);
                    }
                    if (iShort && cls[j] == cls[i] && borrowedJ > 1) {
                        double wi = Math.max(1, cir[i]);
                        double wj = Math.max(1, cir[j]);
                        double borrowedI = served[i] - Math.min(demand[i], cir[i]);
                        assertThat(borrowedJ / wj).as("a short agency borrows at the common level").isLessThanOrEqualTo(borrowedI / wi + 1.0 / wi + 1e-9 + 1.0 / wj);
                    }
                }
            }
        }
    }
}
