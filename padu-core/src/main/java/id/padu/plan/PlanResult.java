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
 */
public record PlanResult(Plan plan, long lowerBoundIdr, List<Year> years, long penaltiesIdr, long installsIdr,
                         long searchNodes, Stop stoppedBy) {

    public PlanResult {
        years = List.copyOf(years);
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
     * One year of the horizon (year 1 starts on plan.start_date). The plan's cost of a year
     * counts installs and penalties in year 1 and the old subscriptions of central agencies
     * until their cutover.
     */
    public record Year(int year, long statusQuoIdr, long planIdr, long savingsIdr) {
    }
}
