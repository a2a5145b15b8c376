package id.padu.app.cli;

import id.padu.migration.Cutover;
import id.padu.migration.MaintenanceWindow;
import id.padu.migration.MigrationSchedule;
import id.padu.migration.Text;
import id.padu.migration.Wave;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code padu migrate plan DIR --plan PLAN.json}: the cutover schedule as a table or as JSON
 * ({@code optimal}, {@code waves[]} with {@code week} = that ISO week's Monday and
 * {@code agencies[]} with {@code code}, {@code cutoverDate}, {@code reason}).
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Schedule every central agency's cutover into a maintenance window, at least cost under the risk rules.",
                "Jadwalkan cutover setiap instansi pusat ke jendela pemeliharaan, dengan biaya terendah di bawah aturan risiko."})
public class MigratePlanCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    LangOption lang;

    @Mixin
    MigrationInputOptions inputs;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table", description = "Output format (default table).")
    String format;


    @Override
    public Integer call() {
        Locale locale = lang.locale();
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("table") && !format.equals("json")) {
            err.println(Text.of("cli.usage.format", format, "table|json").format(locale));
            return PaduCommand.EXIT_USAGE;
        }
        MigrationInputs in;
        try {
            in = MigrationInputs.load(inputs.dir, inputs.planFile, inputs.sets, inputs.stateFile, inputs.asOf, locale, err);
        } catch (MigrationInputs.Stop stop) {
            return stop.exitCode;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            out.println(JSON.writeValueAsString(json(in.schedule, locale)));
        } else {
            table(in.schedule, locale, out);
        }
        out.flush();
        return PaduCommand.EXIT_OK;
    }

    static ObjectNode json(MigrationSchedule s, Locale l) {
        ObjectNode root = JSON.createObjectNode();
        root.put("optimal", s.optimal());
        root.put("gap", s.gap());
        root.put("totalCostIdr", s.totalCostIdr());
        root.put("penaltyIdr", s.totalPenaltyIdr());
        root.put("paidTwiceIdr", s.totalPaidTwiceIdr());
        root.put("earliestDate", s.earliest().toString());
        root.put("uplinkReadyDate", s.uplinkReady().toString());
        root.put("cutoversPerWeek", s.cutoversPerWeek());
        ArrayNode windows = root.putArray("windows");
        for (MaintenanceWindow w : s.windows()) {
            windows.add(w.toString());
        }
        ArrayNode waves = root.putArray("waves");
        for (Wave w : s.waves()) {
            ObjectNode wn = waves.addObject();
            wn.put("week", w.week().toString());
            wn.put("number", w.number());
            wn.put("pilot", w.pilot());
            ArrayNode ags = wn.putArray("agencies");
            for (Cutover c : w.cutovers()) {
                ObjectNode a = ags.addObject();
                a.put("code", c.code());
                a.put("name", c.name());
                a.put("cutoverDate", c.date().toString());
                a.put("window", c.window() == null ? null : c.window().hours());
                a.put("critical", c.critical());
                ArrayNode cs = a.putArray("criticalServices");
                c.criticalServices().forEach(cs::add);
                a.put("status", c.status().code());
                a.put("costIdr", c.costIdr());
                a.put("penaltyIdr", c.penaltyIdr());
                a.put("paidTwiceIdr", c.paidTwiceIdr());
                a.put("reason", c.reason(l));
            }
        }
        return root;
    }

    static void table(MigrationSchedule s, Locale l, PrintWriter out) {
        out.println(Text.of("runbook.schedule.title").format(l));
        out.println(s.optimal() ? Text.of("runbook.schedule.optimal").format(l)
                : Text.of("runbook.schedule.gap", String.format(Locale.ROOT, "%.2f %%", s.gap() * 100)).format(l));
        out.println(Text.of("runbook.schedule.total", new Text.Money(s.totalCostIdr()), new Text.Money(s.totalPenaltyIdr()),
                new Text.Money(s.totalPaidTwiceIdr())).format(l));
        out.println(Text.of("cli.rules", s.earliest(), s.uplinkReady(), s.cutoversPerWeek(),
                s.windows().stream().map(MaintenanceWindow::toString).toList()).format(l));
        out.println();
        Tables t = new Tables(new boolean[] {false, false, false, false, false, true, false},
                Text.of("cli.h.wave").format(l), Text.of("cli.h.date").format(l), Text.of("cli.h.window").format(l),
                Text.of("cli.h.agency").format(l), Text.of("cli.h.risk").format(l), Text.of("cli.h.cost").format(l),
                Text.of("cli.h.reason").format(l));
        for (Wave w : s.waves()) {
            for (Cutover c : w.cutovers()) {
                String wave = w.number() + (w.pilot() ? "*" : "") + " " + w.week();
                t.row(wave, c.date().toString(), c.window() == null ? "" : c.window().hours(), c.code(),
                        Text.of(c.critical() ? "cli.risk.critical" : "cli.risk.low").format(l),
                        Text.money(c.costIdr(), l), c.reason(l));
            }
        }
        t.print(out);
        out.println();
        out.println(Text.of("cli.legend").format(l));
    }
}
