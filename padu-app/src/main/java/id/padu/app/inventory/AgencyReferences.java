package id.padu.app.inventory;

import java.util.List;

/**
 * Published before an agency is deleted, and before an agency is renamed to {@code code}: each
 * module that keeps agency codes says whether it still refers to {@code code}. A deletion is then
 * refused (409) with a sentence naming what refers to the agency: an agency with history (an
 * operator, requests, SNMP targets, migration rows, the plan of record, review answers) is kept
 * or renamed, never deleted with its records. A rename to a code that rows still carry (left by
 * an agency a dataset import removed) is refused the same way, so that those rows are not
 * silently given to the renamed agency.
 *
 * @param renameTarget true when {@code code} is the new code of a rename (measurements then count
 *                     too; a deletion removes them with the agency, like its usage)
 * @param found        the references found; listeners add to it
 */
public record AgencyReferences(String code, boolean renameTarget, List<Reference> found) {

    /**
     * What refers to the agency.
     *
     * @param kind     the kind, one of the {@code agency.ref.*} message keys of the web bundle
     *                 ({@code operators}, {@code requests}, {@code snmpTargets}, {@code migration},
     *                 {@code planOfRecord}, {@code reviews}, {@code measurements})
     * @param count    how many
     * @param examples a few of them, e.g. usernames or request numbers (may be empty)
     */
    public record Reference(String kind, int count, String examples) {
    }

    /** Called by a listener: {@code count} records of {@code kind} refer to the code. */
    public void add(String kind, int count, String examples) {
        if (count > 0) {
            found.add(new Reference(kind, count, examples == null ? "" : examples));
        }
    }
}
