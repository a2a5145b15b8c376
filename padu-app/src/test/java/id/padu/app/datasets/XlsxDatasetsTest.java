package id.padu.app.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.padu.dataset.DatasetError;
import id.padu.dataset.DatasetException;
import id.padu.dataset.DatasetReader;
import id.padu.domain.Dataset;
import id.padu.domain.UsageSeries;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxDatasetsTest {

    static Dataset good() throws Exception {
        try {
            return DatasetReader.readFolder(Path.of(XlsxDatasetsTest.class.getResource("/datasets/good").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] xlsx(Dataset d, int rowsPerSheet) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxDatasets.write(d, out, rowsPerSheet);
        return out.toByteArray();
    }

    @Test
    void roundTripGivesTheSameDataset() throws Exception {
        Dataset d = good();
        byte[] book = xlsx(d, XlsxDatasets.USAGE_ROWS_PER_SHEET);
        assertThat(XlsxDatasets.read(new ByteArrayInputStream(book))).isEqualTo(d);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(book))) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("agencies");
            // money is a number in Excel, so a planner can sum it
            assertThat(wb.getSheet("subscriptions").getRow(1).getCell(6).getNumericCellValue()).isEqualTo(15_000_000d);
        }
    }

    @Test
    void textLikeAFormulaIsAStringCellNeverAFormula() throws Exception {
        // Issue #19 (formula injection): XLSX cells are written as string cells, which Excel shows and never runs.
        Dataset d = new Dataset(java.util.List.of(new id.padu.domain.Agency("F1", "=HYPERLINK(\"http://x\",\"klik\")", null, null, null),
                new id.padu.domain.Agency("F2", "@SUM(A1)", null, null, null)), java.util.List.of(), java.util.List.of(), null,
                java.util.List.of(), Map.of(), null);
        byte[] book = xlsx(d, XlsxDatasets.USAGE_ROWS_PER_SHEET);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(book))) {
            var cell = wb.getSheet("agencies").getRow(1).getCell(1);
            assertThat(cell.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            assertThat(cell.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\",\"klik\")");
        }
        assertThat(XlsxDatasets.read(new ByteArrayInputStream(book))).isEqualTo(d);
    }

    @Test
    void usageLongerThanASheetContinuesOnTheNextSheets() throws Exception {
        Dataset d = good();
        Map<String, UsageSeries> usage = new LinkedHashMap<>(d.usage());
        long[] down = new long[250];
        long[] up = new long[250];
        for (int i = 0; i < down.length; i++) {
            down[i] = i % 50 == 7 ? UsageSeries.MISSING : 1000L * i;
            up[i] = i % 50 == 7 ? UsageSeries.MISSING : 10L * i;
        }
        usage.put("KEC-BAAMANG", new UsageSeries("KEC-BAAMANG", 1_740_960_000L, 300, down, up));
        Dataset big = new Dataset(d.agencies(), d.subscriptions(), d.offers(), d.links(), d.services(), usage, d.settings());
        byte[] book = xlsx(big, 100);
        DatasetReader.Result r = XlsxDatasets.readResult(new ByteArrayInputStream(book));
        assertThat(r.dataset()).isEqualTo(big);
        assertThat(r.rowCounts()).containsKeys("usage", "usage2", "usage3");
        assertThat(r.rowCounts().get("usage")).isEqualTo(100);
    }

    @Test
    void errorsNameTheSheetAndRow() throws Exception {
        XSSFWorkbook wb = minimalWorkbook();
        Row r = wb.getSheet("subscriptions").getRow(2);
        r.getCell(6).setCellValue(-5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        assertThatThrownBy(() -> XlsxDatasets.read(new ByteArrayInputStream(out.toByteArray())))
                .isInstanceOf(DatasetException.class)
                .satisfies(t -> {
                    DatasetError e = ((DatasetException) t).errors().get(0);
                    assertThat(e.message(Locale.ENGLISH)).isEqualTo("subscriptions:3 [monthly_cost_idr] \"-5\": must not be negative");
                });
    }

    @Test
    void excelDateCellsAndNumbersAreRead() throws Exception {
        XSSFWorkbook wb = minimalWorkbook();
        CellStyle dateStyle = wb.createCellStyle();
        dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
        Row r = wb.getSheet("subscriptions").getRow(1);
        r.createCell(8).setCellValue(LocalDate.of(2024, 6, 1));
        r.getCell(8).setCellStyle(dateStyle);
        r.getCell(4).setCellValue(2.5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        Dataset d = XlsxDatasets.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(d.subscriptions().get(0).startDate()).isEqualTo(LocalDate.of(2024, 6, 1));
        assertThat(d.subscriptions().get(0).down().bps()).isEqualTo(2_500_000L);
    }

    @Test
    void notAWorkbookIsAClearError() {
        assertThatThrownBy(() -> XlsxDatasets.read(new ByteArrayInputStream("code,name\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(DatasetException.class)
                .satisfies(t -> assertThat(((DatasetException) t).describe(Locale.ENGLISH))
                        .startsWith("xlsx: this file is not a readable XLSX workbook"));
    }

    @Test
    void aRowBeyondTheRecordLimitIsRefusedAtItsRow() throws Exception {
        // Excel holds at most 32,767 characters in a cell, so the row's cells together pass the limit.
        XSSFWorkbook wb = minimalWorkbook();
        Sheet a = wb.getSheet("agencies");
        row(a, 0, "code", "name", "note1", "note2", "note3", "note4");
        String big = "x".repeat(30_000);
        row(a, 1, "RSUD", "RSUD dr. Murjani", big, big, big, big);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        assertThatThrownBy(() -> XlsxDatasets.read(new ByteArrayInputStream(out.toByteArray())))
                .isInstanceOf(DatasetException.class)
                .satisfies(t -> assertThat(((DatasetException) t).describe(Locale.ENGLISH))
                        .contains("agencies:2: this record is longer than 100,000 characters"));
    }

    /** agencies + subscriptions typed the way a planner would, with numbers as numbers. */
    private static XSSFWorkbook minimalWorkbook() {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet a = wb.createSheet("agencies");
        row(a, 0, "code", "name");
        row(a, 1, "RSUD", "RSUD dr. Murjani");
        Sheet s = wb.createSheet("subscriptions");
        row(s, 0, "agency", "provider", "product", "kind", "down_mbps", "up_mbps", "monthly_cost_idr", "install_cost_idr", "start_date");
        Row r1 = row(s, 1, "RSUD", "Telkom", "IndiHome 50", "broadband");
        r1.createCell(4).setCellValue(50);
        r1.createCell(5).setCellValue(10);
        r1.createCell(6).setCellValue(560000);
        Row r2 = row(s, 2, "RSUD", "Telkom", "Astinet", "dedicated");
        r2.createCell(4).setCellValue(20);
        r2.createCell(5).setCellValue(20);
        r2.createCell(6).setCellValue(4500000);
        wb.createSheet("Petunjuk").createRow(0).createCell(0).setCellValue("Isi setiap lembar ...");
        return wb;
    }

    private static Row row(Sheet sheet, int index, String... cells) {
        Row r = sheet.createRow(index);
        for (int i = 0; i < cells.length; i++) {
            r.createCell(i).setCellValue(cells[i]);
        }
        return r;
    }
}
