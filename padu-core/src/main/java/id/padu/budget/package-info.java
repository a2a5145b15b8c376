/**
 * Next year's budget proposal (docs/forecast-budget.md): from the dataset, a plan and the capacity
 * forecast, the central lines (uplinks, the central agencies' links, an upgrade from the month the
 * forecast crosses the capacity) with the months paid in the year, what each agency still has to
 * budget and what it no longer needs, the totals against today's spend, and the justification in
 * Bahasa Indonesia. Money is whole Rupiah in {@code long}: every total is the sum of its lines.
 */
package id.padu.budget;
