package id.padu.app.inventory;

/**
 * Published by the inventory after each write, in the writing transaction: a listener that must
 * see the committed data uses {@code @TransactionalEventListener}. Modules react to this event,
 * never to the audit log's rows (an audit entry says what happened for people; this says what
 * changed for code).
 *
 * @param part what was written: one kind of record, or a whole dataset (import, merge, demo)
 */
public record InventoryChanged(Part part) {

    /** The kinds of record the inventory holds; {@link #DATASET} is an import that may touch all of them. */
    public enum Part { DATASET, AGENCY, SUBSCRIPTION, OFFER, LINK, SERVICE;

        /** The name of the part in the audit log's {@code entity} column. */
        String entity() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Whether agencies or their address prefixes may differ now (flow attribution must be refreshed). */
    public boolean mayChangeAgencies() {
        return part == Part.DATASET || part == Part.AGENCY;
    }
}
