package id.padu.app.inventory;

import java.util.Map;

/**
 * Published inside the transaction that changes an agency's code from {@code from} to {@code to}:
 * every module that keeps agency codes (requests, SNMP targets, measurements, migration rows, the
 * plan of record and its amendments, scenarios, review answers, gateway configurations) moves its
 * rows to the new code in that same transaction, so that no row keeps the old code and a new
 * agency that takes the old code starts with nothing. A listener that fails rolls the rename back.
 *
 * @param moved what each listener moved, for the audit row of the rename (e.g. {@code
 *              "bandwidth requests" -> 2}); listeners add to it
 */
public record AgencyRenamed(String from, String to, Map<String, Integer> moved) {

    /** Called by a listener: {@code count} rows of {@code what} now carry the new code. */
    public void moved(String what, int count) {
        if (count > 0) {
            moved.merge(what, count, Integer::sum);
        }
    }
}
