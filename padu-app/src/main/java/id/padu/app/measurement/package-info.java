/**
 * Usage measured by the server's own collectors, stored per minute and rolled up (1 minute,
 * 5 minutes, 1 hour) with a retention per resolution (V21__measurement.sql, docs/measurement.md).
 *
 * <p>Public API: {@link id.padu.app.measurement.MeasurementSink} (collectors hand over closed
 * minutes), {@link id.padu.app.measurement.MinuteUsage}, {@link id.padu.app.measurement.MeasurementSource},
 * {@link id.padu.app.measurement.Resolution}. HTTP: {@code GET /api/measurements/{code}} (JSON) and
 * {@code GET /api/measurements/{code}.csv} (the dataset's usage format). Settings:
 * {@code padu.measurement.retention.minute|five-minute|hour}. This module also enables Spring's
 * scheduling ({@code @Scheduled}) for the whole server.
 */
package id.padu.app.measurement;
