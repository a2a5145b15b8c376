/**
 * Usage measured by the server's own collectors, stored per minute and rolled up (1 minute,
 * 5 minutes, 1 hour) with a retention per resolution (V21__measurement.sql, docs/measurement.md).
 *
 * <p>Public API: {@link id.padu.app.measurement.MeasurementSink} (collectors hand over closed
 * minutes), {@link id.padu.app.measurement.MinuteUsage}, {@link id.padu.app.measurement.MeasurementSource},
 * {@link id.padu.app.measurement.Resolution}. HTTP: {@code GET /api/measurements/{code}} (JSON) and
 * {@code GET /api/measurements/{code}.csv} (the dataset's usage format); the page
 * {@code /measurements/{code}}, whose button writes the measured 5-minute intervals into the usage
 * module's store ({@code UsageStore.write}) for the dashboard and the planner. Settings:
 * {@code padu.measurement.retention.minute|five-minute|hour}. This module also enables Spring's
 * scheduling ({@code @Scheduled}) for the whole server.
 */
package id.padu.app.measurement;
