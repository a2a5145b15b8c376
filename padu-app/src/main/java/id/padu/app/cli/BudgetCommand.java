package id.padu.app.cli;

import id.padu.app.budget.BudgetJson;
import id.padu.app.budget.BudgetTexts;
import id.padu.app.budget.BudgetXlsx;
import id.padu.app.shared.AtomicFile;
import id.padu.budget.Budget;
import id.padu.budget.BudgetException;
import id.padu.budget.BudgetProposal;
import id.padu.domain.Dataset;
import id.padu.domain.Rupiah;
import id.padu.plan.Plan;
import id.padu.text.Bundles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code padu budget DIR --plan PLAN.json --year YYYY}: next year's internet budget proposal
 * (docs/forecast-budget.md) as a table, the JSON contract, or the XLSX workbook of the budget page.
 */
@Command(name = "budget", mixinStandardHelpOptions = true,
        description = {"The budget proposal for a year: central lines, what each agency still budgets, totals, justification.",
                "Usulan anggaran setahun: belanja pusat, yang masih dianggarkan tiap perangkat daerah, jumlah, justifikasi."})
public class BudgetCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    LangOption lang;

    @Parameters(index = "0", paramLabel = "DIR", description = "Dataset folder (format v1).")
    Path dir;

    @Option(names = "--plan", required = true, paramLabel = "PLAN.json", description = "Plan file (padu plan --format json).")
    Path planFile;

    @Option(names = "--year", required = true, paramLabel = "YYYY", description = "The budget year (2000 to 2100).")
    String year;

    @Option(names = "--format", paramLabel = "table|json|xlsx", defaultValue = "table", description = "Output format (default table).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to this file (required for xlsx; table and json go to standard output without it).")
    Path outFile;

    @Option(names = "--region", paramLabel = "NAME", defaultValue = "", description = "The regency named on the workbook.")
    String region;

    @Override
    public Integer call() {
        Locale locale = lang.locale();
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("table") && !format.equals("json") && !format.equals("xlsx")) {
            err.println(text(locale, "budget.usage.format", format));
            return PaduCommand.EXIT_USAGE;
        }
        int y;
        try {
            y = Integer.parseInt(year.trim());
        } catch (NumberFormatException e) {
            y = -1;
        }
        if (y < BudgetProposal.MIN_YEAR || y > BudgetProposal.MAX_YEAR) {
            err.println(text(locale, "budget.usage.year", year, String.valueOf(BudgetProposal.MIN_YEAR),
                    String.valueOf(BudgetProposal.MAX_YEAR)));
            return PaduCommand.EXIT_USAGE;
        }
        if (format.equals("xlsx") && outFile == null) {
            err.println(text(locale, "budget.usage.out"));
            return PaduCommand.EXIT_USAGE;
        }
        Plan plan;
        Dataset ds;
        try {
            plan = CommandInputs.plan(planFile, locale, err);
            ds = CommandInputs.dataset(dir, locale, err);
        } catch (CommandInputs.Stop stop) {
            return stop.exitCode;
        }
        Budget b;
        try {
            b = BudgetProposal.propose(ds, plan, y, locale);
        } catch (BudgetException e) {
            err.println(planFile + ": " + e.message(locale));
            return PaduCommand.EXIT_BAD_INPUT;
        }
        try {
            switch (format) {
                case "xlsx" -> {
                    AtomicFile.write(outFile, o -> BudgetXlsx.write(b, region, locale, o));
                    err.println(text(locale, "budget.written", outFile));
                }
                case "json" -> emit(BudgetJson.text(b));
                default -> {
                    java.io.StringWriter w = new java.io.StringWriter();
                    printTable(b, locale, new PrintWriter(w));
                    emit(w.toString());
                }
            }
        } catch (IOException e) {
            err.println(text(locale, "budget.writeFailed", outFile, e.getMessage()));
            return PaduCommand.EXIT_BAD_INPUT;
        }
        if (b.forecastRefusal() != null) {
            err.println(text(locale, "budget.noForecast", b.forecastRefusal()));
        }
        return PaduCommand.EXIT_OK;
    }

    /** The text to standard output, or to {@code --out} when given. */
    private void emit(String s) throws IOException {
        if (outFile != null) {
            AtomicFile.write(outFile, o -> o.write(s.getBytes(StandardCharsets.UTF_8)));
            return;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(s);
        out.flush();
    }

    private static String text(Locale l, String key, Object... args) {
        return Bundles.format(ForecastCommand.BUNDLE, l, key, args);
    }

    static void printTable(Budget b, Locale l, PrintWriter out) {
        BudgetTexts t = new BudgetTexts(l);
        out.println(t.get("x.title", String.valueOf(b.year())));
        out.println();
        out.println(t.get("x.central"));
        Tables c = new Tables(new boolean[] {false, false, false, false, true, true, true, true}, t.get("x.item"),
                t.get("x.provider"), t.get("x.accountCode"), t.get("x.period"), t.get("x.months"), t.get("x.monthly"),
                t.get("x.oneOff"), t.get("x.annual"));
        for (Budget.CentralLine x : b.centralLines()) {
            c.row(x.item(), x.provider() == null ? "" : x.provider(), x.accountCode(), t.months(x.fromMonth(), x.toMonth()),
                    String.valueOf(x.months()), Rupiah.format(x.monthlyIdr()), Rupiah.format(x.oneOffIdr()),
                    Rupiah.format(x.annualIdr()));
        }
        c.row(t.get("x.centralTotal"), "", "", "", "", "", "", Rupiah.format(b.centralTotalIdr()));
        c.print(out);
        out.println();
        out.println(t.get("x.agencies"));
        Tables a = new Tables(new boolean[] {false, false, false, true, true, true, true}, t.get("x.code"), t.get("x.status"),
                t.get("x.cutover"), t.get("x.monthsPaid"), t.get("x.monthly"), t.get("x.budget"), t.get("x.noLongerNeeded"));
        long noLonger = 0;
        for (Budget.AgencyLine x : b.agencies()) {
            a.row(x.code(), t.get(x.central() ? "x.central.status" : "x.local.status"),
                    x.cutoverDate() == null ? "" : x.cutoverDate().toString(), String.valueOf(x.monthsPaid()),
                    Rupiah.format(x.monthlyIdr()), Rupiah.format(x.budgetIdr()), Rupiah.format(x.noLongerNeededIdr()));
            noLonger += x.noLongerNeededIdr();
        }
        a.row(t.get("x.agenciesTotal"), "", "", "", "", Rupiah.format(b.agenciesTotalIdr()), Rupiah.format(noLonger));
        a.print(out);
        out.println();
        Tables s = new Tables(new boolean[] {false, true}, (String[]) null);
        s.row(t.get("x.total"), Rupiah.format(b.totalIdr()));
        s.row(t.get("x.statusQuo"), Rupiah.format(b.statusQuoIdr()));
        s.row(t.get("x.difference"), Rupiah.format(b.statusQuoIdr() - b.totalIdr()));
        s.print(out);
        out.println();
        out.println(t.get("x.narrativeTitle", String.valueOf(b.year())));
        out.println();
        out.println(b.narrative());
        out.flush();
    }
}
