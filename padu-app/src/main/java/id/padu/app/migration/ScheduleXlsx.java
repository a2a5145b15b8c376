package id.padu.app.migration;

import id.padu.domain.Wib;
import id.padu.migration.StatusChange;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import id.padu.app.shared.XlsxStyles;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The schedule with statuses as a workbook: sheet 1 one row per agency (dates as Excel dates,
 * money as whole Rupiah in the {@code Rp} format), sheet 2 the status history with times in WIB.
 */
final class ScheduleXlsx {

    private ScheduleXlsx() {
    }

    static void write(List<TrackedCutover> cutovers, List<HistoryEntry> history, Locale locale,
                      Function<String, String> msg, Function<id.padu.migration.MigrationStatus, String> status,
                      OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XlsxStyles styles = new XlsxStyles(wb);
            CellStyle head = styles.bold;
            CellStyle date = styles.date;
            CellStyle time = styles.dateTime;
            CellStyle money = styles.money;

            Sheet s = wb.createSheet(msg.apply("mig.xlsx.sheet.schedule"));
            header(s, head, msg, "mig.col.week", "mig.col.date", "mig.col.window", "mig.col.code", "mig.col.name",
                    "mig.col.critical", "mig.col.pilot", "mig.col.status", "mig.col.penalty", "mig.col.paidTwice",
                    "mig.col.reason");
            int r = 1;
            for (TrackedCutover c : cutovers) {
                Row row = s.createRow(r++);
                int col = 0;
                dateCell(row, col++, c.date() == null ? null : c.date().with(java.time.DayOfWeek.MONDAY), date);
                dateCell(row, col++, c.date(), date);
                row.createCell(col++).setCellValue(c.window() == null ? "" : c.window());
                row.createCell(col++).setCellValue(c.code());
                row.createCell(col++).setCellValue(c.name());
                row.createCell(col++).setCellValue(msg.apply(c.critical() ? "mig.yes" : "mig.no"));
                row.createCell(col++).setCellValue(msg.apply(c.pilot() ? "mig.yes" : "mig.no"));
                row.createCell(col++).setCellValue(status.apply(c.status()));
                Cell p = row.createCell(col++);
                p.setCellValue(c.penaltyIdr());
                p.setCellStyle(money);
                Cell t = row.createCell(col++);
                t.setCellValue(c.paidTwiceIdr());
                t.setCellStyle(money);
                row.createCell(col).setCellValue(c.reason(locale));
            }
            widths(s, 11, 11, 16, 14, 36, 9, 9, 14, 14, 14, 80);

            Sheet h = wb.createSheet(msg.apply("mig.xlsx.sheet.history"));
            header(h, head, msg, "mig.col.time", "mig.col.code", "mig.col.from", "mig.col.to", "mig.col.date",
                    "mig.col.by", "mig.col.note");
            r = 1;
            for (HistoryEntry e : history) {
                StatusChange c = e.change();
                Row row = h.createRow(r++);
                Cell at = row.createCell(0);
                at.setCellValue(LocalDateTime.ofInstant(c.at(), Wib.ZONE));
                at.setCellStyle(time);
                row.createCell(1).setCellValue(e.code());
                row.createCell(2).setCellValue(c.from() == null ? "" : status.apply(c.from()));
                row.createCell(3).setCellValue(status.apply(c.to()));
                dateCell(row, 4, c.cutoverDate(), date);
                row.createCell(5).setCellValue(c.by());
                row.createCell(6).setCellValue(c.note());
            }
            widths(h, 17, 14, 14, 14, 11, 16, 60);
            wb.write(out);
        }
    }

    private static void dateCell(Row row, int col, LocalDate d, CellStyle style) {
        Cell cell = row.createCell(col);
        if (d != null) {
            cell.setCellValue(d);
            cell.setCellStyle(style);
        }
    }

    private static void header(Sheet s, CellStyle style, Function<String, String> msg, String... keys) {
        Row row = s.createRow(0);
        for (int i = 0; i < keys.length; i++) {
            Cell c = row.createCell(i);
            c.setCellValue(msg.apply(keys[i]));
            c.setCellStyle(style);
        }
        s.createFreezePane(0, 1);
    }

    private static void widths(Sheet s, int... chars) {
        for (int i = 0; i < chars.length; i++) {
            s.setColumnWidth(i, chars[i] * 256);
        }
    }
}
