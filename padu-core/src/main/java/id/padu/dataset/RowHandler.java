package id.padu.dataset;

/** Receives the records of one table, the header first. */
public interface RowHandler {

    /** One record; {@code row} is reused after the call returns. */
    void row(Row row);

    /** The table ended (not called when its source failed, see {@link TableVisitor#failed}). */
    void end();
}
