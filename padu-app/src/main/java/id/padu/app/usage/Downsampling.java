package id.padu.app.usage;

import id.padu.domain.UsageSeries;

/**
 * Averages a series onto a coarser grid. Buckets are aligned to multiples of the step on the
 * local clock of the given UTC offset (WIB for the API): a day bucket is a WIB day, while steps
 * that divide an hour fall on the same boundaries as the epoch grid the dataset format uses.
 * A bucket's value is the mean of its measured samples; a bucket without any is
 * {@link UsageSeries#MISSING}. A step finer than the native one is not invented.
 */
final class Downsampling {

    private Downsampling() {
    }

    static UsageSeries average(UsageSeries s, int step) {
        return average(s, step, 0);
    }

    static UsageSeries average(UsageSeries s, int step, int utcOffsetSeconds) {
        if (step <= s.stepSeconds() || s.size() == 0) {
            return s;
        }
        long first = bucket(s.startEpochSecond(), step, utcOffsetSeconds);
        long last = bucket(s.timeOf(s.size() - 1), step, utcOffsetSeconds);
        int n = (int) ((last - first) / step) + 1;
        long[] down = new long[n];
        long[] up = new long[n];
        long[] sumDown = new long[n];
        long[] sumUp = new long[n];
        int[] cntDown = new int[n];
        int[] cntUp = new int[n];
        for (int i = 0; i < s.size(); i++) {
            int b = (int) ((bucket(s.timeOf(i), step, utcOffsetSeconds) - first) / step);
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

    private static long bucket(long t, int step, int offset) {
        return Math.floorDiv(t + offset, (long) step) * step - offset;
    }
}
