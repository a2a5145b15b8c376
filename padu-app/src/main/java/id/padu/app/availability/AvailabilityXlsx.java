package id.padu.app.availability;

import id.padu.app.availability.UplinkReports.MonthReport;
import id.padu.app.availability.UplinkReports.UplinkReport;
import id.padu.app.shared.XlsxStyles;
import id.padu.availability.Outage;
import id.padu.availability.SlaTerm;
import id.padu.availability.UplinkMonth;
import id.padu.domain.Wib;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The monthly uplink report as an Excel workbook: a summary sheet (one row per uplink: the
 * availability, the SLA and whether it was met, the polls by outcome, the outages' count and
 * time) and one row per outage (start and end in WIB, duration). Figures are numbers a reader can
 * recompute: availability and SLA as shares with three decimals, durations as Excel time.
 */
final class AvailabilityXlsx {

    private AvailabilityXlsx() {
    }

    static void write(MonthReport r, String region, ReportText t, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook()) {
            XlsxStyles st = new XlsxStyles(wb);
            // Beyond the house styles: an SLA is read to a thousandth of a percent, an outage to the
            // second, and an outage's length as a time that may pass 24 hours.
            CellStyle pct3 = format(wb, "0.000%");
            CellStyle seconds = format(wb, "yyyy-mm-dd hh:mm:ss");
            CellStyle duration = format(wb, "[h]:mm:ss");

            Sheet sum = wb.createSheet(t.get("avail.sheet.summary"));
            int n = 0;
            text(sum.createRow(n++), 0, t.get("avail.report.title"), st.title);
            text(sum.createRow(n++), 0, region, st.bold);
            text(sum.createRow(n++), 0, t.get("avail.report.period", t.monthName(r.month())), null);
            text(sum.createRow(n++), 0, t.get("avail.generated", ReportText.time(r.asOf().getEpochSecond()) + " WIB")
                    + (r.complete() ? "" : " - " + t.get("avail.incomplete", ReportText.time(r.asOf().getEpochSecond()) + " WIB")), null);
            text(sum.createRow(n++), 0, t.get("avail.report.method"), null);
            n++;
            String[] heads = {t.get("avail.col.provider"), t.get("avail.col.product"), t.get("avail.col.availability"),
                    t.get("avail.col.sla"), t.get("avail.col.met"), t.get("avail.col.answered"), t.get("avail.col.up"),
                    t.get("avail.col.idle"), t.get("avail.col.down"), t.get("avail.col.unanswered"), t.get("avail.col.notPolled"),
                    t.get("avail.col.outages"), t.get("avail.col.outageTime"), t.get("avail.col.monthlyCost")};
            Row head = sum.createRow(n++);
            for (int i = 0; i < heads.length; i++) {
                text(head, i, heads[i], st.head);
            }
            for (UplinkReport u : r.uplinks()) {
                UplinkMonth m = u.month();
                Row row = sum.createRow(n++);
                text(row, 0, u.provider(), null);
                text(row, 1, u.sla().product() != null ? u.sla().product() : u.product(), null);
                if (m.availability() != null) {
                    num(row, 2, ReportText.pctOf(m.availability()).movePointLeft(2).doubleValue(), pct3);
                }
                if (u.sla().status() == SlaTerm.Status.FOUND) {
                    num(row, 3, u.sla().slaPct() / 100, pct3);
                } else {
                    text(row, 3, t.sla(u.sla()), null);
                }
                text(row, 4, t.met(u.met()), null);
                num(row, 5, m.answeredPolls(), null);
                num(row, 6, m.upPolls(), null);
                num(row, 7, m.idlePolls(), null);
                num(row, 8, m.downPolls(), null);
                num(row, 9, m.unansweredPolls(), null);
                num(row, 10, m.notPolled(), null);
                num(row, 11, m.outages().size(), null);
                num(row, 12, m.outageSeconds() / 86_400.0, duration);
                if (u.sla().monthlyCostIdr() > 0) {
                    num(row, 13, u.sla().monthlyCostIdr(), st.money);
                }
            }
            if (r.uplinks().isEmpty()) {
                text(sum.createRow(n++), 0, t.get("avail.none"), null);
            }
            if (!r.notMonitored().isEmpty()) {
                n++;
                text(sum.createRow(n), 0, t.get("avail.notMonitored", String.join(", ", r.notMonitored())), null);
            }
            int[] widths = {18, 22, 14, 12, 12, 12, 12, 12, 10, 14, 14, 10, 14, 18};
            for (int i = 0; i < widths.length; i++) {
                sum.setColumnWidth(i, widths[i] * 256);
            }

            Sheet out2 = wb.createSheet(t.get("avail.sheet.outages"));
            String[] oh = {t.get("avail.col.provider"), t.get("avail.col.product"), t.get("avail.col.start"), t.get("avail.col.end"),
                    t.get("avail.col.duration"), t.get("avail.col.down"), t.get("avail.col.idle"), t.get("avail.col.ended"),
                    t.get("avail.col.fromPrevious")};
            Row h2 = out2.createRow(0);
            for (int i = 0; i < oh.length; i++) {
                text(h2, i, oh[i], st.head);
            }
            int k = 1;
            for (UplinkReport u : r.uplinks()) {
                for (Outage o : u.month().outages()) {
                    Row row = out2.createRow(k++);
                    text(row, 0, u.provider(), null);
                    text(row, 1, u.sla().product() != null ? u.sla().product() : u.product(), null);
                    time(row, 2, o.startEpochSecond(), seconds);
                    time(row, 3, o.endEpochSecond(), seconds);
                    num(row, 4, o.durationSeconds() / 86_400.0, duration);
                    num(row, 5, o.downPolls(), null);
                    num(row, 6, o.idlePolls(), null);
                    text(row, 7, t.ended(o), null);
                    text(row, 8, o.fromPreviousMonth() ? t.get("avail.met.yes") : "", null);
                }
            }
            int[] ow = {18, 22, 20, 20, 12, 12, 14, 30, 16};
            for (int i = 0; i < ow.length; i++) {
                out2.setColumnWidth(i, ow[i] * 256);
            }
            out2.createFreezePane(0, 1);
            wb.write(out);
            wb.dispose();
        }
    }

    private static CellStyle format(SXSSFWorkbook wb, String pattern) {
        CellStyle s = wb.createCellStyle();
        s.setDataFormat(wb.createDataFormat().getFormat(pattern));
        return s;
    }

    private static void text(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        if (style != null) {
            c.setCellStyle(style);
        }
    }

    private static void num(Row row, int col, double value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        if (style != null) {
            c.setCellStyle(style);
        }
    }

    /** A WIB wall time as an Excel date (Excel has no zones: the sheet says WIB in its header). */
    private static void time(Row row, int col, long epochSecond, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(Instant.ofEpochSecond(epochSecond).atZone(Wib.ZONE).toLocalDateTime());
        c.setCellStyle(style);
    }
}
