package id.padu.app.inventory;

/** A request the inventory cannot satisfy; the API turns each kind into a problem detail. */
class InventoryException extends RuntimeException {

    InventoryException(String message) {
        super(message);
    }

    static final class NotFound extends InventoryException {
        NotFound(String what) {
            super(what + " not found");
        }
    }

    static final class Conflict extends InventoryException {
        Conflict(String message) {
            super(message);
        }
    }

    /**
     * An agency cannot be deleted, or renamed to a code, because rows still refer to it; the
     * message is the English sentence of the API, {@link #references} what the pages say in the
     * user's language.
     */
    static final class Referenced extends InventoryException {
        final String code;
        final java.util.List<AgencyReferences.Reference> references;
        final boolean renameTarget;

        Referenced(String code, java.util.List<AgencyReferences.Reference> references, boolean renameTarget) {
            super(sentence(code, references, renameTarget));
            this.code = code;
            this.references = references;
            this.renameTarget = renameTarget;
        }

        private static final java.util.Map<String, String> WORDS = java.util.Map.of("operators", "operator accounts",
                "requests", "bandwidth requests", "snmpTargets", "SNMP targets", "migration", "migration cutover rows",
                "planOfRecord", "the plan of record in force", "reviews", "review answers",
                "measurements", "stored measurement periods");

        private static String sentence(String code, java.util.List<AgencyReferences.Reference> refs, boolean renameTarget) {
            StringBuilder sb = new StringBuilder();
            for (AgencyReferences.Reference r : refs) {
                if (sb.length() > 0) {
                    sb.append("; ");
                }
                sb.append(r.kind().equals("planOfRecord") ? WORDS.get(r.kind()) : r.count() + " " + WORDS.getOrDefault(r.kind(), r.kind()));
                if (!r.examples().isEmpty()) {
                    sb.append(" (").append(r.examples()).append(')');
                }
            }
            return renameTarget
                    ? "the code " + code + " is still carried by records of an agency that is gone: " + sb
                            + "; choose another code"
                    : "agency " + code + " cannot be deleted while these refer to it: " + sb
                            + "; move or remove them first, or keep the agency (renaming it moves them along)";
        }
    }

    /** A row names an agency code that is not stored. */
    static final class UnknownAgency extends InventoryException {
        final String code;

        UnknownAgency(String code) {
            super("unknown agency " + code);
            this.code = code;
        }
    }
}
