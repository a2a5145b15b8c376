/**
 * The capacity forecast (docs/forecast-budget.md): the monthly quantile (Q95) of the central
 * agencies' aggregate demand per direction, a log-linear trend fitted on the measured months with
 * its prediction interval, the first month in which the trend needs more than the plan's uplinks
 * carry, and the cheapest offer choice for that month ({@link id.padu.plan.CentralUplinks}).
 * Pure: values in, values out, no clock.
 */
package id.padu.forecast;
