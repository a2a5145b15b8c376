package id.padu.app.usage;

import id.padu.domain.UsageSeries;

/**
 * Averages a series onto a coarser grid whose buckets are aligned to multiples of the step
 * since the Unix epoch (as the dataset format aligns steps). A bucket's value is the mean of
 * its measured samples; a bucket without any is {@link UsageSeries#MISSING}. A step finer than
 * the native one is not invented: the native step is used.
 */
final class Downsampling {

    private Downsampling() {
    }

    static UsageSeries average(UsageSeries s, int step) {
        if (step <= s.stepSeconds() || s.size() == 0) {
            return s;
        }
        long first = Math.floorDiv(s.startEpochSecond(), (long) step) * step;
        long last = Math.floorDiv(s.timeOf(s.size() - 1), (long) step) * step;
        int n = (int) ((last - first) / step) + 1;
        long[] down = new long[n];
        long[] up = new long[n];
        long[] sumDown = new long[n];
        long[] sumUp = new long[n];
        int[] cntDown = new int[n];
        int[] cntUp = new int[n];
        for (int i = 0; i < s.size(); i++) {
            int b = (int) ((Math.floorDiv(s.timeOf(i), (long) step) * step - first) / step);
            long d = s.downBps()[i];
            long u = s.upBps()[i];
            if (d != UsageSeries.MISSING) {
                sumDown[b] += d;
                cntDown[b]++;
            }
            if (u != UsageSeries.MISSING) {
                sumUp[b] += u;
                cntUp[b]++;
            }
        }
        for (int b = 0; b < n; b++) {
            down[b] = cntDown[b] == 0 ? UsageSeries.MISSING : Math.round(sumDown[b] / (double) cntDown[b]);
            up[b] = cntUp[b] == 0 ? UsageSeries.MISSING : Math.round(sumUp[b] / (double) cntUp[b]);
        }
        return new UsageSeries(s.agency(), first, step, down, up);
    }
}
