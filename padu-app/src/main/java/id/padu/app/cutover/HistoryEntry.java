package id.padu.app.cutover;

import id.padu.migration.StatusChange;

/** A status change of one agency as stored (append-only). */
record HistoryEntry(String code, StatusChange change) {
}
