package id.padu.app.datasets;

import id.padu.dataset.ReadLimits;
import id.padu.dataset.Row;
import id.padu.dataset.RowHandler;
import id.padu.dataset.TableSource;
import id.padu.dataset.TableVisitor;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The sheets of a workbook as dataset tables, read with SAX from the sheet XML: each row goes to
 * the reader as text cells, without POI's cell objects, so a usage sheet of a million rows streams.
 * Numbers become plain decimals ({@code 1500000}, {@code 2.5}); a cell formatted as a date becomes
 * {@code yyyy-mm-dd} (a date and time {@code yyyy-mm-ddTHH:MM:SS}, without an offset, which the
 * usage rules then reject: Excel stores no time zone).
 *
 * <p>A row is bounded as a CSV record is ({@link ReadLimits}: characters and cells per row), so
 * a sheet with one giant cell or a cell at column 10,000,000 is refused at its row instead of
 * being gathered in memory.
 */
final class XlsxTableSource implements TableSource {

    private final OPCPackage pkg;
    private final ReadLimits limits;

    XlsxTableSource(OPCPackage pkg, ReadLimits limits) {
        this.pkg = pkg;
        this.limits = limits;
    }

    /** A row beyond the limits: the sheet is read no further. */
    private static final class RowLimitException extends SAXException {
        private static final long serialVersionUID = 1L;
        final long row;
        final String key;
        final int limit;

        RowLimitException(long row, String key, int limit) {
            super(key);
            this.row = row;
            this.key = key;
            this.limit = limit;
        }
    }

    @Override
    public void read(TableVisitor visitor) throws IOException {
        try {
            XSSFReader reader = new XSSFReader(pkg);
            SharedStrings strings = reader.getSharedStringsTable();
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    String name = sheets.getSheetName();
                    RowHandler handler = visitor.table(name, false);
                    if (handler == null) {
                        continue;
                    }
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(new SheetHandler(handler, strings, styles, limits));
                    try {
                        xml.parse(new InputSource(sheet));
                    } catch (RowLimitException e) {
                        visitor.failed(name, e.row, e.key, e.limit);
                        continue;
                    } catch (SAXException e) {
                        visitor.failed(name, 0, "source.notXlsx", String.valueOf(e.getMessage()));
                        continue;
                    }
                    handler.end();
                }
            }
        } catch (OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            visitor.failed("xlsx", 0, "source.notXlsx", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** SpreadsheetML {@code <row r="N"><c r="B3" t="s" s="1"><v>..</v></c></row>} to {@link Row}s. */
    private static final class SheetHandler extends DefaultHandler {
        private final RowHandler handler;
        private final SharedStrings strings;
        private final StylesTable styles;
        private final ReadLimits limits;
        private final Row row = new Row();
        private final StringBuilder text = new StringBuilder();
        private long rowNumber;
        private int column;
        private int nextColumn;
        private String type;
        private int style;
        private boolean collecting;
        private boolean inInline;
        private long rowChars;

        SheetHandler(RowHandler handler, SharedStrings strings, StylesTable styles, ReadLimits limits) {
            this.handler = handler;
            this.strings = strings;
            this.styles = styles;
            this.limits = limits;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            switch (localName) {
                case "row" -> {
                    String r = atts.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Long.parseLong(r);
                    row.reset(rowNumber);
                    nextColumn = 0;
                    rowChars = 0;
                }
                case "c" -> {
                    String ref = atts.getValue("r");
                    column = ref == null ? nextColumn : new CellReference(ref).getCol();
                    if (column >= limits.maxCells()) {
                        throw new RowLimitException(rowNumber, "limit.cells", limits.maxCells());
                    }
                    type = atts.getValue("t");
                    String s = atts.getValue("s");
                    style = s == null ? -1 : Integer.parseInt(s);
                    text.setLength(0);
                    inInline = false;
                }
                case "v" -> collecting = true;
                case "is" -> inInline = true;
                case "t" -> collecting = inInline;
                default -> {
                    // formulas (<f>), rich text properties and sheet metadata are not data
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (collecting) {
                rowChars += length;
                if (rowChars > limits.maxRecordChars()) {
                    throw new RowLimitException(rowNumber, "limit.recordChars", limits.maxRecordChars());
                }
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (localName) {
                case "v", "t" -> collecting = false;
                case "c" -> {
                    if (column >= nextColumn) {
                        String v = value();
                        // a shared string is counted here: its text was not in the sheet's XML
                        rowChars += "s".equals(type) ? v.length() : 0;
                        if (rowChars > limits.maxRecordChars()) {
                            throw new RowLimitException(rowNumber, "limit.recordChars", limits.maxRecordChars());
                        }
                        row.setCell(column, v);
                        nextColumn = column + 1;
                    }
                }
                case "row" -> handler.row(row);
                default -> {
                }
            }
        }

        private String value() {
            String raw = text.toString();
            if (type == null || type.equals("n")) {
                return raw.isEmpty() ? "" : number(raw);
            }
            return switch (type) {
                case "s" -> strings.getItemAt(Integer.parseInt(raw.trim())).getString();
                case "b" -> raw.equals("1") ? "TRUE" : "FALSE";
                case "e" -> "#" + raw;
                default -> raw; // inlineStr, str (formula result)
            };
        }

        private String number(String raw) {
            double d;
            try {
                d = Double.parseDouble(raw);
            } catch (NumberFormatException e) {
                return raw;
            }
            if (style >= 0 && style < styles.getNumCellStyles()) {
                XSSFCellStyle cs = styles.getStyleAt(style);
                if (cs != null && DateUtil.isADateFormat(cs.getDataFormat(), cs.getDataFormatString())
                        && DateUtil.isValidExcelDate(d)) {
                    LocalDateTime t = DateUtil.getLocalDateTime(d);
                    return d == Math.floor(d) ? t.toLocalDate().toString()
                            : t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
                }
            }
            // Shortest decimal that gives the same double: 2.5 stays 2.5, 1.5E7 becomes 15000000.
            return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        }
    }
}
