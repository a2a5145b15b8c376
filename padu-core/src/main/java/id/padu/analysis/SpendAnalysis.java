package id.padu.analysis;

import id.padu.domain.Agency;
import id.padu.domain.Dataset;
import id.padu.domain.Subscription;
import id.padu.domain.UsageSeries;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The spend and demand picture of a dataset: what each agency spends and buys, what it uses
 * (nearest-rank percentiles of its own measured samples), what is paid for idle capacity, and
 * how much less the agencies need together than the sum of their own peaks.
 *
 * <p>Pure and fast: one pass per agency over its primitive arrays (counting the measured
 * samples and their maximum, accumulating the hour-of-day means and adding into the worker's
 * own aggregate), then a histogram-guided selection ({@link RankSelector}) that copies only
 * the few values near the wanted ranks, never the whole series, and sorts nothing. Agencies are spread
 * over the available cores when there is enough data for that to pay.
 */
public final class SpendAnalysis {

    /** Hours east of UTC of WIB (Asia/Jakarta); Indonesia has no daylight saving time. */
    static final int WIB_OFFSET_SECONDS = 7 * 3600;
    private static final int SECONDS_PER_DAY = 86_400;
    /** Below this many samples a second thread costs more than it saves. */
    private static final long PARALLEL_THRESHOLD_SAMPLES = 2_000_000L;
    private static final BigInteger BPS_PER_MBPS = BigInteger.valueOf(1_000_000L);

    private SpendAnalysis() {
    }

    /** Analysis at the dataset's own quantile ({@code plan.quantile}, 0.95 by default). */
    public static SpendReport analyze(Dataset dataset, LocalDate referenceDate) {
        return analyze(dataset, dataset.settings().quantile(), referenceDate);
    }

    /**
     * @param quantile      the percentile that stands for "what the agency uses", in (0, 1]
     * @param referenceDate contracts ending within twelve months from this day are listed
     */
    public static SpendReport analyze(Dataset dataset, double quantile, LocalDate referenceDate) {
        NearestRank.rank(quantile, 1); // rejects a quantile outside (0, 1]
        List<Agency> agencies = dataset.agencies();
        int n = agencies.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(agencies.get(i).code(), i);
        }
        long[] monthly = new long[n];
        long[] boughtDown = new long[n];
        long[] boughtUp = new long[n];
        int[] lines = new int[n];
        List<ContractEnding> ending = new ArrayList<>();
        LocalDate horizon = referenceDate.plusMonths(12);
        for (Subscription s : dataset.subscriptions()) {
            Integer known = index.get(s.agency());
            if (known == null) {
                throw new IllegalArgumentException("subscription of an unknown agency: " + s.agency());
            }
            int i = known;
            monthly[i] = Math.addExact(monthly[i], s.monthlyCost().value());
            boughtDown[i] = Math.addExact(boughtDown[i], s.down().bps());
            boughtUp[i] = Math.addExact(boughtUp[i], s.up().bps());
            lines[i]++;
            LocalDate end = s.endDate();
            if (end != null && !end.isBefore(referenceDate) && !end.isAfter(horizon)) {
                ending.add(new ContractEnding(s.agency(), s.provider(), s.product(), end,
                        s.monthlyCost().value(), s.exitPenalty().value()));
            }
        }
        ending.sort(Comparator.comparing(ContractEnding::endDate).thenComparing(ContractEnding::agency)
                .thenComparing(ContractEnding::provider).thenComparing(ContractEnding::product));

        UsageSeries[] usage = new UsageSeries[n];
        List<Integer> withUsage = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            usage[i] = dataset.usage().get(agencies.get(i).code());
            if (usage[i] != null && usage[i].size() > 0) {
                withUsage.add(i);
            } else {
                usage[i] = null;
            }
        }
        Grid grid = Grid.of(usage);
        Usage[] used = profiles(usage, withUsage, grid, quantile);

        List<AgencyAnalysis> result = new ArrayList<>(n);
        long totalIdle = 0, totalBoughtDown = 0, totalBoughtUp = 0, sumQDown = 0, sumQUp = 0;
        for (int i = 0; i < n; i++) {
            Agency a = agencies.get(i);
            Usage u = used[i];
            long annual = Math.multiplyExact(12L, monthly[i]);
            DemandProfile down = u == null ? null : u.down;
            DemandProfile up = u == null ? null : u.up;
            Long idle = down == null ? null : idleAnnualIdr(annual, down.q(), boughtDown[i]);
            if (idle != null) {
                totalIdle += idle;
            }
            if (down != null) {
                sumQDown += down.q();
            }
            if (up != null) {
                sumQUp += up.q();
            }
            totalBoughtDown += boughtDown[i];
            totalBoughtUp += boughtUp[i];
            result.add(new AgencyAnalysis(a.code(), a.name(), lines[i], annual, boughtDown[i], boughtUp[i], down, up,
                    ratio(down, boughtDown[i]), ratio(up, boughtUp[i]), idle,
                    perMbps(monthly[i], boughtDown[i]), down == null ? null : perMbps(monthly[i], down.q()),
                    u == null ? null : u.busyDown, u == null ? null : u.busyUp, u == null ? null : u.hourly));
        }

        AggregateAnalysis aggregate;
        if (grid == null) {
            aggregate = new AggregateAnalysis(dataset.statusQuoAnnualIdr(), totalIdle, totalBoughtDown, totalBoughtUp,
                    null, null, 0, 0, null, null, 0, AggregateSeries.EMPTY);
        } else {
            AggregateSeries series = new AggregateSeries(grid.start, grid.step, grid.down, grid.up);
            long[] scratch = new long[grid.length];
            System.arraycopy(grid.down, 0, scratch, 0, grid.length);
            RankSelector selector = new RankSelector();
            DemandProfile aggDown = percentiles(selector, scratch, grid.length, max(grid.down), quantile);
            System.arraycopy(grid.up, 0, scratch, 0, grid.length);
            DemandProfile aggUp = percentiles(selector, scratch, grid.length, max(grid.up), quantile);
            aggregate = new AggregateAnalysis(dataset.statusQuoAnnualIdr(), totalIdle, totalBoughtDown, totalBoughtUp,
                    aggDown, aggUp, sumQDown, sumQUp, gain(sumQDown, aggDown.q()), gain(sumQUp, aggUp.q()),
                    (int) java.util.Arrays.stream(used).filter(java.util.Objects::nonNull).count(), series);
        }
        return new SpendReport(quantile, referenceDate, result, aggregate, ending);
    }

    /**
     * Annual spend x max(0, 1 - used / purchased), exactly, rounded half up to whole Rupiah.
     * Nothing purchased means nothing idle.
     */
    static long idleAnnualIdr(long annualIdr, long usedBps, long purchasedBps) {
        if (purchasedBps <= 0 || usedBps >= purchasedBps) {
            return 0;
        }
        return divideHalfUp(BigInteger.valueOf(annualIdr).multiply(BigInteger.valueOf(purchasedBps - usedBps)),
                BigInteger.valueOf(purchasedBps)).longValueExact(); // at most annualIdr
    }

    /**
     * Monthly Rupiah per Mbps of {@code bps}, rounded half up; null when bps is 0, and when the
     * price is beyond what a {@code long} holds (a large amount for a line of a few bit/s: Rp
     * 10^15 for 1 bit/s is Rp 10^21 per Mbps), which no table or chart could show anyway.
     */
    static Long perMbps(long monthlyIdr, long bps) {
        if (bps <= 0) {
            return null;
        }
        BigInteger price = divideHalfUp(BigInteger.valueOf(monthlyIdr).multiply(BPS_PER_MBPS), BigInteger.valueOf(bps));
        return price.bitLength() < Long.SIZE ? price.longValue() : null;
    }

    private static BigInteger divideHalfUp(BigInteger num, BigInteger den) {
        BigInteger[] qr = num.divideAndRemainder(den);
        return qr[1].shiftLeft(1).compareTo(den) >= 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    }

    private static Double ratio(DemandProfile p, long purchasedBps) {
        return p == null || purchasedBps <= 0 ? null : p.q() / (double) purchasedBps;
    }

    private static Double gain(long sumOfQ, long aggregateQ) {
        return aggregateQ <= 0 ? null : sumOfQ / (double) aggregateQ;
    }

    private static long max(long[] a) {
        long m = 0;
        for (long v : a) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** Q50, Q(q), Q99 of the first n values (non-negative; reordering them) and their maximum. */
    static DemandProfile percentiles(RankSelector selector, long[] a, int n, long max, double q) {
        int[] ranks = ranks(n, q);
        return profile(selector.select(a, n, max, ranks), ranks, n, max, q);
    }

    /** The same of the measured (non-negative) values of a series, which stays untouched. */
    static DemandProfile percentilesOfMeasured(RankSelector selector, long[] series, long[] scratch, int n, long max,
                                               double q) {
        int[] ranks = ranks(n, q);
        return profile(selector.selectSkippingNegatives(series, scratch, n, max, ranks), ranks, n, max, q);
    }

    /** 0-based ranks of Q50, Q(q), Q99 among n, ascending (as the selector wants them). */
    private static int[] ranks(int n, double q) {
        int[] ranks = {NearestRank.rank(0.5, n) - 1, NearestRank.rank(q, n) - 1, NearestRank.rank(0.99, n) - 1};
        java.util.Arrays.sort(ranks);
        return ranks;
    }

    private static DemandProfile profile(long[] values, int[] sortedRanks, int n, long max, double q) {
        long q50 = values[java.util.Arrays.binarySearch(sortedRanks, NearestRank.rank(0.5, n) - 1)];
        long qq = values[java.util.Arrays.binarySearch(sortedRanks, NearestRank.rank(q, n) - 1)];
        long q99 = values[java.util.Arrays.binarySearch(sortedRanks, NearestRank.rank(0.99, n) - 1)];
        return new DemandProfile(q50, qq, q99, max, n);
    }

    /** What the usage pass found for one agency. */
    private record Usage(DemandProfile down, DemandProfile up, Integer busyDown, Integer busyUp, HourlyProfile hourly) {
    }

    private static Usage[] profiles(UsageSeries[] usage, List<Integer> withUsage, Grid grid, double q) {
        Usage[] out = new Usage[usage.length];
        if (withUsage.isEmpty()) {
            return out;
        }
        long samples = 0;
        int longest = 0;
        for (int i : withUsage) {
            samples += usage[i].size();
            longest = Math.max(longest, usage[i].size());
        }
        int workers = samples < PARALLEL_THRESHOLD_SAMPLES ? 1
                : Math.min(withUsage.size(), Runtime.getRuntime().availableProcessors());
        AtomicInteger next = new AtomicInteger();
        int scratchLength = longest;
        // Each worker takes the next agency until none is left (agencies differ in length), and
        // sums into its own aggregate arrays, merged at the end: no sharing while running.
        List<long[][]> partials = IntStream.range(0, workers).parallel().mapToObj(w -> {
            long[] scratch = new long[scratchLength];
            long[] aggDown = new long[grid.length];
            long[] aggUp = new long[grid.length];
            RankSelector selector = new RankSelector();
            int k;
            while ((k = next.getAndIncrement()) < withUsage.size()) {
                int i = withUsage.get(k);
                UsageSeries s = usage[i];
                boolean sameStep = s.stepSeconds() == grid.step;
                // on the grid's own step the aggregate is summed in the same pass (one read of the data)
                out[i] = agencyPass(s, selector, scratch, q, sameStep ? aggDown : null, sameStep ? aggUp : null,
                        grid.offsetOf(s));
                if (!sameStep) {
                    grid.add(s, aggDown, aggUp);
                }
            }
            return new long[][] {aggDown, aggUp};
        }).toList();
        for (long[][] p : partials) {
            for (int t = 0; t < grid.length; t++) {
                grid.down[t] += p[0][t];
                grid.up[t] += p[1][t];
            }
        }
        return out;
    }

    /**
     * One pass over an agency's samples: count and maximum of the measured ones, hour-of-day sums, and (when {@code aggDown} is given) the sum into the aggregate from
     * {@code offset} on, a missing sample counting as 0.
     */
    private static Usage agencyPass(UsageSeries s, RankSelector selector, long[] scratch, double q, long[] aggDown,
                                    long[] aggUp,
                                    int offset) {
        long[] down = s.downBps();
        long[] up = s.upBps();
        int n = down.length;
        int step = s.stepSeconds();
        // [0..24) working days, [24..48) weekend; sums in long: 105,120 samples of 10 Gbit/s fit
        long[] sumDown = new long[48];
        long[] sumUp = new long[48];
        int[] cntDown = new int[48];
        int[] cntUp = new int[48];
        long local = s.startEpochSecond() + WIB_OFFSET_SECONDS;
        int secOfDay = (int) Math.floorMod(local, (long) SECONDS_PER_DAY);
        int dow = (int) Math.floorMod(Math.floorDiv(local, (long) SECONDS_PER_DAY) + 3, 7L); // 0 = Monday
        int nd = 0, nu = 0;
        long maxDown = -1, maxUp = -1;
        boolean aggregate = aggDown != null;
        for (int i = 0; i < n; i++) {
            int slot = (dow >= 5 ? 24 : 0) + secOfDay / 3600;
            long d = down[i];
            long u = up[i];
            if (aggregate) {
                // branch-free "missing (-1) counts as 0": the sign mask clears negatives
                aggDown[offset + i] += d & ~(d >> 63);
                aggUp[offset + i] += u & ~(u >> 63);
            }
            if (d >= 0) {
                nd++;
                maxDown = Math.max(maxDown, d);
                sumDown[slot] += d;
                cntDown[slot]++;
            }
            if (u >= 0) {
                nu++;
                maxUp = Math.max(maxUp, u);
                sumUp[slot] += u;
                cntUp[slot]++;
            }
            secOfDay += step;
            while (secOfDay >= SECONDS_PER_DAY) {
                secOfDay -= SECONDS_PER_DAY;
                dow = dow == 6 ? 0 : dow + 1;
            }
        }
        if (nd == 0 && nu == 0) {
            return null;
        }
        DemandProfile pd = nd == 0 ? null : percentilesOfMeasured(selector, down, scratch, nd, maxDown, q);
        DemandProfile pu = nu == 0 ? null : percentilesOfMeasured(selector, up, scratch, nu, maxUp, q);
        HourlyProfile hourly = new HourlyProfile(means(sumDown, cntDown, 0), means(sumUp, cntUp, 0),
                means(sumDown, cntDown, 24), means(sumUp, cntUp, 24));
        return new Usage(pd, pu, busyHour(sumDown, cntDown), busyHour(sumUp, cntUp), hourly);
    }

    private static long[] means(long[] sum, int[] cnt, int offset) {
        long[] m = new long[24];
        for (int h = 0; h < 24; h++) {
            int c = cnt[offset + h];
            m[h] = c == 0 ? UsageSeries.MISSING : Math.round(sum[offset + h] / (double) c);
        }
        return m;
    }

    /** Hour of day with the highest mean over all days; the earliest on a tie; null without samples. */
    private static Integer busyHour(long[] sum, int[] cnt) {
        Integer best = null;
        double bestMean = -1;
        for (int h = 0; h < 24; h++) {
            int c = cnt[h] + cnt[24 + h];
            if (c == 0) {
                continue;
            }
            double mean = (sum[h] + sum[24 + h]) / (double) c;
            if (mean > bestMean) {
                bestMean = mean;
                best = h;
            }
        }
        return best;
    }

    /**
     * The union of the agencies' time grids: from the earliest start to the latest end, at the
     * greatest common divisor of their steps (all equal in practice, commonly 300 s). A sample
     * of a coarser agency covers several grid steps and counts in each, since it is the
     * average rate over all of them.
     */
    private static final class Grid {
        final long start;
        final int step;
        final int length;
        final long[] down;
        final long[] up;

        private Grid(long start, int step, int length) {
            this.start = start;
            this.step = step;
            this.length = length;
            this.down = new long[length];
            this.up = new long[length];
        }

        static Grid of(UsageSeries[] usage) {
            long start = Long.MAX_VALUE, end = Long.MIN_VALUE;
            int step = 0;
            for (UsageSeries s : usage) {
                if (s == null) {
                    continue;
                }
                start = Math.min(start, s.startEpochSecond());
                end = Math.max(end, s.startEpochSecond() + (long) s.stepSeconds() * s.size());
                step = gcd(step, s.stepSeconds());
            }
            if (step == 0) {
                return null;
            }
            // starts are aligned to their own step; align the grid start so every start falls on it
            for (UsageSeries s : usage) {
                if (s != null) {
                    step = (int) gcd(step, Math.floorMod(s.startEpochSecond() - start, (long) step));
                }
            }
            long length = (end - start) / step;
            if (length > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("usage spans too many steps for one series: " + length);
            }
            return new Grid(start, step, (int) length);
        }

        private static int gcd(int a, int b) {
            return (int) gcd((long) a, (long) b);
        }

        private static long gcd(long a, long b) {
            while (b != 0) {
                long t = a % b;
                a = b;
                b = t;
            }
            return a;
        }

        int offsetOf(UsageSeries s) {
            return (int) ((s.startEpochSecond() - start) / step);
        }

        /** Adds the agency's samples into {@code aggDown}/{@code aggUp}; missing counts as 0. */
        void add(UsageSeries s, long[] aggDown, long[] aggUp) {
            int offset = offsetOf(s);
            int factor = s.stepSeconds() / step;
            long[] d = s.downBps();
            long[] u = s.upBps();
            if (factor == 1) {
                for (int i = 0, n = d.length; i < n; i++) {
                    long dv = d[i];
                    long uv = u[i];
                    // branch-free "missing (-1) counts as 0": the sign mask clears negatives
                    aggDown[offset + i] += dv & ~(dv >> 63);
                    aggUp[offset + i] += uv & ~(uv >> 63);
                }
                return;
            }
            for (int i = 0, n = d.length; i < n; i++) {
                long dv = Math.max(0, d[i]);
                long uv = Math.max(0, u[i]);
                for (int j = 0, t = offset + i * factor; j < factor; j++, t++) {
                    aggDown[t] += dv;
                    aggUp[t] += uv;
                }
            }
        }
    }
}
