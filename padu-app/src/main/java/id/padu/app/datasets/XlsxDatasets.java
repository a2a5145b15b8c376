package id.padu.app.datasets;

import id.padu.dataset.DatasetError;
import id.padu.dataset.DatasetException;
import id.padu.dataset.DatasetReader;
import id.padu.dataset.DatasetWriter;
import id.padu.dataset.ReadLimits;
import id.padu.dataset.TableSink;
import id.padu.domain.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A dataset as one XLSX workbook with a sheet per file (same names without {@code .csv},
 * same columns), read and written with Apache POI, validated by the same rules as the CSV form:
 * the sheets feed {@link DatasetReader#read} as tables, and errors name the sheet as the file
 * and the spreadsheet row as the line.
 *
 * <p>Both directions stream: reading parses each sheet's XML with SAX (no cell objects), writing
 * uses SXSSF, which keeps only a window of rows in memory. One sheet holds at most 1,048,576
 * rows, so usage beyond that continues on sheets {@code usage2}, {@code usage3} ... (any sheet
 * whose name starts with {@code usage} followed by a digit, space, {@code _} or {@code -} is usage).
 */
public final class XlsxDatasets {

    /** Data rows per usage sheet: the sheet's row limit minus the header row. */
    static final int USAGE_ROWS_PER_SHEET = 1_048_575;

    /** Columns written as numbers, so that Excel can sum money and rates. */
    private static final Set<String> NUMERIC = Set.of("down_mbps", "up_mbps", "monthly_cost_idr", "install_cost_idr",
            "exit_penalty_idr", "min_term_months", "sla_pct", "capacity_mbps", "down_bps", "up_bps");

    /**
     * The most one part of a workbook (a sheet's XML, the shared strings) may inflate to. POI's own
     * zip-bomb guard (an entry inflating more than 100 times) stays on; this bounds a part that
     * compresses less but is still far beyond any sheet (a full usage sheet is about 150 MB). POI
     * keeps it in a static, so it holds for every workbook this process opens.
     */
    static final long MAX_PART_BYTES = 1L << 30;

    static {
        ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
    }

    private XlsxDatasets() {
    }

    public static Dataset read(InputStream workbook) throws DatasetException, IOException {
        return readResult(workbook).dataset();
    }

    /** Reads a workbook, keeping warnings and row counts per sheet. */
    public static DatasetReader.Result readResult(InputStream workbook) throws DatasetException, IOException {
        return readResult(workbook, ReadLimits.DEFAULT);
    }

    /** Reads a workbook with rows bounded by {@code limits} (characters and cells per row). */
    static DatasetReader.Result readResult(InputStream workbook, ReadLimits limits) throws DatasetException, IOException {
        // OPC needs random access; a temporary copy keeps a big workbook out of the heap.
        Path tmp = Files.createTempFile("padu-dataset", ".xlsx");
        try {
            Files.copy(workbook, tmp, StandardCopyOption.REPLACE_EXISTING);
            if (!startsLikeZip(tmp)) {
                // Say so ourselves: POI would log a warning (to standard output, in the CLI) and then fail.
                throw notXlsx(new IOException("no zip signature (PK)"));
            }
            OPCPackage pkg;
            try {
                pkg = OPCPackage.open(tmp.toFile(), PackageAccess.READ);
            } catch (OpenXML4JException | RuntimeException e) {
                throw notXlsx(e);
            }
            try {
                return DatasetReader.read(new XlsxTableSource(pkg, limits));
            } finally {
                pkg.revert();
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static boolean startsLikeZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        }
    }

    static DatasetException notXlsx(Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new DatasetException(List.of(new DatasetError("xlsx", 0, null, null, "source.notXlsx", List.of(why))));
    }

    public static void write(Dataset dataset, OutputStream out) throws IOException {
        write(dataset, out, USAGE_ROWS_PER_SHEET);
    }

    static void write(Dataset dataset, OutputStream out, int rowsPerSheet) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try {
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle headerStyle = wb.createCellStyle();
            headerStyle.setFont(bold);
            DatasetWriter.write(dataset, new TableSink() {
                private String name;
                private List<String> columns;
                private Sheet sheet;
                private int rowNo;
                private int usageSheets;

                @Override
                public void begin(String tableName, List<String> tableColumns) {
                    name = tableName;
                    columns = tableColumns;
                    usageSheets = 0;
                    newSheet();
                }

                private void newSheet() {
                    String sheetName = name.equals("usage") && usageSheets > 0 ? "usage" + (usageSheets + 1) : name;
                    if (name.equals("usage")) {
                        usageSheets++;
                    }
                    sheet = wb.createSheet(sheetName);
                    Row header = sheet.createRow(0);
                    for (int i = 0; i < columns.size(); i++) {
                        Cell c = header.createCell(i);
                        c.setCellValue(columns.get(i));
                        c.setCellStyle(headerStyle);
                    }
                    sheet.createFreezePane(0, 1);
                    rowNo = 1;
                }

                @Override
                public void row(String[] cells) {
                    if (rowNo > rowsPerSheet) {
                        newSheet();
                    }
                    Row row = sheet.createRow(rowNo++);
                    for (int i = 0; i < cells.length; i++) {
                        String v = cells[i];
                        if (v.isEmpty()) {
                            continue;
                        }
                        Cell c = row.createCell(i);
                        if (NUMERIC.contains(columns.get(i))) {
                            c.setCellValue(Double.parseDouble(v));
                        } else {
                            c.setCellValue(v);
                        }
                    }
                }

                @Override
                public void end() {
                    sheet = null;
                }
            });
            wb.write(out);
            out.flush();
        } finally {
            wb.close(); // also removes SXSSF's temporary files
        }
    }
}
