package id.padu.plan;

import java.util.List;

/**
 * A plan with what a planner reads around it.
 *
 * @param lowerBoundIdr  proven lower bound on the optimal annual cost (= plan cost when optimal)
 * @param years          status quo against plan, year by year over {@code plan.horizon_years}
 * @param penaltiesIdr   exit penalties paid to switch early (part of the one-off cost)
 * @param installsIdr    installation of the chosen offers and of the central agencies' links
 * @param searchNodes    the search's effort spent: nodes over all its phases (the same on every machine
 *                       unless the clock stopped the search)
 * @param stoppedBy      what ended the search
 * @param offers         every row of offers.csv: taken or not, what of it counts, and why
 * @param centralAnnualIdr the central part per year: the uplinks plus the central agencies' links (annual costs)
 * @param meetsRequirement whether the uplinks carry the whole required capacity (false only when a
 *                       {@code plan.central_budget_idr} too low for it left a share of it)
 * @param carriedShare   the share of the requirement the uplinks carry (1 when it is met)
 * @param closeCalls     the agencies whose decision flips in a plan the search found within 1 % of this
 *                       plan's cost, cheapest alternative first
 */
public record PlanResult(Plan plan, long lowerBoundIdr, List<Year> years, long penaltiesIdr, long installsIdr,
                         long searchNodes, Stop stoppedBy, List<OfferNote> offers, long centralAnnualIdr,
                         boolean meetsRequirement, double carriedShare, List<CloseCall> closeCalls) {

    public PlanResult {
        years = List.copyOf(years);
        offers = offers == null ? List.of() : List.copyOf(offers);
        closeCalls = closeCalls == null ? List.of() : List.copyOf(closeCalls);
    }

    public PlanResult(Plan plan, long lowerBoundIdr, List<Year> years, long penaltiesIdr, long installsIdr, long searchNodes,
                      Stop stoppedBy, List<OfferNote> offers, long centralAnnualIdr, boolean meetsRequirement,
                      double carriedShare) {
        this(plan, lowerBoundIdr, years, penaltiesIdr, installsIdr, searchNodes, stoppedBy, offers, centralAnnualIdr,
                meetsRequirement, carriedShare, List.of());
    }

    /**
     * An agency whose decision is a close call: in a plan the search found costing at most 1 % more,
     * it is decided the other way.
     *
     * @param decision          what the agency is in that alternative plan
     * @param alternativeCostIdr the alternative plan's total annual cost
     */
    public record CloseCall(String code, Decision decision, long alternativeCostIdr) {
    }

    public PlanResult(Plan plan, long lowerBoundIdr, List<Year> years, long penaltiesIdr, long installsIdr, long searchNodes,
                      Stop stoppedBy) {
        this(plan, lowerBoundIdr, years, penaltiesIdr, installsIdr, searchNodes, stoppedBy, List.of());
    }

    public PlanResult(Plan plan, long lowerBoundIdr, List<Year> years, long penaltiesIdr, long installsIdr, long searchNodes,
                      Stop stoppedBy, List<OfferNote> offers) {
        this(plan, lowerBoundIdr, years, penaltiesIdr, installsIdr, searchNodes, stoppedBy, offers, 0, true, 1);
    }

    /** A result whose search ended on its own (optimal) or on its effort, as plans read back from files do. */
    public PlanResult(Plan plan, long lowerBoundIdr, List<Year> years, long penaltiesIdr, long installsIdr, long searchNodes) {
        this(plan, lowerBoundIdr, years, penaltiesIdr, installsIdr, searchNodes, plan.optimal() ? Stop.COMPLETE : Stop.EFFORT);
    }

    /**
     * What ended the search. Only {@link #TIME} makes a plan depend on the machine and its load:
     * the wall-clock safety net cut the search before its effort was spent.
     */
    public enum Stop {
        /** The search finished: the plan is the proven optimum. */
        COMPLETE,
        /** The effort (search nodes) was spent; the plan carries its gap and is reproducible. */
        EFFORT,
        /** The time limit cut the search first; another run may give another plan. */
        TIME;

        /** The code in the plan JSON. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One row of offers.csv as the plan saw it.
     *
     * @param kind           {@code dedicated} or {@code broadband}
     * @param chosen         whether the plan buys it
     * @param countedDownBps what of its download rate counts toward the required capacity
     *                       ({@code plan.broadband_share} of it for broadband)
     * @param reason         why it was or was not taken, in words
     */
    public record OfferNote(String provider, String product, String kind, boolean chosen, long countedDownBps,
                            long countedUpBps, String reason) {
    }

    /**
     * One year of the horizon (year 1 starts on plan.start_date). The plan's cost of a year
     * counts installs and penalties in year 1 and the old subscriptions of central agencies
     * until their cutover.
     */
    public record Year(int year, long statusQuoIdr, long planIdr, long savingsIdr) {
    }
}
