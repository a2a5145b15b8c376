package id.padu.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/** Reads the 2027 proposal of GrowingRegency back from its workbook, cell by cell (Bahasa Indonesia labels). */
public final class BudgetWorkbook {

    private BudgetWorkbook() {
    }

    public static void assertHandFigures(Workbook wb) {
        Sheet s = wb.getSheetAt(0);
        assertThat(s.getSheetName()).isEqualTo("Anggaran 2027");
        assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Usulan anggaran internet tahun 2027");
        // row 4 heads the central lines
        assertThat(s.getRow(4).getCell(0).getStringCellValue()).isEqualTo("Uraian");
        centralLine(s.getRow(5), "Astinet 100 Mbps", "Telkom Indonesia", "Januari–Agustus", 8, 20_000_000, 0, 160_000_000);
        centralLine(s.getRow(6), "Peningkatan kapasitas: Internet Dedicated 200 Mbps", "ICON+", "September–Desember", 4,
                33_000_000, 3_000_000, 135_000_000);
        centralLine(s.getRow(7), "Tautan fiber ke hub: PUSAT-A", "", "Januari–Desember", 12, 1_000_000, 0, 12_000_000);
        centralLine(s.getRow(8), "Tautan radio ke hub: PUSAT-B", "", "Mei–Desember", 8, 750_000, 12_000_000, 18_000_000);
        assertThat(s.getRow(5).getCell(3).getStringCellValue()).isEqualTo("5.1.02.02.01.0063");
        assertThat(s.getRow(9).getCell(0).getStringCellValue()).isEqualTo("Jumlah belanja pusat");
        assertThat(money(s.getRow(9).getCell(8))).isEqualTo(325_000_000L);
        // rows 11 and 12: the agencies' title and head, then one row per agency
        assertThat(s.getRow(12).getCell(0).getStringCellValue()).isEqualTo("Kode");
        agency(s.getRow(13), "LOKAL-C", "lokal", "", 12, 2_500_000, 30_000_000, 0);
        agency(s.getRow(14), "PUSAT-A", "pusat", "2026-08-01", 0, 6_000_000, 0, 72_000_000);
        agency(s.getRow(15), "PUSAT-B", "pusat", "2027-05-10", 5, 5_060_000, 25_300_000, 35_420_000);
        assertThat(money(s.getRow(16).getCell(7))).isEqualTo(55_300_000L);
        assertThat(money(s.getRow(16).getCell(8))).isEqualTo(107_420_000L);
        total(s.getRow(18), "Jumlah belanja pusat", 325_000_000L);
        total(s.getRow(19), "Jumlah perangkat daerah", 55_300_000L);
        total(s.getRow(20), "Jumlah usulan", 380_300_000L);
        total(s.getRow(21), "Belanja saat ini per tahun", 162_720_000L);
        total(s.getRow(22), "Selisih (hemat bila positif)", -217_580_000L);
        // money is a number formatted as Rupiah, not text
        assertThat(s.getRow(20).getCell(8).getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(s.getRow(20).getCell(8).getCellStyle().getDataFormatString()).isEqualTo("\"Rp \"#,##0");

        Sheet n = wb.getSheetAt(1);
        assertThat(n.getSheetName()).isEqualTo("Justifikasi");
        assertThat(n.getRow(1).getCell(0).getStringCellValue()).startsWith("Pada tahun anggaran 2027 Diskominfo mengusulkan");
        assertThat(n.getRow(2).getCell(0).getStringCellValue()).contains("mulai September 2027 kebutuhan mencapai");
    }

    private static void centralLine(Row r, String item, String provider, String period, int months, long monthly, long oneOff,
                                    long annual) {
        assertThat(r.getCell(0).getStringCellValue()).isEqualTo(item);
        assertThat(r.getCell(1).getStringCellValue()).isEqualTo(provider);
        assertThat(r.getCell(4).getStringCellValue()).isEqualTo(period);
        assertThat((int) r.getCell(5).getNumericCellValue()).isEqualTo(months);
        assertThat(money(r.getCell(6))).isEqualTo(monthly);
        assertThat(money(r.getCell(7))).isEqualTo(oneOff);
        assertThat(money(r.getCell(8))).isEqualTo(annual);
    }

    private static void agency(Row r, String code, String status, String cutover, int months, long monthly, long budget,
                               long noLonger) {
        assertThat(r.getCell(0).getStringCellValue()).isEqualTo(code);
        assertThat(r.getCell(2).getStringCellValue()).isEqualTo(status);
        assertThat(r.getCell(4).getStringCellValue()).isEqualTo(cutover);
        assertThat((int) r.getCell(5).getNumericCellValue()).isEqualTo(months);
        assertThat(money(r.getCell(6))).isEqualTo(monthly);
        assertThat(money(r.getCell(7))).isEqualTo(budget);
        assertThat(money(r.getCell(8))).isEqualTo(noLonger);
    }

    private static void total(Row r, String label, long idr) {
        assertThat(r.getCell(0).getStringCellValue()).isEqualTo(label);
        assertThat(money(r.getCell(8))).isEqualTo(idr);
    }

    private static long money(Cell c) {
        double v = c.getNumericCellValue();
        assertThat(v).isEqualTo(Math.rint(v));
        return (long) v;
    }
}
