package id.padu.app.budget;

import id.padu.app.shared.XlsxStyles;
import id.padu.budget.Budget;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The budget proposal as an Excel workbook: sheet 1 the lines (central lines, agencies, totals),
 * sheet 2 the justification, one paragraph per row. Money cells are numbers in whole Rupiah
 * formatted {@code "Rp "#,##0} (XlsxStyles), written as values rather than formulas, so that every
 * reader, and a test, sees the same figures without recalculating; each total is the sum of the
 * cells above it.
 */
public final class BudgetXlsx {

    private BudgetXlsx() {
    }

    /** Row numbers (0-based) a reader of the workbook can rely on: the table heads follow the title rows. */
    static final int CENTRAL_HEAD_ROW = 4;

    public static void write(Budget b, String region, Locale locale, OutputStream out) throws IOException {
        BudgetTexts t = new BudgetTexts(locale);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XlsxStyles st = new XlsxStyles(wb);
            Sheet s = wb.createSheet(t.get("x.sheet", b.year()));
            int r = 0;
            text(s.createRow(r++), 0, t.get("x.title", String.valueOf(b.year())), st.title);
            text(s.createRow(r++), 0, region, st.bold);
            r++;
            text(s.createRow(r++), 0, t.get("x.central"), st.bold);
            Row head = s.createRow(r++);
            String[] ch = {"x.item", "x.provider", "x.kind", "x.accountCode", "x.period", "x.months", "x.monthly", "x.oneOff",
                    "x.annual"};
            for (int c = 0; c < ch.length; c++) {
                text(head, c, t.get(ch[c]), st.head);
            }
            for (Budget.CentralLine l : b.centralLines()) {
                Row row = s.createRow(r++);
                text(row, 0, l.item(), null);
                text(row, 1, l.provider() == null ? "" : l.provider(), null);
                text(row, 2, t.kind(l.kind()), null);
                text(row, 3, l.accountCode(), null);
                text(row, 4, t.months(l.fromMonth(), l.toMonth()), null);
                row.createCell(5).setCellValue(l.months());
                money(row, 6, l.monthlyIdr(), st.money);
                money(row, 7, l.oneOffIdr(), st.money);
                money(row, 8, l.annualIdr(), st.money);
            }
            Row ct = s.createRow(r++);
            text(ct, 0, t.get("x.centralTotal"), st.bold);
            money(ct, 8, b.centralTotalIdr(), st.moneyBold);
            r++;
            text(s.createRow(r++), 0, t.get("x.agencies"), st.bold);
            head = s.createRow(r++);
            String[] ah = {"x.code", "x.name", "x.status", "x.accountCode", "x.cutover", "x.monthsPaid", "x.monthly", "x.budget",
                    "x.noLongerNeeded"};
            for (int c = 0; c < ah.length; c++) {
                text(head, c, t.get(ah[c]), st.head);
            }
            long noLonger = 0;
            for (Budget.AgencyLine a : b.agencies()) {
                Row row = s.createRow(r++);
                text(row, 0, a.code(), null);
                text(row, 1, a.name(), null);
                text(row, 2, t.get(a.central() ? "x.central.status" : "x.local.status"), null);
                text(row, 3, a.accountCode(), null);
                text(row, 4, a.cutoverDate() == null ? "" : a.cutoverDate().toString(), null);
                row.createCell(5).setCellValue(a.monthsPaid());
                money(row, 6, a.monthlyIdr(), st.money);
                money(row, 7, a.budgetIdr(), st.money);
                money(row, 8, a.noLongerNeededIdr(), st.money);
                noLonger = Math.addExact(noLonger, a.noLongerNeededIdr());
            }
            Row at = s.createRow(r++);
            text(at, 0, t.get("x.agenciesTotal"), st.bold);
            money(at, 7, b.agenciesTotalIdr(), st.moneyBold);
            money(at, 8, noLonger, st.moneyBold);
            r++;
            r = total(s, r, t.get("x.centralTotal"), b.centralTotalIdr(), st);
            r = total(s, r, t.get("x.agenciesTotal"), b.agenciesTotalIdr(), st);
            r = total(s, r, t.get("x.total"), b.totalIdr(), st);
            r = total(s, r, t.get("x.statusQuo"), b.statusQuoIdr(), st);
            total(s, r, t.get("x.difference"), b.statusQuoIdr() - b.totalIdr(), st);
            s.setColumnWidth(0, 48 * 256);
            s.setColumnWidth(1, 30 * 256);
            for (int c = 2; c <= 8; c++) {
                s.setColumnWidth(c, 18 * 256);
            }

            Sheet n = wb.createSheet(t.get("x.narrativeSheet"));
            n.setColumnWidth(0, 120 * 256);
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            int k = 0;
            text(n.createRow(k++), 0, t.get("x.narrativeTitle", String.valueOf(b.year())), st.title);
            for (String p : b.narrative().split("\n\n")) {
                text(n.createRow(k++), 0, p, wrap);
            }
            wb.write(out);
        }
    }

    private static int total(Sheet s, int r, String label, long idr, XlsxStyles st) {
        Row row = s.createRow(r);
        text(row, 0, label, st.bold);
        money(row, 8, idr, st.moneyBold);
        return r + 1;
    }

    private static void text(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        if (style != null) {
            c.setCellStyle(style);
        }
    }

    private static void money(Row row, int col, long idr, CellStyle style) {
        Cell c = row.createCell(col);
        // whole Rupiah up to 2^53 are exact in a double, far beyond any regency's budget
        c.setCellValue((double) idr);
        c.setCellStyle(style);
    }
}
