package id.padu.dataset;

/**
 * What a {@link TableSource} feeds its tables to. Tables may come in any order (a zip is read
 * as its entries come), so the reader resolves cross-references only after the last table.
 */
public interface TableVisitor {

    /**
     * A table begins.
     *
     * @param name         name to show in messages: the file name ({@code usage/2025-01.csv}) or the sheet name
     * @param decimalComma whether {@code ,} may be the decimal point (a {@code ;}-separated CSV file)
     * @return the handler of its rows, or null to skip a table this format does not know
     */
    RowHandler table(String name, boolean decimalComma);

    /**
     * The source could not read a table any further (bad encoding, unterminated quote, broken
     * workbook); {@code key} is a message key of the dataset bundle.
     */
    void failed(String name, long line, String key, Object... args);
}
