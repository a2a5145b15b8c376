package id.padu.app.cli;

import id.padu.app.datasets.XlsxDatasets;
import id.padu.dataset.DatasetError;
import id.padu.dataset.DatasetException;
import id.padu.dataset.DatasetReader;
import id.padu.domain.Dataset;
import id.padu.domain.UsageSeries;
import id.padu.domain.Wib;
import id.padu.text.Bundles;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code padu validate DIR}: reads a dataset without a server or database. On success a summary
 * goes to standard output (exit 0); otherwise every error goes to standard error (exit 1).
 * DIR may also be a zip of the CSV files or an XLSX workbook.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a dataset folder (format v1), a zip of it or an XLSX workbook: print a summary, or every error.",
                "Periksa folder dataset (format v1), zip-nya atau buku kerja XLSX: tampilkan ringkasan, atau semua kesalahan."})
public class ValidateCommand implements Callable<Integer> {

    private static final String BUNDLE = "id.padu.app.cli.validate";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Parameters(index = "0", paramLabel = "DIR", description = "Dataset folder, .zip or .xlsx")
    Path dataset;

    @Mixin
    LangOption lang;

    @Spec
    CommandSpec spec;

    private Locale locale;

    @Override
    public Integer call() {
        locale = lang.locale();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DatasetReader.Result result;
        try {
            result = read(dataset);
        } catch (DatasetException e) {
            printWarnings(err, e.warnings());
            for (DatasetError error : e.errors()) {
                err.println(error.message(locale));
            }
            long total = 0;
            for (DatasetError error : e.errors()) {
                // "and N more of the same kind" stands for N errors that were counted, not listed
                total += "more.errors".equals(error.key()) ? ((Number) error.args().get(0)).longValue() : 1;
            }
            err.println(text("rejected", total));
            err.flush();
            return PaduCommand.EXIT_BAD_INPUT;
        } catch (IOException e) {
            err.println(text("unreadable", dataset, e.getMessage()));
            err.flush();
            return PaduCommand.EXIT_BAD_INPUT;
        }
        printWarnings(err, result.warnings());
        err.flush();
        summary(out, result);
        out.flush();
        return PaduCommand.EXIT_OK;
    }

    static DatasetReader.Result read(Path path) throws DatasetException, IOException {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(path) && name.endsWith(".zip")) {
            try (InputStream in = Files.newInputStream(path)) {
                return DatasetReader.readZipResult(in);
            }
        }
        if (Files.isRegularFile(path) && name.endsWith(".xlsx")) {
            try (InputStream in = Files.newInputStream(path)) {
                return XlsxDatasets.readResult(in);
            }
        }
        return DatasetReader.readFolderResult(path);
    }

    private void printWarnings(PrintWriter err, List<DatasetError> warnings) {
        for (DatasetError w : warnings) {
            err.println(text("warning", w.message(locale)));
        }
    }

    private void summary(PrintWriter out, DatasetReader.Result result) {
        Dataset d = result.dataset();
        out.println(text("valid", dataset));
        int width = result.rowCounts().keySet().stream().mapToInt(String::length).max().orElse(10);
        for (Map.Entry<String, Long> e : result.rowCounts().entrySet()) {
            out.println("  " + pad(e.getKey(), width) + "  " + text("rows", e.getValue()));
        }
        out.println(text("agencies", d.agencies().size(), d.subscriptions().size(), d.offers().size(),
                d.hasLinksFile() ? d.links().size() : text("noLinks"), d.services().size()));
        if (d.usage().isEmpty()) {
            out.println(text("noUsage"));
            return;
        }
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        long samples = 0;
        long slots = 0;
        TreeSet<Integer> steps = new TreeSet<>();
        for (UsageSeries s : d.usage().values()) {
            from = Math.min(from, s.startEpochSecond());
            to = Math.max(to, s.end().getEpochSecond());
            steps.add(s.stepSeconds());
            samples += s.measuredCount();
            slots += s.size();
        }
        out.println(text("usageAgencies", d.usage().size(), d.agencies().size(), samples, slots - samples));
        out.println(text("period", MINUTE.format(Instant.ofEpochSecond(from).atZone(Wib.ZONE)),
                MINUTE.format(Instant.ofEpochSecond(to).atZone(Wib.ZONE))));
        out.println(text("step", steps.stream().map(s -> s + " s").reduce((a, b) -> a + ", " + b).orElse("")));
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    private String text(String key, Object... args) {
        return Bundles.format(BUNDLE, locale, key, args);
    }
}
