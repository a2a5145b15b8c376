/**
 * Planning ({@code /planning}, {@code /api/plans}): edit the {@code plan.*} settings, run the
 * consolidation planner ({@link id.padu.plan.Planner}) in the background, keep the results as
 * named scenarios (table {@code planning_scenario}, the plan in the JSON contract of
 * {@code padu plan --format json}), compare them side by side, simulate a plan normally and with
 * its largest provider failed, and export the plan as XLSX and as a PDF study ("kajian") in
 * Bahasa Indonesia.
 */
package id.padu.app.planning;
