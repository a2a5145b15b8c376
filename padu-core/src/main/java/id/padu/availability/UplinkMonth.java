package id.padu.availability;

import id.padu.domain.Wib;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One uplink's calendar month (WIB) from its polls: how many polls were up and passing traffic,
 * up without traffic, down, unanswered, and missed because Padu was not polling (a silence
 * longer than one and a half intervals between two stored polls), and its outages.
 *
 * <p>Availability is the share of answered polls that were up and passing traffic; polls Padu
 * missed are counted apart, never against the ISP.
 */
public record UplinkMonth(YearMonth month, long upPolls, long idlePolls, long downPolls, long unansweredPolls,
                          long notPolled, List<Outage> outages) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public UplinkMonth {
        outages = List.copyOf(outages);
    }

    /** Polls the agent answered: the ones the availability is computed on. */
    public long answeredPolls() {
        return upPolls + idlePolls + downPolls;
    }

    /** Polls Padu missed itself: unanswered, or not sent because Padu was not running. */
    public long missedPolls() {
        return unansweredPolls + notPolled;
    }

    /** The share (0 to 1) of answered polls that were up and passing traffic; null without any answered poll. */
    public Double availability() {
        long answered = answeredPolls();
        return answered == 0 ? null : (double) upPolls / answered;
    }

    /** Whether the availability reached {@code slaPct} percent (exactly, on the poll counts); null when unknown. */
    public Boolean meets(Double slaPct) {
        long answered = answeredPolls();
        if (slaPct == null || answered == 0) {
            return null;
        }
        return BigDecimal.valueOf(upPolls).multiply(HUNDRED)
                .compareTo(BigDecimal.valueOf(slaPct).multiply(BigDecimal.valueOf(answered))) >= 0;
    }

    /** Seconds of outage within the month. */
    public long outageSeconds() {
        return outages.stream().mapToLong(Outage::durationSeconds).sum();
    }

    /** The month's first second (00:00 WIB on the 1st), epoch seconds. */
    public static long start(YearMonth month) {
        return month.atDay(1).atStartOfDay(Wib.ZONE).toEpochSecond();
    }

    /** The first second after the month, epoch seconds. */
    public static long end(YearMonth month) {
        return start(month.plusMonths(1));
    }

    /**
     * The month of one uplink from its polls. {@code polls} should hold every poll of the month
     * and, for context, the last poll before it and the first one after it (an outage going on
     * across the month's start or end, a silence across either); polls further out change nothing.
     * {@code asOf} is the evaluation time: an outage still on at the last poll, with that poll
     * less than one and a half intervals before {@code asOf}, is {@link Outage.End#ONGOING}.
     */
    public static UplinkMonth of(List<Poll> polls, YearMonth month, long asOf) {
        List<Poll> sorted = new ArrayList<>(polls);
        sorted.sort(Comparator.comparingLong(Poll::epochSecond));
        long from = start(month);
        long to = end(month);
        long[] count = new long[PollOutcome.values().length];
        long notPolled = 0;
        List<Outage> outages = new ArrayList<>();
        Running run = null;
        for (int i = 0; i < sorted.size(); i++) {
            Poll p = sorted.get(i);
            long t = p.epochSecond();
            boolean inMonth = t >= from && t < to;
            if (inMonth) {
                count[p.outcome().ordinal()]++;
            }
            if (p.outcome().bad()) {
                if (run == null) {
                    run = new Running(t);
                }
                if (inMonth) {
                    if (p.outcome() == PollOutcome.DOWN) {
                        run.down++;
                    } else {
                        run.idle++;
                    }
                }
            } else if (run != null) {
                clip(run, t, p.outcome() == PollOutcome.UP ? Outage.End.UP : Outage.End.NOT_SEEN, from, to, outages);
                run = null;
            }
            if (i + 1 < sorted.size()) {
                long gap = sorted.get(i + 1).epochSecond() - t;
                int iv = p.intervalSeconds();
                if (2 * gap > 3L * iv) {
                    long missing = Math.round((double) gap / iv) - 1;
                    notPolled += dueWithin(t, iv, missing, from, to);
                    if (run != null) {
                        clip(run, t + iv, Outage.End.NOT_SEEN, from, to, outages);
                        run = null;
                    }
                }
            }
        }
        if (run != null) {
            Poll last = sorted.get(sorted.size() - 1);
            boolean watched = 2 * (asOf - last.epochSecond()) <= 3L * last.intervalSeconds();
            clip(run, last.epochSecond() + last.intervalSeconds(), watched ? Outage.End.ONGOING : Outage.End.NOT_SEEN,
                    from, to, outages);
        }
        return new UplinkMonth(month, count[PollOutcome.UP.ordinal()], count[PollOutcome.IDLE.ordinal()],
                count[PollOutcome.DOWN.ordinal()], count[PollOutcome.MISSED.ordinal()], notPolled, outages);
    }

    /** An outage being followed through the polls; counts are of its polls within the month. */
    private static final class Running {
        final long start;
        int down;
        int idle;

        Running(long start) {
            this.start = start;
        }
    }

    /** Adds the part of the outage [run.start, end) that lies within [from, to), if any. */
    private static void clip(Running run, long end, Outage.End how, long from, long to, List<Outage> into) {
        if (end <= from || run.start >= to) {
            return;
        }
        into.add(new Outage(Math.max(run.start, from), Math.min(end, to), run.start < from, end > to ? Outage.End.MONTH_END : how,
                run.down, run.idle));
    }

    /** How many of the polls due at {@code t + k * iv} (k = 1 .. n) fall within [from, to). */
    static long dueWithin(long t, int iv, long n, long from, long to) {
        long first = Math.max(1, Math.floorDiv(from - t + iv - 1, iv));
        long last = Math.min(n, Math.floorDiv(to - 1 - t, iv));
        return Math.max(0, last - first + 1);
    }
}
