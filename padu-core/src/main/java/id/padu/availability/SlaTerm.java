package id.padu.availability;

import id.padu.domain.Offer;
import id.padu.plan.Plan;
import id.padu.plan.Uplink;
import java.util.List;
import java.util.Locale;

/**
 * What the ISP promised for one monitored uplink: the plan's uplink of that provider (and
 * product, when the monitored uplink names one) and its offer's {@code sla_pct}.
 *
 * @param product        the plan's product (null unless found)
 * @param slaPct         the promised availability in percent (null unless {@link Status#FOUND})
 * @param monthlyCostIdr what the uplink costs a month, for the compensation claim (0 unless found)
 */
public record SlaTerm(Status status, String product, Double slaPct, long monthlyCostIdr) {

    /** How the uplink was matched. */
    public enum Status {
        /** The plan's uplink and its offer's SLA. */
        FOUND("found"),
        /** There is no plan of record. */
        NO_PLAN("no-plan"),
        /** The plan of record has no uplink of this provider (and product). */
        NOT_IN_PLAN("not-in-plan"),
        /** The plan has several uplinks of this provider: the monitored uplink must name the product. */
        AMBIGUOUS("ambiguous"),
        /** The plan's uplink was found, but its offer gives no {@code sla_pct} (or the offer is gone). */
        NO_SLA("no-sla");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * Matches an uplink named by {@code provider} (and {@code product}, null or blank: any) with
     * the plan's uplinks, then the offer of the same provider and product. Names match ignoring
     * case and surrounding blanks, as an engineer types them.
     */
    public static SlaTerm find(Plan plan, List<Offer> offers, String provider, String product) {
        if (plan == null) {
            return new SlaTerm(Status.NO_PLAN, null, null, 0);
        }
        boolean anyProduct = product == null || product.isBlank();
        List<Uplink> matches = plan.uplinks().stream()
                .filter(u -> same(u.provider(), provider) && (anyProduct || same(u.product(), product))).toList();
        if (matches.isEmpty()) {
            return new SlaTerm(Status.NOT_IN_PLAN, null, null, 0);
        }
        if (matches.stream().map(u -> norm(u.product())).distinct().count() > 1) {
            return new SlaTerm(Status.AMBIGUOUS, null, null, 0);
        }
        Uplink u = matches.get(0);
        long monthly = matches.stream().mapToLong(Uplink::monthlyCostIdr).sum();
        for (Offer o : offers) {
            if (same(o.provider(), u.provider()) && same(o.product(), u.product()) && o.slaPct() != null) {
                return new SlaTerm(Status.FOUND, u.product(), o.slaPct(), monthly);
            }
        }
        return new SlaTerm(Status.NO_SLA, u.product(), null, monthly);
    }

    private static boolean same(String a, String b) {
        return norm(a).equals(norm(b));
    }

    private static String norm(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}
