package id.padu.app.migration;

import id.padu.migration.StatusChange;

/** A status change of one agency as stored (append-only). */
record HistoryEntry(String code, StatusChange change) {
}
