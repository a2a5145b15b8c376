/**
 * Import and export of whole datasets (format v1): a zip of CSV files, the CSV files, or one
 * XLSX workbook; replace or merge, all or nothing, every error listed per file and line.
 * Pages {@code /import}, {@code /export}; API {@code POST /api/datasets},
 * {@code GET /api/datasets/export?format=zip|xlsx}. Also loads the demo dataset for {@code padu demo}.
 * No public Java API.
 */
package id.padu.app.datasets;
