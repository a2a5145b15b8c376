package id.padu.migration;

import id.padu.domain.Subscription;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What moving one agency to the central network on a given day costs on top of what the plan
 * pays anyway (the central uplinks are bought from {@code migrate.uplink_ready_date} whatever
 * the schedule). For each of the agency's current subscriptions, with the cutover on day
 * {@code d} and the uplinks live from day {@code R}:
 * <ul>
 *   <li>paid twice: the old subscription is still paid while the central share is already
 *       paid, from {@code R} to {@code d}: {@code floor(monthly x 12 x days(R, d) / 365)};</li>
 *   <li>exit penalty: the subscription is ended on the cutover day; when that is before its
 *       {@code end_date} the {@code exit_penalty_idr} is due (a cutover on the end date itself
 *       or later costs none; month-to-month subscriptions never cost one).</li>
 * </ul>
 * Whole Rupiah throughout; pro rata by day so that moving a cutover by one week changes the
 * figure.
 */
public final class CutoverCost {

    /** The two parts of the cost of one cutover date. */
    public record Breakdown(long penaltyIdr, long paidTwiceIdr) {
        public long totalIdr() {
            return Math.addExact(penaltyIdr, paidTwiceIdr);
        }
    }

    private CutoverCost() {
    }

    public static Breakdown of(List<Subscription> subscriptions, LocalDate uplinkReady, LocalDate cutover) {
        long penalty = 0;
        long twice = 0;
        for (Subscription s : subscriptions) {
            penalty = Math.addExact(penalty, penaltyOf(s, cutover));
            twice = Math.addExact(twice, paidTwice(s.monthlyCost().value(), uplinkReady, cutover));
        }
        return new Breakdown(penalty, twice);
    }

    static long penaltyOf(Subscription s, LocalDate cutover) {
        return s.endDate() != null && cutover.isBefore(s.endDate()) ? s.exitPenalty().value() : 0;
    }

    /** The monthly cost pro rata over the days from {@code from} (inclusive) to {@code to} (exclusive). */
    public static long paidTwice(long monthlyIdr, LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        if (days <= 0) {
            return 0;
        }
        // monthly x 12 x days passes a long for years of a large amount (Rp 10^15 x 12 x 365 x 3 is
        // already 1.3 x 10^19): multiplied in full, then divided; the result is at most 12 x monthly
        // per year of days, which fits.
        return java.math.BigInteger.valueOf(monthlyIdr).multiply(java.math.BigInteger.valueOf(12L * days))
                .divide(java.math.BigInteger.valueOf(365)).longValueExact();
    }
}
