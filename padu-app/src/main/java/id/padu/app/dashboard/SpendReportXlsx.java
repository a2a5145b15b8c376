package id.padu.app.dashboard;

import id.padu.analysis.AgencyAnalysis;
import id.padu.analysis.AggregateAnalysis;
import id.padu.analysis.ContractEnding;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import id.padu.app.shared.XlsxStyles;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;

/**
 * The spend report as an Excel workbook in Bahasa Indonesia: a summary sheet, one row per agency,
 * and the contracts ending. Money cells are numbers in whole Rupiah formatted {@code "Rp "#,##0}
 * (Excel shows the thousands separator of the reader's locale: {@code Rp 1.234.567} on an
 * Indonesian PC), so planners can sum and sort them; rates are in Mbps.
 */
final class SpendReportXlsx {

    static final Locale ID = Locale.forLanguageTag("id");

    private SpendReportXlsx() {
    }

    static void write(SpendSnapshot s, String region, LocalDate generated, MessageSource messages, OutputStream out)
            throws IOException {
        Texts t = new Texts(messages);
        try (SXSSFWorkbook wb = new SXSSFWorkbook()) {
            XlsxStyles st = new XlsxStyles(wb);
            AggregateAnalysis agg = s.report().aggregate();
            String q = quantileLabel(s.report().quantile());

            Sheet sum = wb.createSheet(t.get("report.sheet.summary"));
            int r = 0;
            text(sum.createRow(r++), 0, t.get("report.title"), st.title);
            text(sum.createRow(r++), 0, region, st.bold);
            text(sum.createRow(r++), 0, t.get("report.generated", generated.toString(), q, s.report().referenceDate().toString()), null);
            r++;
            r = money(sum, r, t.get("report.totalSpend"), agg.totalAnnualSpendIdr(), st);
            r = money(sum, r, t.get("report.totalMonthly"), agg.totalAnnualSpendIdr() / 12, st);
            r = money(sum, r, t.get("report.idle"), agg.totalIdleAnnualIdr(), st);
            r = number(sum, r, t.get("report.purchasedDown"), mbps(agg.purchasedDownBps()), st.mbps);
            r = number(sum, r, t.get("report.sumOfQ", q), mbps(agg.sumOfQDownBps()), st.mbps);
            r = number(sum, r, t.get("report.aggregateQ", q), agg.down() == null ? null : mbps(agg.down().q()), st.mbps);
            r = number(sum, r, t.get("report.gain"), agg.multiplexingGainDown(), st.ratio);
            r = number(sum, r, t.get("report.agenciesWithUsage"), (double) agg.agenciesWithUsage(), null);
            r++;
            text(sum.createRow(r), 0, t.get("report.note"), null);
            sum.setColumnWidth(0, 48 * 256);
            sum.setColumnWidth(1, 22 * 256);

            Sheet ag = wb.createSheet(t.get("report.sheet.agencies"));
            String[] heads = {t.get("report.col.code"), t.get("report.col.name"), t.get("report.col.subscriptions"),
                    t.get("report.col.spend"), t.get("report.col.purchasedDown"), t.get("report.col.purchasedUp"),
                    t.get("report.col.qDown", q), t.get("report.col.maxDown"), t.get("report.col.util"),
                    t.get("report.col.idle"), t.get("report.col.perPurchased"), t.get("report.col.perUsed")};
            header(ag.createRow(0), heads, st.head);
            r = 1;
            for (AgencyAnalysis a : s.report().agencies()) {
                Row row = ag.createRow(r++);
                text(row, 0, a.code(), null);
                text(row, 1, a.name(), null);
                num(row, 2, a.subscriptionCount(), null);
                num(row, 3, (double) a.annualSpendIdr(), st.money);
                num(row, 4, mbps(a.purchasedDownBps()), st.mbps);
                num(row, 5, mbps(a.purchasedUpBps()), st.mbps);
                num(row, 6, a.hasUsage() ? mbps(a.down().q()) : null, st.mbps);
                num(row, 7, a.hasUsage() ? mbps(a.down().max()) : null, st.mbps);
                num(row, 8, a.utilizationDown(), st.percent);
                num(row, 9, a.idleAnnualIdr() == null ? null : (double) a.idleAnnualIdr(), st.money);
                num(row, 10, a.costPerPurchasedMbpsMonthIdr() == null ? null : (double) a.costPerPurchasedMbpsMonthIdr(), st.money);
                num(row, 11, a.costPerUsedMbpsMonthIdr() == null ? null : (double) a.costPerUsedMbpsMonthIdr(), st.money);
            }
            Row total = ag.createRow(r);
            text(total, 1, t.get("report.total"), st.bold);
            num(total, 3, (double) agg.totalAnnualSpendIdr(), st.moneyBold);
            num(total, 9, (double) agg.totalIdleAnnualIdr(), st.moneyBold);
            int[] widths = {16, 44, 10, 18, 12, 12, 12, 12, 10, 18, 16, 16};
            for (int i = 0; i < widths.length; i++) {
                ag.setColumnWidth(i, widths[i] * 256);
            }
            ag.createFreezePane(0, 1);

            Sheet ct = wb.createSheet(t.get("report.sheet.contracts"));
            header(ct.createRow(0), new String[] {t.get("report.col.end"), t.get("report.col.code"), t.get("report.col.name"),
                    t.get("report.col.provider"), t.get("report.col.product"), t.get("report.col.monthly"),
                    t.get("report.col.penalty")}, st.head);
            r = 1;
            Map<String, id.padu.domain.Agency> agencies = s.agencies();
            for (ContractEnding c : s.report().contractsEnding()) {
                Row row = ct.createRow(r++);
                Cell d = row.createCell(0);
                d.setCellValue(c.endDate());
                d.setCellStyle(st.date);
                text(row, 1, c.agency(), null);
                text(row, 2, agencies.containsKey(c.agency()) ? agencies.get(c.agency()).name() : "", null);
                text(row, 3, c.provider(), null);
                text(row, 4, c.product(), null);
                num(row, 5, (double) c.monthlyCostIdr(), st.money);
                num(row, 6, (double) c.exitPenaltyIdr(), st.money);
            }
            int[] cw = {12, 16, 40, 14, 22, 16, 16};
            for (int i = 0; i < cw.length; i++) {
                ct.setColumnWidth(i, cw[i] * 256);
            }
            wb.write(out);
            wb.dispose();
        }
    }

    static String quantileLabel(double q) {
        double pct = q * 100;
        return pct == Math.rint(pct) ? String.valueOf((long) pct) : String.valueOf(pct);
    }

    static Double mbps(long bps) {
        return bps / 1_000_000.0;
    }

    private static int money(Sheet sh, int r, String label, long idr, XlsxStyles st) {
        Row row = sh.createRow(r);
        text(row, 0, label, null);
        num(row, 1, (double) idr, st.money);
        return r + 1;
    }

    private static int number(Sheet sh, int r, String label, Double v, CellStyle style) {
        Row row = sh.createRow(r);
        text(row, 0, label, null);
        num(row, 1, v, style);
        return r + 1;
    }

    private static void header(Row row, String[] heads, CellStyle style) {
        for (int i = 0; i < heads.length; i++) {
            text(row, i, heads[i], style);
        }
    }

    private static void text(Row row, int col, String v, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(v);
        if (style != null) {
            c.setCellStyle(style);
        }
    }

    private static void num(Row row, int col, Number v, CellStyle style) {
        if (v == null) {
            return;
        }
        Cell c = row.createCell(col);
        c.setCellValue(v.doubleValue());
        if (style != null) {
            c.setCellStyle(style);
        }
    }


    /** Report texts, always Bahasa Indonesia (the regency files its reports in it). */
    record Texts(MessageSource messages) {
        String get(String key, Object... args) {
            return messages.getMessage(key, args, ID);
        }
    }
}
