package id.padu.alert;

import id.padu.alert.AlertText.Dir;
import id.padu.alert.AlertText.Money;
import id.padu.alert.AlertText.Rate;
import id.padu.alert.AlertText.Share;
import id.padu.analysis.NearestRank;
import id.padu.domain.Dataset;
import id.padu.domain.Direction;
import id.padu.domain.Subscription;
import id.padu.domain.UsageSeries;
import id.padu.domain.Wib;
import id.padu.plan.AgencyDecision;
import id.padu.plan.Plan;
import id.padu.plan.Uplink;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates the alert rules at one moment on a dataset and the live plan (null: the rules that
 * need a plan are skipped). Pure and deterministic: the same input and evaluation time give the
 * same alerts, in the same order (rule, agency, direction, subject).
 *
 * <p>Only intervals that ended by the evaluation time count. Q95 is nearest-rank, as everywhere in
 * Padu. The central agencies are those the plan makes central, whether or not they have cut over:
 * before its cutover an agency's measured demand is compared with the allocation it will get,
 * which is what a planner wants to know before the move. {@code since} of a rule over a window is
 * the earliest of the evaluation time and the checks one step (an hour; a day for the 30-day rule)
 * apart before it at which the rule held at every check: when a server checking that often would
 * have seen it start.
 */
public final class AlertEvaluator {

    /** Days of usage behind {@code agency-over-allocated}. */
    public static final int UNUSED_DAYS = 30;
    /** Share of the MIR at or above which an interval counts as "at the ceiling". */
    public static final double AT_CEILING = 0.95;
    /** Days after its cutover an agency may still pay for its own line before {@code paying-twice}. */
    public static final int PAYING_TWICE_GRACE_DAYS = 30;
    static final double Q = 0.95;
    private static final long HOUR = 3600;
    private static final long DAY = 86_400;

    private AlertEvaluator() {
    }

    public static List<Alert> evaluate(Dataset data, Plan plan, long asOf, AlertSettings s) {
        List<Alert> out = new ArrayList<>();
        if (plan != null) {
            out.addAll(withSince(asOf, HOUR, s.windowDays() * 24, t -> uplinkBusy(data, plan, t, s)));
            out.addAll(withSince(asOf, HOUR, s.windowDays() * 24, t -> atCeiling(data, plan, t, s)));
            out.addAll(withSince(asOf, DAY, UNUSED_DAYS, t -> overAllocated(data, plan, t, s)));
        }
        out.addAll(noData(data, asOf, s));
        out.addAll(contractEnding(data, asOf, s));
        if (plan != null) {
            out.addAll(payingTwice(data, plan, asOf));
        }
        out.sort(Comparator.comparing((Alert a) -> a.rule().ordinal())
                .thenComparing(a -> a.agency() == null ? "" : a.agency())
                .thenComparing(a -> a.direction() == null ? -1 : a.direction().ordinal())
                .thenComparing(a -> a.subject() == null ? "" : a.subject()));
        return out;
    }

    /** The end of the usage data: where {@code padu alerts} evaluates without {@code --as-of}. */
    public static long endOfData(Dataset data) {
        long end = Long.MIN_VALUE;
        for (UsageSeries u : data.usage().values()) {
            for (int i = u.size() - 1; i >= 0; i--) {
                if (u.downBps()[i] != UsageSeries.MISSING || u.upBps()[i] != UsageSeries.MISSING) {
                    end = Math.max(end, u.timeOf(i) + u.stepSeconds());
                    break;
                }
            }
        }
        return end;
    }

    /** A rule over a window, evaluated at {@code asOf}, with {@code since} found by checks {@code step} apart. */
    private static List<Alert> withSince(long asOf, long step, int maxSteps, java.util.function.LongFunction<List<Alert>> rule) {
        List<Alert> now = rule.apply(asOf);
        if (now.isEmpty()) {
            return now;
        }
        Map<String, Long> since = new LinkedHashMap<>();
        now.forEach(a -> since.put(a.key(), asOf));
        Set<String> holding = new HashSet<>(since.keySet());
        for (int k = 1; k <= maxSteps && !holding.isEmpty(); k++) {
            long t = asOf - k * step;
            Set<String> then = new HashSet<>();
            rule.apply(t).forEach(a -> then.add(a.key()));
            holding.retainAll(then);
            for (String key : holding) {
                since.put(key, t);
            }
        }
        return now.stream().map(a -> new Alert(a.rule(), a.agency(), a.direction(), a.subject(), a.value(), a.threshold(),
                since.get(a.key()), a.args())).toList();
    }

    // ---- uplink-busy

    private static List<Alert> uplinkBusy(Dataset data, Plan plan, long asOf, AlertSettings s) {
        long from = asOf - s.windowDays() * DAY;
        List<UsageSeries> central = new ArrayList<>();
        for (AgencyDecision a : plan.centralAgencies()) {
            data.usageOf(a.code()).ifPresent(central::add);
        }
        List<Alert> out = new ArrayList<>();
        for (Direction d : Direction.values()) {
            long capacity = 0;
            for (Uplink u : plan.uplinks()) {
                capacity += d == Direction.DOWN ? u.downBps() : u.upBps();
            }
            if (capacity <= 0) {
                continue;
            }
            long[] aggregate = aggregate(central, d, from, asOf);
            if (aggregate.length == 0) {
                continue;
            }
            long q95 = NearestRank.select(aggregate, aggregate.length, NearestRank.rank(Q, aggregate.length) - 1);
            double threshold = s.uplinkBusy() * capacity;
            if (q95 > threshold) {
                out.add(new Alert(AlertRule.UPLINK_BUSY, null, d, null, q95, Math.floor(threshold), null,
                        List.of(new Dir(d), new Rate(q95), s.windowDays(), new Rate((long) threshold),
                                new Share(s.uplinkBusy()), new Rate(capacity))));
            }
        }
        return out;
    }

    /**
     * The summed demand of the agencies over {@code [from, to)}: per bucket of the coarsest step
     * among them, each agency's mean of its measured samples in the bucket, summed over the
     * agencies that measured it; buckets nobody measured are left out.
     */
    static long[] aggregate(List<UsageSeries> series, Direction d, long from, long to) {
        int step = 0;
        for (UsageSeries u : series) {
            step = Math.max(step, u.stepSeconds());
        }
        if (step == 0 || to <= from) {
            return new long[0];
        }
        int buckets = (int) ((to - from + step - 1) / step);
        long[] sum = new long[buckets];
        boolean[] seen = new boolean[buckets];
        long[] agencySum = new long[buckets];
        int[] agencyCount = new int[buckets];
        for (UsageSeries u : series) {
            java.util.Arrays.fill(agencySum, 0);
            java.util.Arrays.fill(agencyCount, 0);
            long[] v = u.series(d);
            int first = firstIndexAtOrAfter(u, from);
            for (int i = first; i < u.size(); i++) {
                long t = u.timeOf(i);
                if (t + u.stepSeconds() > to) {
                    break;
                }
                if (v[i] == UsageSeries.MISSING) {
                    continue;
                }
                int b = (int) ((t - from) / step);
                agencySum[b] += v[i];
                agencyCount[b]++;
            }
            for (int b = 0; b < buckets; b++) {
                if (agencyCount[b] > 0) {
                    sum[b] += Math.round((double) agencySum[b] / agencyCount[b]);
                    seen[b] = true;
                }
            }
        }
        int n = 0;
        for (boolean x : seen) {
            if (x) {
                n++;
            }
        }
        long[] out = new long[n];
        int k = 0;
        for (int b = 0; b < buckets; b++) {
            if (seen[b]) {
                out[k++] = sum[b];
            }
        }
        return out;
    }

    private static int firstIndexAtOrAfter(UsageSeries u, long t) {
        if (t <= u.startEpochSecond()) {
            return 0;
        }
        long i = (t - u.startEpochSecond() + u.stepSeconds() - 1) / u.stepSeconds();
        return (int) Math.min(i, u.size());
    }

    /** The measured samples of one direction whose interval lies in {@code [from, to)}. */
    static long[] window(UsageSeries u, Direction d, long from, long to) {
        long[] v = u.series(d);
        int first = firstIndexAtOrAfter(u, from);
        long[] out = new long[Math.max(0, u.size() - first)];
        int n = 0;
        for (int i = first; i < u.size(); i++) {
            if (u.timeOf(i) + u.stepSeconds() > to) {
                break;
            }
            if (v[i] != UsageSeries.MISSING) {
                out[n++] = v[i];
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    // ---- agency-at-ceiling

    private static List<Alert> atCeiling(Dataset data, Plan plan, long asOf, AlertSettings s) {
        long from = asOf - s.windowDays() * DAY;
        List<Alert> out = new ArrayList<>();
        for (AgencyDecision a : plan.centralAgencies()) {
            UsageSeries u = data.usageOf(a.code()).orElse(null);
            if (u == null) {
                continue;
            }
            for (Direction d : Direction.values()) {
                long mir = d == Direction.DOWN ? a.mirDownBps() : a.mirUpBps();
                if (mir <= 0) {
                    continue;
                }
                long[] w = window(u, d, from, asOf);
                if (w.length == 0) {
                    continue;
                }
                double ceiling = AT_CEILING * mir;
                int at = 0;
                for (long x : w) {
                    if (x >= ceiling) {
                        at++;
                    }
                }
                double share = (double) at / w.length;
                if (share > s.ceilingShare()) {
                    out.add(new Alert(AlertRule.AGENCY_AT_CEILING, a.code(), d, null, share, s.ceilingShare(), null,
                            List.of(a.code(), new Dir(d), new Share(share), s.windowDays(), new Rate(mir),
                                    new Share(s.ceilingShare()))));
                }
            }
        }
        return out;
    }

    // ---- agency-over-allocated

    private static List<Alert> overAllocated(Dataset data, Plan plan, long asOf, AlertSettings s) {
        long from = asOf - UNUSED_DAYS * DAY;
        List<Alert> out = new ArrayList<>();
        for (AgencyDecision a : plan.centralAgencies()) {
            UsageSeries u = data.usageOf(a.code()).orElse(null);
            if (u == null) {
                continue;
            }
            for (Direction d : Direction.values()) {
                long cir = d == Direction.DOWN ? a.cirDownBps() : a.cirUpBps();
                if (cir <= 0) {
                    continue;
                }
                long[] w = window(u, d, from, asOf);
                // At least a day of measurements: a Q95 of a few samples says nothing of a guarantee.
                if ((long) w.length * u.stepSeconds() < DAY) {
                    continue;
                }
                long q95 = NearestRank.select(w, w.length, NearestRank.rank(Q, w.length) - 1);
                double threshold = s.unusedCir() * cir;
                if (q95 < threshold) {
                    out.add(new Alert(AlertRule.AGENCY_OVER_ALLOCATED, a.code(), d, null, q95, Math.floor(threshold), null,
                            List.of(a.code(), new Dir(d), new Rate(q95), UNUSED_DAYS, new Rate(cir),
                                    new Share(s.unusedCir()))));
                }
            }
        }
        return out;
    }

    // ---- no-data

    private static List<Alert> noData(Dataset data, long asOf, AlertSettings s) {
        long from = asOf - s.noDataHours() * HOUR;
        List<Alert> out = new ArrayList<>();
        for (var agency : data.agencies()) {
            UsageSeries u = data.usageOf(agency.code()).orElse(null);
            Long lastEnd = null;
            if (u != null) {
                for (int i = u.size() - 1; i >= 0; i--) {
                    long t = u.timeOf(i);
                    if (t + u.stepSeconds() > asOf) {
                        continue;
                    }
                    if (u.downBps()[i] != UsageSeries.MISSING || u.upBps()[i] != UsageSeries.MISSING) {
                        lastEnd = t + u.stepSeconds();
                        break;
                    }
                }
            }
            if (lastEnd == null || lastEnd <= from) {
                double hours = lastEnd == null ? -1 : (asOf - lastEnd) / (double) HOUR;
                out.add(new Alert(AlertRule.NO_DATA, agency.code(), null, null, Math.floor(hours * 10) / 10,
                        s.noDataHours(), lastEnd, List.of(agency.code(), s.noDataHours(),
                        lastEnd == null ? "-" : java.time.Instant.ofEpochSecond(lastEnd).atZone(Wib.ZONE).toLocalDateTime()
                                .toString().replace('T', ' ') + " WIB")));
            }
        }
        return out;
    }

    // ---- contract-ending

    private static List<Alert> contractEnding(Dataset data, long asOf, AlertSettings s) {
        LocalDate today = java.time.Instant.ofEpochSecond(asOf).atZone(Wib.ZONE).toLocalDate();
        List<Alert> out = new ArrayList<>();
        for (Subscription sub : data.subscriptions()) {
            LocalDate end = sub.endDate();
            if (end == null || end.isBefore(today)) {
                continue;
            }
            long days = ChronoUnit.DAYS.between(today, end);
            if (days <= s.contractDays()) {
                long since = end.minusDays(s.contractDays()).atStartOfDay(Wib.ZONE).toEpochSecond();
                long penalty = sub.exitPenalty() == null ? 0 : sub.exitPenalty().value();
                out.add(new Alert(AlertRule.CONTRACT_ENDING, sub.agency(), null, sub.provider() + " " + sub.product(), days,
                        s.contractDays(), since, List.of(sub.agency(), sub.provider() + " " + sub.product(), end, days,
                        new Money(penalty))));
            }
        }
        return out;
    }

    // ---- paying-twice

    private static List<Alert> payingTwice(Dataset data, Plan plan, long asOf) {
        LocalDate today = java.time.Instant.ofEpochSecond(asOf).atZone(Wib.ZONE).toLocalDate();
        List<Alert> out = new ArrayList<>();
        for (AgencyDecision a : plan.centralAgencies()) {
            LocalDate cutover = a.cutoverDate();
            if (cutover == null || !today.isAfter(cutover.plusDays(PAYING_TWICE_GRACE_DAYS))) {
                continue;
            }
            for (Subscription sub : data.subscriptionsOf(a.code())) {
                if (sub.endDate() == null || sub.endDate().isAfter(today)) {
                    long monthly = sub.monthlyCost().value();
                    long since = cutover.plusDays(PAYING_TWICE_GRACE_DAYS + 1).atStartOfDay(Wib.ZONE).toEpochSecond();
                    out.add(new Alert(AlertRule.PAYING_TWICE, a.code(), null, sub.provider() + " " + sub.product(), monthly,
                            0, since, List.of(a.code(), sub.provider() + " " + sub.product(), cutover,
                            new Money(monthly), sub.endDate() == null ? "-" : sub.endDate().toString())));
                }
            }
        }
        return out;
    }
}
