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

    /** A row names an agency code that is not stored. */
    static final class UnknownAgency extends InventoryException {
        final String code;

        UnknownAgency(String code) {
            super("unknown agency " + code);
            this.code = code;
        }
    }
}
