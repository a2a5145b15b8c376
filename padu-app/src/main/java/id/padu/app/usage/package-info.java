/**
 * Measured usage at its native step, one packed row per (agency, UTC day) (V2__usage.sql,
 * docs/storage.md).
 *
 * <p>Public API: {@link id.padu.app.usage.UsageStore} (write/overlay a
 * {@link id.padu.domain.UsageSeries}, read one agency's range, read all). A collector stores its
 * measurements with {@code UsageStore.write}. HTTP: {@code GET /api/agencies/{code}/usage?from=&to=&step=},
 * averaged on the server.
 */
package id.padu.app.usage;
