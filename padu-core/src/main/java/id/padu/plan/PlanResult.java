package id.padu.plan;

import java.util.List;

/**
 * A plan with what a planner reads around it.
 *
 * @param lowerBoundIdr  proven lower bound on the optimal annual cost (= plan cost when optimal)
 * @param years          status quo against plan, year by year over {@code plan.horizon_years}
 * @param penaltiesIdr   exit penalties paid to switch early (part of the one-off cost)
 * @param installsIdr    installation of the chosen offers and of the central agencies' links
 * @param searchNodes    nodes of the agency search (for benchmarks)
 */
public record PlanResult(Plan plan, long lowerBoundIdr, List<Year> years, long penaltiesIdr, long installsIdr,
                         long searchNodes) {

    public PlanResult {
        years = List.copyOf(years);
    }

    /**
     * One year of the horizon (year 1 starts on plan.start_date). The plan's cost of a year
     * counts installs and penalties in year 1 and the old subscriptions of central agencies
     * until their cutover.
     */
    public record Year(int year, long statusQuoIdr, long planIdr, long savingsIdr) {
    }
}
