package id.padu.plan;

import java.util.List;
import java.util.Objects;

/**
 * A consolidation plan: which central uplinks to buy, which agencies join, what each is
 * guaranteed (CIR) and allowed (MIR). Its JSON form ({@code padu plan --format json}) is a
 * public contract that {@code padu simulate}, {@code padu shape render} and
 * {@code padu migrate plan} read back, also after a person edited it.
 *
 * @param paybackMonths months until the savings repay the one-off costs; null when never
 * @param gap           relative gap between the plan's cost and the best lower bound; 0 when optimal
 */
public record Plan(long statusQuoAnnualIdr, long planAnnualIdr, long savingsAnnualIdr, long oneOffCostIdr,
                   Double paybackMonths, long requiredDownBps, long requiredUpBps, boolean optimal, double gap,
                   List<Uplink> uplinks, List<AgencyDecision> agencies) {

    public Plan {
        uplinks = List.copyOf(Objects.requireNonNull(uplinks, "uplinks"));
        agencies = List.copyOf(Objects.requireNonNull(agencies, "agencies"));
    }

    public long capacityDownBps() {
        return uplinks.stream().mapToLong(Uplink::downBps).sum();
    }

    public long capacityUpBps() {
        return uplinks.stream().mapToLong(Uplink::upBps).sum();
    }

    public List<AgencyDecision> centralAgencies() {
        return agencies.stream().filter(a -> a.decision() == Decision.CENTRAL).toList();
    }
}
