/**
 * Import and export (menu "Impor/Ekspor") of whole datasets (format v1): a zip of CSV files, the
 * CSV files, or one XLSX workbook ({@link id.padu.app.datasets.XlsxDatasets}, also used by
 * {@code padu validate}); replace or merge, all or nothing, every error listed per file and line.
 * Pages {@code /import}, {@code /export}; API {@code POST /api/datasets},
 * {@code GET /api/datasets/export?format=zip|xlsx}. Also loads the demo dataset for {@code padu demo}.
 * Sits on the core package {@code id.padu.dataset}.
 */
package id.padu.app.datasets;
