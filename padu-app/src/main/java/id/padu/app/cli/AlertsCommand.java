package id.padu.app.cli;

import id.padu.alert.Alert;
import id.padu.alert.AlertEvaluator;
import id.padu.alert.AlertSettings;
import id.padu.app.alerts.AlertJson;
import id.padu.app.shared.Json;
import id.padu.domain.Dataset;
import id.padu.domain.Wib;
import id.padu.plan.Plan;
import id.padu.text.Bundles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code padu alerts DIR [--plan plan.json] [--as-of yyyy-mm-ddTHH:MM] [--format table|json]}:
 * the alert rules on a dataset folder at one moment (WIB; default the end of the usage data).
 * Exit 0 whether or not alerts fire (a script reads the JSON), 1 on bad input, 2 on bad usage.
 */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {"The alert rules on a dataset folder: uplink busy, agencies at their ceiling or far under their "
                + "guarantee, no data, contracts ending, paying twice.",
                "Aturan peringatan pada folder dataset: uplink sibuk, OPD di batas MIR atau jauh di bawah CIR, tanpa data, "
                        + "kontrak berakhir, membayar dua kali."})
public class AlertsCommand implements Callable<Integer> {

    static final String BUNDLE = "id.padu.app.cli.alerts";

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    LangOption lang;

    @Parameters(index = "0", paramLabel = "DIR", description = "Dataset folder (format v1).")
    Path dir;

    @Option(names = "--plan", paramLabel = "PLAN.json",
            description = "The live plan (padu plan --format json); without it the rules that compare with an allocation "
                    + "(uplink-busy, agency-at-ceiling, agency-over-allocated, paying-twice) do not run.")
    Path planFile;

    @Option(names = "--as-of", paramLabel = "yyyy-mm-ddTHH:MM",
            description = "Evaluation time in WIB; default the end of the usage data.")
    String asOf;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table", description = "Output format (default table).")
    String format;

    @Option(names = "--set", paramLabel = "alert.KEY=VALUE",
            description = "Override an alert setting of settings.csv, e.g. --set alert.uplink_busy=0.9 (repeatable).")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Override
    public Integer call() {
        Locale l = lang.locale();
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("table") && !format.equals("json")) {
            err.println(CliMessages.get(l, "usage.format", format));
            return PaduCommand.EXIT_USAGE;
        }
        Long at = null;
        if (asOf != null) {
            try {
                at = LocalDateTime.parse(asOf).atZone(Wib.ZONE).toEpochSecond();
            } catch (DateTimeParseException e) {
                err.println(t(l, "error.asOf", asOf));
                return PaduCommand.EXIT_USAGE;
            }
        }
        Dataset data;
        Plan plan;
        try {
            data = CommandInputs.dataset(dir, l, err);
            plan = CommandInputs.plan(planFile, l, err);
        } catch (CommandInputs.Stop stop) {
            return stop.exitCode;
        }
        Map<String, String> raw = new LinkedHashMap<>(data.settings().raw());
        for (Map.Entry<String, String> o : overrides.entrySet()) {
            if (!AlertSettings.KEYS.contains(o.getKey())) {
                err.println(t(l, "error.setKey", o.getKey(), String.join(", ", AlertSettings.KEYS)));
                return PaduCommand.EXIT_USAGE;
            }
            raw.put(o.getKey(), o.getValue());
        }
        AlertSettings settings;
        try {
            settings = AlertSettings.of(raw);
        } catch (AlertSettings.BadSetting e) {
            err.println(e.message(l));
            return PaduCommand.EXIT_BAD_INPUT;
        }
        if (at == null) {
            long end = AlertEvaluator.endOfData(data);
            if (end == Long.MIN_VALUE) {
                err.println(t(l, "error.noUsage"));
                return PaduCommand.EXIT_BAD_INPUT;
            }
            at = end;
        }
        List<Alert> alerts = AlertEvaluator.evaluate(data, plan, at, settings);
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("asOf", AlertJson.time(at));
            doc.put("alerts", alerts.stream().map(a -> AlertJson.of(a, l)).toList());
            out.print(Json.PRETTY.writeValueAsString(doc) + System.lineSeparator());
        } else {
            out.println(t(l, "table.title", dir, AlertJson.time(at), alerts.size()));
            if (plan == null) {
                out.println(t(l, "table.noPlan"));
            }
            if (!alerts.isEmpty()) {
                Tables table = new Tables(new boolean[] {false, false, false, false, false},
                        t(l, "col.rule"), t(l, "col.agency"), t(l, "col.direction"), t(l, "col.since"), t(l, "col.message"));
                for (Alert a : alerts) {
                    AlertJson j = AlertJson.of(a, l);
                    table.row(j.rule(), j.agency() == null ? "-" : j.agency(),
                            j.direction() == null ? "-" : t(l, "dir." + j.direction()),
                            j.since() == null ? "-" : j.since().substring(0, 16).replace('T', ' '), j.message());
                }
                table.print(out);
            }
        }
        out.flush();
        return PaduCommand.EXIT_OK;
    }

    private static String t(Locale l, String key, Object... args) {
        return Bundles.format(BUNDLE, l, key, args);
    }
}
