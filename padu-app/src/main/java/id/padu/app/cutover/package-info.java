/**
 * Migration tracking in the web app ({@code /migration}): a schedule made from a plan (uploaded
 * plan JSON or computed in the background), status per agency with an append-only history,
 * replanning with the core's {@link id.padu.migration.MigrationScheduler#replan}, calendar and
 * Gantt views, runbook checklists with stored ticks, runbook PDF, ICS and XLSX exports.
 * Apart from {@code id.padu.app.migration} (which the CLI also uses) so that this module may use
 * the CLI's plan file reader without a cycle.
 */
package id.padu.app.cutover;
