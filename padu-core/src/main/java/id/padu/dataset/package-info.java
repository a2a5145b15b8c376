/**
 * Dataset format v1 (docs/dataset-format.md): reading a folder, zip or set of tables with every
 * error collected (file, line, column, value, in the reader's language), and writing it back.
 * Holds the one CSV reader ({@link id.padu.dataset.CsvTable}) and usage.csv writer ({@link
 * id.padu.dataset.UsageCsvWriter}) that the app and the command line use.
 */
package id.padu.dataset;
