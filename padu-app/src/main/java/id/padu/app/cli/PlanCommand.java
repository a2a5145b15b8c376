package id.padu.app.cli;

import id.padu.app.planning.PlanFiles;

import id.padu.dataset.DatasetException;
import id.padu.dataset.DatasetReader;
import id.padu.domain.BitRate;
import id.padu.domain.Dataset;
import id.padu.domain.Rupiah;
import id.padu.domain.Settings;
import id.padu.domain.Wib;
import id.padu.plan.AgencyDecision;
import id.padu.plan.Decision;
import id.padu.plan.PlanResult;
import id.padu.plan.Planner;
import id.padu.plan.PlanningException;
import id.padu.plan.SettingOverrides;
import id.padu.plan.Uplink;
import id.padu.simulation.Simulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code padu plan DIR}: the consolidation plan of a dataset folder, as a table for people or as
 * the plan JSON contract ({@code --format json}) that simulate, shape render and migrate read.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Plan the central uplinks and which agencies join, at the least total annual cost.",
                "Rencanakan uplink pusat dan instansi yang bergabung, dengan biaya tahunan terendah."})
public class PlanCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    LangOption lang;

    @Parameters(index = "0", paramLabel = "DIR", description = "Dataset folder (format v1).")
    Path dir;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table", description = "Output format (default table).")
    String format;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "60",
            description = {"Safety net: stop the search after this many seconds even if its effort is not spent (default 60, "
                    + "at most 3600); the plan then says stoppedBy \"time\" and may differ from run to run."})
    String timeLimit;

    @Option(names = "--effort", paramLabel = "NODES",
            description = "Search nodes before the plan is reported with its gap (default "
                    + Planner.Limits.DEFAULT_EFFORT + ", 1 to 100000000); the same effort gives the same plan on any machine.")
    String effort;

    @Option(names = "--set", paramLabel = "key=value", description = "Override a setting of settings.csv, e.g. --set plan.growth=0.3 (repeatable).")
    List<String> sets = new ArrayList<>();

    @Override
    public Integer call() {
        Locale locale = lang.locale();
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("table") && !format.equals("json")) {
            err.println(CliMessages.get(locale, "usage.format", format));
            return PaduCommand.EXIT_USAGE;
        }
        int seconds;
        try {
            seconds = Integer.parseInt(timeLimit.trim());
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 1 || seconds > 3600) {
            err.println(CliMessages.get(locale, "usage.timeLimit", timeLimit));
            return PaduCommand.EXIT_USAGE;
        }
        long nodes = Planner.Limits.DEFAULT_EFFORT;
        if (effort != null) {
            try {
                nodes = Long.parseLong(effort.trim());
            } catch (NumberFormatException e) {
                nodes = -1;
            }
            if (nodes < 1 || nodes > 100_000_000L) {
                err.println(CliMessages.get(locale, "usage.effort", effort));
                return PaduCommand.EXIT_USAGE;
            }
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                err.println(CliMessages.get(locale, "usage.set", s));
                return PaduCommand.EXIT_USAGE;
            }
            overrides.put(s.substring(0, eq), s.substring(eq + 1));
        }
        Dataset ds;
        try {
            ds = DatasetReader.readFolder(dir);
        } catch (DatasetException e) {
            err.println(CliMessages.get(locale, "dataset.rejected"));
            err.println(e.describe(locale));
            return PaduCommand.EXIT_BAD_INPUT;
        }
        PlanResult result;
        Dataset planned;
        try {
            Settings settings = SettingOverrides.apply(ds.settings(), overrides);
            planned = ds.withSettings(settings);
            result = Planner.plan(planned, LocalDate.now(Wib.ZONE), locale,
                    Planner.Limits.DEFAULT.withTimeLimitMillis(seconds * 1000L).withEffort(nodes));
        } catch (PlanningException e) {
            err.println(e.message(locale));
            return e.key().startsWith("error.setting") ? PaduCommand.EXIT_USAGE : PaduCommand.EXIT_BAD_INPUT;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try {
                PlanFiles.write(result, planned, buf);
            } catch (IOException e) {
                err.println(e.getMessage());
                return PaduCommand.EXIT_BAD_INPUT;
            }
            out.print(buf.toString(java.nio.charset.StandardCharsets.UTF_8));
            out.flush();
        } else {
            printTable(result, PlanFiles.congestion(result, planned), locale, out);
        }
        return PaduCommand.EXIT_OK;
    }

    static void printTable(PlanResult result, Locale l, PrintWriter out) {
        printTable(result, null, l, out);
    }

    /** A fraction as a percentage with at most two decimals: 0.9259 gives "92.59 %". */
    private static String pct(double fraction) {
        return java.math.BigDecimal.valueOf(fraction * 100).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString() + " %";
    }

    /** @param congestion the replay of a plan that does not carry its requirement, else null */
    static void printTable(PlanResult result, Simulator.Result congestion, Locale l, PrintWriter out) {
        var p = result.plan();
        out.println(CliMessages.get(l, "t.summary"));
        Tables sum = new Tables(new boolean[] {false, true}, (String[]) null);
        sum.row(CliMessages.get(l, "t.statusQuo"), Rupiah.format(p.statusQuoAnnualIdr()));
        sum.row(CliMessages.get(l, "t.plan"), Rupiah.format(p.planAnnualIdr()));
        sum.row(CliMessages.get(l, "t.savings"), Rupiah.format(p.savingsAnnualIdr()));
        sum.row(CliMessages.get(l, "t.oneOff"), Rupiah.format(p.oneOffCostIdr()));
        sum.row(CliMessages.get(l, "t.payback"), p.paybackMonths() == null ? CliMessages.get(l, "t.never")
                : CliMessages.get(l, "t.paybackMonths", String.format(Locale.ROOT, "%.1f", p.paybackMonths())));
        sum.row(CliMessages.get(l, "t.required"), BitRate.ofBps(p.requiredDownBps()).format() + " / " + BitRate.ofBps(p.requiredUpBps()).format());
        sum.row(CliMessages.get(l, "t.optimal"), p.optimal() ? CliMessages.get(l, "t.yes") : CliMessages.get(l, "t.no"));
        if (!p.optimal()) {
            long excess = Math.round(p.gap() * p.planAnnualIdr());
            sum.row(CliMessages.get(l, "t.gap"), CliMessages.get(l, "t.gapValue", String.format(Locale.ROOT, "%.3f", p.gap() * 100),
                    Rupiah.format(excess), Rupiah.format(p.planAnnualIdr() - excess)));
        }
        sum.row(CliMessages.get(l, "t.centralAnnual"), Rupiah.format(result.centralAnnualIdr()));
        sum.row(CliMessages.get(l, "t.meets"), result.meetsRequirement() ? CliMessages.get(l, "t.yes")
                : CliMessages.get(l, "t.carried", pct(result.carriedShare())));
        sum.print(out);
        out.println();
        if (congestion != null) {
            // who would be congested and how often: the plan carries only a share of the requirement
            out.println(CliMessages.get(l, "t.congestion", congestion.intervals()));
            Tables cg = new Tables(new boolean[] {false, true, true, true, true}, CliMessages.get(l, "t.code"),
                    CliMessages.get(l, "t.served") + " " + CliMessages.get(l, "t.down"),
                    CliMessages.get(l, "t.served") + " " + CliMessages.get(l, "t.up"),
                    CliMessages.get(l, "t.congested") + " " + CliMessages.get(l, "t.down"),
                    CliMessages.get(l, "t.congested") + " " + CliMessages.get(l, "t.up"));
            for (Simulator.AgencyResult a : congestion.agencies()) {
                cg.row(a.code(), pct(a.servedFractionDown()), pct(a.servedFractionUp()),
                        Integer.toString(a.congestedIntervalsDown()), Integer.toString(a.congestedIntervalsUp()));
            }
            cg.print(out);
            out.println();
        }
        out.println(CliMessages.get(l, "t.uplinks"));
        Tables ups = new Tables(new boolean[] {false, false, true, true, true, true}, CliMessages.get(l, "t.provider"),
                CliMessages.get(l, "t.product"), CliMessages.get(l, "t.down"), CliMessages.get(l, "t.up"),
                CliMessages.get(l, "t.monthly"), CliMessages.get(l, "t.install"));
        for (Uplink u : p.uplinks()) {
            ups.row(u.provider(), u.product(), BitRate.ofBps(u.downBps()).format(), BitRate.ofBps(u.upBps()).format(),
                    Rupiah.format(u.monthlyCostIdr()), Rupiah.format(u.installCostIdr()));
        }
        ups.print(out);
        out.println();
        if (!result.offers().isEmpty()) {
            out.println(CliMessages.get(l, "t.offers"));
            Tables offs = new Tables(new boolean[] {false, false, false, true, false, false}, CliMessages.get(l, "t.provider"),
                    CliMessages.get(l, "t.product"), CliMessages.get(l, "t.kind"), CliMessages.get(l, "t.countedDown"),
                    CliMessages.get(l, "t.taken"), CliMessages.get(l, "t.reason"));
            for (PlanResult.OfferNote o : result.offers()) {
                offs.row(o.provider(), o.product(), o.kind(), BitRate.ofBps(o.countedDownBps()).format(),
                        CliMessages.get(l, o.chosen() ? "t.yes" : "t.no"), o.reason());
            }
            offs.print(out);
            out.println();
        }
        out.println(CliMessages.get(l, "t.agencies"));
        Tables ags = new Tables(new boolean[] {false, false, true, true, true, true, false, false}, CliMessages.get(l, "t.code"),
                CliMessages.get(l, "t.decision"), "CIR " + CliMessages.get(l, "t.down"), "MIR " + CliMessages.get(l, "t.down"),
                "CIR " + CliMessages.get(l, "t.up"), "MIR " + CliMessages.get(l, "t.up"), CliMessages.get(l, "t.cutover"),
                CliMessages.get(l, "t.reason"));
        for (AgencyDecision a : p.agencies()) {
            boolean c = a.decision() == Decision.CENTRAL;
            ags.row(a.code(), CliMessages.get(l, c ? "t.central" : "t.local"),
                    c ? BitRate.ofBps(a.cirDownBps()).format() : "", c ? BitRate.ofBps(a.mirDownBps()).format() : "",
                    c ? BitRate.ofBps(a.cirUpBps()).format() : "", c ? BitRate.ofBps(a.mirUpBps()).format() : "",
                    a.cutoverDate() == null ? "" : a.cutoverDate().toString(), a.reason() == null ? "" : a.reason());
        }
        ags.print(out);
        out.println();
        if (!result.closeCalls().isEmpty()) {
            out.println(CliMessages.get(l, "t.closeCalls"));
            Tables cc = new Tables(new boolean[] {false, false, true, true}, CliMessages.get(l, "t.code"),
                    CliMessages.get(l, "t.altDecision"), CliMessages.get(l, "t.altCost"), CliMessages.get(l, "t.altMore"));
            for (PlanResult.CloseCall c : result.closeCalls()) {
                cc.row(c.code(), CliMessages.get(l, c.decision() == Decision.CENTRAL ? "t.central" : "t.local"),
                        Rupiah.format(c.alternativeCostIdr()), Rupiah.format(c.alternativeCostIdr() - p.planAnnualIdr()));
            }
            cc.print(out);
            out.println();
        }
        out.println(CliMessages.get(l, "t.years"));
        Tables yrs = new Tables(new boolean[] {true, true, true, true}, CliMessages.get(l, "t.year"),
                CliMessages.get(l, "t.statusQuo"), CliMessages.get(l, "t.plan"), CliMessages.get(l, "t.savings"));
        for (PlanResult.Year y : result.years()) {
            yrs.row(String.valueOf(y.year()), Rupiah.format(y.statusQuoIdr()), Rupiah.format(y.planIdr()), Rupiah.format(y.savingsIdr()));
        }
        yrs.print(out);
        out.flush();
    }
}
