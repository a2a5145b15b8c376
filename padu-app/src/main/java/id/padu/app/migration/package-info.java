/**
 * Migration (menu "Migrasi", {@code /migration}): a cutover schedule made from a plan (uploaded
 * plan JSON or computed in the background), status per agency with an append-only history,
 * replanning with the core's {@link id.padu.migration.MigrationScheduler#replan}, calendar and
 * Gantt views, runbook checklists with stored ticks, and the exports: runbook PDF (also used by
 * {@code padu migrate runbook}), ICS and XLSX. Sits on the core package {@code id.padu.migration}.
 */
package id.padu.app.migration;
