package id.padu.app.cli;

import id.padu.app.planning.PlanFiles;

import id.padu.dataset.DatasetException;
import id.padu.dataset.DatasetReader;
import id.padu.domain.BitRate;
import id.padu.domain.Dataset;
import id.padu.domain.Wib;
import id.padu.plan.Plan;
import id.padu.simulation.Simulator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

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
        try {
            plan = PlanFiles.read(planFile);
        } catch (PlanFiles.PlanFileException e) {
            err.println(e.message(locale));
            return PaduCommand.EXIT_BAD_INPUT;
        }
        Dataset ds;
        try {
            ds = DatasetReader.readFolder(dir);
        } catch (DatasetException e) {
            err.println(CliMessages.get(locale, "dataset.rejected"));
            err.println(e.describe(locale));
            return PaduCommand.EXIT_BAD_INPUT;
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

    private static String time(long epochSecond) {
        return epochSecond < 0 ? null : Instant.ofEpochSecond(epochSecond).atZone(Wib.ZONE).toOffsetDateTime().toString();
    }

    static String toJson(Simulator.Result r) {
        JsonMapper m = JsonMapper.builder().enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT).build();
        ObjectNode root = m.createObjectNode();
        if (r.failedProvider() == null) {
            root.putNull("failedProvider");
        } else {
            root.put("failedProvider", r.failedProvider());
        }
        root.put("capacityDownBps", r.capacityDownBps());
        root.put("capacityUpBps", r.capacityUpBps());
        root.put("intervals", r.intervals());
        root.put("stepSeconds", r.stepSeconds());
        ArrayNode ags = root.putArray("agencies");
        for (Simulator.AgencyResult a : r.agencies()) {
            ObjectNode o = ags.addObject();
            o.put("code", a.code());
            o.put("servedFractionDown", a.servedFractionDown());
            o.put("servedFractionUp", a.servedFractionUp());
            o.put("congestedIntervalsDown", a.congestedIntervalsDown());
            o.put("congestedIntervalsUp", a.congestedIntervalsUp());
            putTime(o, "worstIntervalDown", time(a.worstDownEpochSecond()));
            o.put("worstServedFractionDown", a.worstDownFraction());
            putTime(o, "worstIntervalUp", time(a.worstUpEpochSecond()));
            o.put("worstServedFractionUp", a.worstUpFraction());
        }
        return m.writeValueAsString(root) + System.lineSeparator();
    }

    private static void putTime(ObjectNode o, String key, String value) {
        if (value == null) {
            o.putNull(key);
        } else {
            o.put(key, value);
        }
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
