package id.padu.app.cli;

import id.padu.analysis.SpendAnalysis;
import id.padu.analysis.SpendReport;
import id.padu.dataset.DatasetException;
import id.padu.dataset.DatasetReader;
import id.padu.domain.Dataset;
import id.padu.domain.Wib;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code padu analyze DIR}: the spend and demand picture of a dataset folder, without server or
 * database. The result goes to standard output only (table for people, JSON or CSV for
 * programs); errors go to standard error in the user's language.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Spend, demand, idle capacity and multiplexing gain of a dataset folder.",
                "Belanja, kebutuhan, kapasitas menganggur dan gain multiplexing dari folder dataset."})
public class AnalyzeCommand implements Callable<Integer> {

    enum Format { table, json, csv }

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    LangOption lang;

    @Parameters(index = "0", paramLabel = "DIR", description = "Dataset folder (format v1).")
    Path dir;

    @Option(names = "--format", paramLabel = "table|json|csv", defaultValue = "table",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--quantile", paramLabel = "Q",
            description = "Quantile that stands for what an agency uses, in (0, 1]; default plan.quantile of the dataset (0.95).")
    Double quantile;

    @Option(names = "--as-of", paramLabel = "yyyy-mm-dd",
            description = "Reference date for contracts ending within 12 months; default plan.start_date, else today (WIB).")
    LocalDate asOf;

    @Override
    public Integer call() {
        Messages m = Messages.of(lang.locale());
        PrintWriter err = spec.commandLine().getErr();
        if (quantile != null && !(quantile > 0 && quantile <= 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), m.get("error.quantile", quantile));
        }
        if (!Files.isDirectory(dir)) {
            err.println(m.get("error.noFolder", dir));
            return PaduCommand.EXIT_BAD_INPUT;
        }
        Dataset dataset;
        try {
            dataset = DatasetReader.readFolder(dir);
        } catch (DatasetException e) {
            err.println(m.get("error.dataset", dir));
            err.println(e.describe(lang.locale()));
            return PaduCommand.EXIT_BAD_INPUT;
        }
        double q = quantile != null ? quantile : dataset.settings().quantile();
        LocalDate reference = asOf != null ? asOf
                : dataset.settings().planStartDate() != null ? dataset.settings().planStartDate()
                : LocalDate.now(Wib.ZONE);
        SpendReport report = SpendAnalysis.analyze(dataset, q, reference);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> out.print(AnalysisJson.render(report));
            case csv -> out.print(AnalysisCsv.render(report));
            case table -> out.print(new AnalysisTable(m, lang.locale()).render(report, dir.toString()));
        }
        out.flush();
        if (report.aggregate().agenciesWithUsage() < dataset.agencies().size()) {
            err.println(m.get("warn.noUsage", dataset.agencies().size() - report.aggregate().agenciesWithUsage()));
        }
        return PaduCommand.EXIT_OK;
    }
}
