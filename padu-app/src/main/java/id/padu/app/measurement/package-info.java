/**
 * Usage measured by the server's own collectors, stored per minute and rolled up (1 minute,
 * 5 minutes, 1 hour) with a retention per resolution.
 *
 * <p>Public API: {@link id.padu.app.measurement.MeasurementSink} (collectors hand over closed
 * minutes), {@link id.padu.app.measurement.MinuteUsage}, {@link id.padu.app.measurement.MeasurementSource}.
 */
package id.padu.app.measurement;
