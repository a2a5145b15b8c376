package id.padu.app.shared;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The cell styles every Padu workbook uses (spend report, planning study, migration schedule),
 * so that money looks the same everywhere: whole Rupiah as numbers formatted {@code Rp 1.234.567}
 * by Excel (the cell stays a number a planner can sum), rates in Mbps, dates ISO.
 * A workbook allows a limited number of styles: create one instance per workbook.
 */
public final class XlsxStyles {

    /** Excel's number format for whole Rupiah; the thousands separator follows Excel's locale. */
    public static final String MONEY_FORMAT = "\"Rp \"#,##0";

    public final CellStyle title;
    public final CellStyle bold;
    public final CellStyle head;
    public final CellStyle money;
    public final CellStyle moneyBold;
    public final CellStyle mbps;
    public final CellStyle percent;
    public final CellStyle ratio;
    public final CellStyle oneDecimal;
    public final CellStyle date;
    public final CellStyle dateTime;

    public XlsxStyles(Workbook wb) {
        DataFormat df = wb.createDataFormat();
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        Font b = wb.createFont();
        b.setBold(true);
        title = wb.createCellStyle();
        title.setFont(big);
        bold = wb.createCellStyle();
        bold.setFont(b);
        head = wb.createCellStyle();
        head.setFont(b);
        head.setBorderBottom(BorderStyle.THIN);
        head.setWrapText(true);
        money = format(wb, df, MONEY_FORMAT);
        moneyBold = format(wb, df, MONEY_FORMAT);
        moneyBold.setFont(b);
        mbps = format(wb, df, "#,##0.00\" Mbps\"");
        percent = format(wb, df, "0.0%");
        ratio = format(wb, df, "0.00");
        oneDecimal = format(wb, df, "0.0");
        date = format(wb, df, "yyyy-mm-dd");
        dateTime = format(wb, df, "yyyy-mm-dd hh:mm");
    }

    private static CellStyle format(Workbook wb, DataFormat df, String pattern) {
        CellStyle s = wb.createCellStyle();
        s.setDataFormat(df.getFormat(pattern));
        return s;
    }
}
