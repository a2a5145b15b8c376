package id.padu.app.cli;

import id.padu.app.shared.Json;
import id.padu.domain.BitRate;
import id.padu.domain.Dataset;
import id.padu.domain.Wib;
import id.padu.plan.Plan;
import id.padu.simulation.Simulator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code padu simulate DIR --plan PLAN.json}: replays the measured traffic (times 1 + growth)
 * through a plan's allocation, optionally with one provider failed. Any plan file in the
 * contract's format is accepted, also one a person edited.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Replay measured traffic through a plan's allocation (HTB semantics), optionally with a provider failed.",
                "Putar ulang trafik terukur melalui alokasi rencana, opsional dengan satu penyedia gagal."})
public class SimulateCommand implements Callable<Integer> {


    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    LangOption lang;

    @Parameters(index = "0", paramLabel = "DIR", description = "Dataset folder (format v1).")
    Path dir;

    @Option(names = "--plan", required = true, paramLabel = "PLAN.json", description = "Plan file (padu plan --format json).")
    Path planFile;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table", description = "Output format (default table).")
    String format;

    @Option(names = "--fail", paramLabel = "PROVIDER", description = "Simulate with this provider's uplinks down.")
    String fail;

    @Override
    public Integer call() {
        Locale locale = lang.locale();
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("table") && !format.equals("json")) {
            err.println(CliMessages.get(locale, "usage.format", format));
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
        Simulator.Result r;
        try {
            r = Simulator.run(ds, plan, fail);
        } catch (Simulator.PlanMismatchException e) {
            String msg = e.field().startsWith("uplinks") ? CliMessages.get(locale, "simulate.unknownProvider", e.value())
                    : CliMessages.get(locale, "plan.unknownAgency", e.value());
            err.println(planFile + " [" + e.field() + "]: " + msg);
            return PaduCommand.EXIT_BAD_INPUT;
        }
        // a hand-edited plan may promise more than the uplinks carry: say so (the replay scales the guarantees down)
        long cirDown = plan.centralAgencies().stream().mapToLong(a -> a.cirDownBps()).sum();
        long cirUp = plan.centralAgencies().stream().mapToLong(a -> a.cirUpBps()).sum();
        if (cirDown > r.capacityDownBps() || cirUp > r.capacityUpBps()) {
            err.println(CliMessages.get(locale, "simulate.overbooked", BitRate.ofBps(cirDown).format(), BitRate.ofBps(cirUp).format(),
                    BitRate.ofBps(r.capacityDownBps()).format(), BitRate.ofBps(r.capacityUpBps()).format()));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            out.print(toJson(r));
        } else {
            printTable(r, locale, out);
        }
        out.flush();
        return PaduCommand.EXIT_OK;
    }

    /**
     * The JSON contract of {@code padu simulate --format json}, field by field in the order of
     * the output. Fractions are of the demanded bytes (0 to 1), times are the start of a
     * {@code stepSeconds} interval in WIB ({@code 2026-11-11T08:55+07:00}). Scripts read this: a
     * field added is a change of the contract, so add it at the end of its object.
     *
     * @param failedProvider  the provider whose uplinks were down in the replay; null when none
     * @param capacityDownBps download capacity of the uplinks that stayed up, bit/s
     * @param capacityUpBps   upload capacity of the uplinks that stayed up, bit/s
     * @param intervals       how many intervals were replayed
     * @param stepSeconds     length of one interval, seconds
     * @param agencies        one object per agency the plan connects centrally
     */
    record SimulationJson(String failedProvider, long capacityDownBps, long capacityUpBps, int intervals,
                          int stepSeconds, List<AgencyJson> agencies) {

        static SimulationJson of(Simulator.Result r) {
            return new SimulationJson(r.failedProvider(), r.capacityDownBps(), r.capacityUpBps(), r.intervals(),
                    r.stepSeconds(), r.agencies().stream().map(AgencyJson::of).toList());
        }
    }

    /**
     * One agency in the replay.
     *
     * @param code                    the agency's code
     * @param servedFractionDown      share of the demanded download bytes that got through
     * @param servedFractionUp        share of the demanded upload bytes that got through
     * @param congestedIntervalsDown  intervals served below 99 % of the download demand ({@link Simulator#CONGESTED_BELOW})
     * @param congestedIntervalsUp    intervals served below 99 % of the upload demand
     * @param worstIntervalDown       start of the interval with the lowest download share; null when every interval was served in full
     * @param worstServedFractionDown the download share in that interval
     * @param worstIntervalUp         start of the interval with the lowest upload share; null when every interval was served in full
     * @param worstServedFractionUp   the upload share in that interval
     */
    record AgencyJson(String code, double servedFractionDown, double servedFractionUp, int congestedIntervalsDown,
                      int congestedIntervalsUp, String worstIntervalDown, double worstServedFractionDown,
                      String worstIntervalUp, double worstServedFractionUp) {

        static AgencyJson of(Simulator.AgencyResult a) {
            return new AgencyJson(a.code(), a.servedFractionDown(), a.servedFractionUp(), a.congestedIntervalsDown(),
                    a.congestedIntervalsUp(), time(a.worstDownEpochSecond()), a.worstDownFraction(),
                    time(a.worstUpEpochSecond()), a.worstUpFraction());
        }
    }

    /** An interval's start in WIB with its offset; null for the simulator's "none" (a negative epoch second). */
    private static String time(long epochSecond) {
        return epochSecond < 0 ? null : Instant.ofEpochSecond(epochSecond).atZone(Wib.ZONE).toOffsetDateTime().toString();
    }

    /** The output of {@code padu simulate --format json}, ending with the platform's line separator. */
    static String toJson(Simulator.Result r) {
        return Json.PRETTY.writeValueAsString(SimulationJson.of(r)) + System.lineSeparator();
    }

    static void printTable(Simulator.Result r, Locale l, PrintWriter out) {
        out.println(CliMessages.get(l, "t.capacity") + ": " + BitRate.ofBps(r.capacityDownBps()).format() + " / "
                + BitRate.ofBps(r.capacityUpBps()).format() + "   " + CliMessages.get(l, "t.failed") + ": "
                + (r.failedProvider() == null ? CliMessages.get(l, "t.none") : r.failedProvider()));
        out.println();
        String d = CliMessages.get(l, "t.down");
        String u = CliMessages.get(l, "t.up");
        Tables t = new Tables(new boolean[] {false, true, true, true, true, false, false}, CliMessages.get(l, "t.code"),
                CliMessages.get(l, "t.served") + " " + d, CliMessages.get(l, "t.served") + " " + u,
                CliMessages.get(l, "t.congested") + " " + d, CliMessages.get(l, "t.congested") + " " + u,
                CliMessages.get(l, "t.worst") + " " + d, CliMessages.get(l, "t.worst") + " " + u);
        for (Simulator.AgencyResult a : r.agencies()) {
            t.row(a.code(), pct(a.servedFractionDown()), pct(a.servedFractionUp()), String.valueOf(a.congestedIntervalsDown()),
                    String.valueOf(a.congestedIntervalsUp()), worst(a.worstDownEpochSecond(), a.worstDownFraction()),
                    worst(a.worstUpEpochSecond(), a.worstUpFraction()));
        }
        t.print(out);
    }

    private static String pct(double f) {
        return String.format(Locale.ROOT, "%.3f %%", f * 100);
    }

    private static String worst(long epoch, double f) {
        if (epoch < 0) {
            return "-";
        }
        return Instant.ofEpochSecond(epoch).atZone(Wib.ZONE).toLocalDateTime().toString().replace('T', ' ') + " WIB (" + pct(f) + ")";
    }
}
