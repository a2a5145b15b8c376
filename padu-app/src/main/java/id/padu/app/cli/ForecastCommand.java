package id.padu.app.cli;

import id.padu.app.planning.PlanFiles;
import id.padu.app.shared.Json;
import id.padu.domain.BitRate;
import id.padu.domain.Dataset;
import id.padu.domain.Direction;
import id.padu.domain.Rupiah;
import id.padu.forecast.Forecast;
import id.padu.forecast.ForecastException;
import id.padu.forecast.Forecaster;
import id.padu.forecast.Trend;
import id.padu.plan.Plan;
import id.padu.plan.Uplink;
import id.padu.text.Bundles;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code padu forecast DIR [--plan PLAN.json]}: the monthly Q95 of the central agencies' aggregate
 * (every agency without a plan), a log-linear trend on the measured months, the first month its
 * requirement exceeds the capacity and the cheapest uplinks for that month (docs/forecast-budget.md).
 */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = {"Forecast the central aggregate's monthly Q95 and the month it outgrows the plan's uplinks.",
                "Ramalkan Q95 bulanan kebutuhan gabungan pusat dan bulan saat uplink rencana tidak lagi cukup."})
public class ForecastCommand implements Callable<Integer> {

    static final String BUNDLE = "id.padu.app.cli.forecast";

    /** The most months {@code --months} may ask for (ten years). */
    static final int MAX_MONTHS = 120;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    LangOption lang;

    @Parameters(index = "0", paramLabel = "DIR", description = "Dataset folder (format v1).")
    Path dir;

    @Option(names = "--plan", paramLabel = "PLAN.json",
            description = "Plan file (padu plan --format json): its central agencies and uplinks; without it every agency and the subscriptions' capacity.")
    Path planFile;

    @Option(names = "--months", paramLabel = "N", defaultValue = "24", description = "Months to forecast after the last measured one (1 to 120, default 24).")
    String months;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table", description = "Output format (default table).")
    String format;

    @Override
    public Integer call() {
        Locale locale = lang.locale();
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("table") && !format.equals("json")) {
            err.println(CliMessages.get(locale, "usage.format", format));
            return PaduCommand.EXIT_USAGE;
        }
        int n;
        try {
            n = Integer.parseInt(months.trim());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > MAX_MONTHS) {
            err.println(text(locale, "usage.months", months, MAX_MONTHS));
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
        Forecast f;
        try {
            f = Forecaster.forecast(ds, plan, n);
        } catch (ForecastException e) {
            err.println((planFile != null && e.key().equals("error.unknownAgency") ? planFile + ": " : "") + e.message(locale));
            return PaduCommand.EXIT_BAD_INPUT;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            out.print(toJson(f));
        } else {
            printTable(f, locale, out);
        }
        out.flush();
        if (f.noChoiceCarries()) {
            err.println(text(locale, "warn.noChoice", f.crossing().month(), BitRate.ofBps(f.crossing().requiredDownBps()).format(),
                    BitRate.ofBps(f.crossing().requiredUpBps()).format()));
        }
        return PaduCommand.EXIT_OK;
    }

    private static String text(Locale l, String key, Object... args) {
        return Bundles.format(BUNDLE, l, key, args);
    }

    /**
     * The JSON contract of {@code padu forecast --format json}, in the order of the output; the
     * first four fields are the ones issue 16 names, the others follow them (a field added goes at
     * the end of its object).
     *
     * @param growthPerYear      growth of the download Q95 per year at the fitted rate (0.25: 25 %)
     * @param months             measured months, then forecast months
     * @param crossing           the first month whose Q95 / plan.target_utilization exceeds the capacity, or null
     * @param upgrade            the cheapest offer choice carrying that month's requirement, or null
     * @param growthPerYearUp    the same for the upload Q95
     * @param capacityDownBps    the capacity compared with, bit/s down
     * @param capacityUpBps      the same up
     * @param capacityFrom       {@code plan} (the plan's uplinks) or {@code subscriptions} (without a plan)
     * @param quantile           plan.quantile, the quantile taken per month
     * @param targetUtilization  plan.target_utilization
     * @param predictionInterval coverage of the low/high bounds of forecast months (0.9)
     */
    record ForecastJson(double growthPerYear, List<MonthJson> months, CrossingJson crossing, UpgradeJson upgrade,
                        double growthPerYearUp, long capacityDownBps, long capacityUpBps, String capacityFrom,
                        double quantile, double targetUtilization, double predictionInterval) {

        static ForecastJson of(Forecast f) {
            Forecast.Crossing c = f.crossing();
            return new ForecastJson(round4(f.growthPerYear()), f.months().stream().map(MonthJson::of).toList(),
                    c == null ? null : new CrossingJson(c.month().toString(), c.direction().name().toLowerCase(Locale.ROOT),
                            c.requiredDownBps(), c.requiredUpBps()),
                    f.upgrade() == null ? null : new UpgradeJson(PlanFiles.uplinksJson(f.upgrade().uplinks()), f.upgrade().annualIdr()),
                    round4(f.up().growthPerYear()), f.capacityDownBps(), f.capacityUpBps(), f.capacityFrom().code(),
                    f.quantile(), f.targetUtilization(), Trend.COVERAGE);
        }
    }

    /**
     * One month: its Q95 (measured) or the trend's value (forecast), and for a forecast month the
     * prediction interval's bounds (null for a measured month).
     */
    record MonthJson(String month, boolean measured, long p95DownBps, long p95UpBps, Long lowDownBps, Long highDownBps,
                     Long lowUpBps, Long highUpBps) {

        static MonthJson of(Forecast.Month m) {
            return new MonthJson(m.month().toString(), m.measured(), m.downBps(), m.upBps(), m.lowDownBps(), m.highDownBps(),
                    m.lowUpBps(), m.highUpBps());
        }
    }

    /** The crossing: month, direction ({@code down}|{@code up}) and the requirement of that month per direction. */
    record CrossingJson(String month, String direction, long requiredDownBps, long requiredUpBps) {
    }

    /** The upgrade: uplinks as in the plan file, and their annual cost as the planner counts it. */
    record UpgradeJson(List<?> uplinks, long annualIdr) {
    }

    static double round4(double v) {
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }

    /** The output of {@code padu forecast --format json}, ending with the platform's line separator. */
    static String toJson(Forecast f) {
        return Json.PRETTY.writeValueAsString(ForecastJson.of(f)) + System.lineSeparator();
    }

    static void printTable(Forecast f, Locale l, PrintWriter out) {
        out.println(text(l, "t.title"));
        out.println(text(l, "t.model", f.measuredMonths().size(), pct(Trend.COVERAGE, l, 0)));
        out.println(text(l, "t.growth", pct(f.growthPerYear(), l, 1), pct(f.up().growthPerYear(), l, 1)));
        out.println(text(l, "t.capacity." + f.capacityFrom().code(), BitRate.ofBps(f.capacityDownBps()).format(),
                BitRate.ofBps(f.capacityUpBps()).format(), pct(f.targetUtilization(), l, 0)));
        out.println();
        Tables t = new Tables(new boolean[] {false, false, true, true, true, true, true, true}, text(l, "t.month"),
                text(l, "t.kind"), text(l, "t.q95Down"), text(l, "t.rangeDown"), text(l, "t.q95Up"), text(l, "t.rangeUp"),
                text(l, "t.requiredDown"), text(l, "t.requiredUp"));
        for (Forecast.Month m : f.months()) {
            t.row(m.month().toString(), text(l, m.measured() ? "t.measured" : "t.forecast"), rate(m.downBps()),
                    m.measured() ? "" : rate(m.lowDownBps()) + " – " + rate(m.highDownBps()), rate(m.upBps()),
                    m.measured() ? "" : rate(m.lowUpBps()) + " – " + rate(m.highUpBps()),
                    rate(m.required(Direction.DOWN, f.targetUtilization())), rate(m.required(Direction.UP, f.targetUtilization())));
        }
        t.print(out);
        out.println();
        Forecast.Crossing c = f.crossing();
        if (c == null) {
            out.println(text(l, "t.noCrossing", f.months().get(f.months().size() - 1).month().toString()));
            return;
        }
        boolean down = c.direction() == Direction.DOWN;
        out.println(text(l, c.measured() ? "t.crossedMeasured" : "t.crossing", c.month().toString(),
                text(l, down ? "t.dirDown" : "t.dirUp"), rate(down ? c.requiredDownBps() : c.requiredUpBps()),
                rate(down ? f.capacityDownBps() : f.capacityUpBps())));
        if (f.upgrade() == null) {
            out.println(text(l, "t.noChoice"));
            return;
        }
        out.println(text(l, "t.upgrade", Rupiah.format(f.upgrade().annualIdr())));
        Tables u = new Tables(new boolean[] {false, false, true, true, true, true}, CliMessages.get(l, "t.provider"),
                CliMessages.get(l, "t.product"), CliMessages.get(l, "t.down"), CliMessages.get(l, "t.up"),
                CliMessages.get(l, "t.monthly"), CliMessages.get(l, "t.install"));
        for (Uplink x : f.upgrade().uplinks()) {
            u.row(x.provider(), x.product(), BitRate.ofBps(x.downBps()).format(), BitRate.ofBps(x.upBps()).format(),
                    Rupiah.format(x.monthlyCostIdr()), Rupiah.format(x.installCostIdr()));
        }
        u.print(out);
    }

    private static String rate(long bps) {
        return BitRate.ofBps(bps).format();
    }

    private static String pct(double fraction, Locale l, int decimals) {
        return String.format(l, "%." + decimals + "f %%", fraction * 100);
    }
}
