package id.padu.app.migration;

import java.time.Instant;

/** The migration being tracked: who started it from which plan, and when it was last replanned. */
record TrackedMigration(long id, Instant createdAt, String createdBy, String source, boolean optimal,
                        long totalCostIdr, Instant replannedAt) {
}
