package id.padu.app.cli;

import id.padu.app.migration.RunbookPdf;
import id.padu.app.shared.AtomicFile;
import id.padu.migration.ChecklistItem;
import id.padu.migration.Cutover;
import id.padu.migration.Runbook;
import id.padu.migration.RunbookGenerator;
import id.padu.migration.RunbookSection;
import id.padu.migration.Text;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
 * {@code padu migrate runbook DIR --plan PLAN.json [--agency CODE] --out FILE.pdf}: the printable
 * runbook of one agency, or of all (with the schedule first) into one PDF. {@code --format json}
 * gives the checklist structure instead.
 */
@Command(name = "runbook", mixinStandardHelpOptions = true,
        description = {"Write the cutover runbook of one agency, or of all agencies, as a PDF.",
                "Tulis runbook cutover satu instansi, atau semua instansi, sebagai PDF."})
public class MigrateRunbookCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    LangOption lang;

    @Mixin
    MigrationInputOptions inputs;

    @Option(names = "--agency", paramLabel = "CODE", description = "One agency; all agencies when not given.")
    String agency;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write (required for pdf; json goes to standard output without it).")
    Path outFile;

    @Option(names = "--format", paramLabel = "pdf|json", defaultValue = "pdf", description = "pdf (default) or json (the checklist).")
    String format;


    @Override
    public Integer call() {
        Locale locale = lang.locale();
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("pdf") && !format.equals("json")) {
            err.println(Text.of("cli.usage.format", format, "pdf|json").format(locale));
            return PaduCommand.EXIT_USAGE;
        }
        if (format.equals("pdf") && outFile == null) {
            err.println(Text.of("cli.usage.out").format(locale));
            return PaduCommand.EXIT_USAGE;
        }
        MigrationInputs in;
        try {
            in = MigrationInputs.load(inputs.dir, inputs.planFile, inputs.sets, inputs.stateFile, inputs.asOf, locale, err);
        } catch (MigrationInputs.Stop stop) {
            return stop.exitCode;
        }
        List<Runbook> runbooks;
        if (agency != null) {
            Optional<Cutover> c = in.schedule.cutover(agency);
            if (c.isEmpty()) {
                err.println(Text.of("input.agency.unknown", agency).format(locale));
                return PaduCommand.EXIT_BAD_INPUT;
            }
            runbooks = List.of(RunbookGenerator.of(in.dataset, in.plan, c.get()));
        } else {
            runbooks = RunbookGenerator.all(in.dataset, in.plan, in.schedule);
        }
        try {
            if (format.equals("json")) {
                String text = JSON.writeValueAsString(json(runbooks, locale));
                if (outFile == null) {
                    spec.commandLine().getOut().println(text);
                    spec.commandLine().getOut().flush();
                } else {
                    AtomicFile.write(outFile, o -> o.write((text + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                }
            } else {
                AtomicFile.write(outFile, o -> RunbookPdf.write(runbooks, agency == null ? in.schedule : null, locale, o));
                err.println(Text.of("cli.written", outFile, runbooks.size()).format(locale));
            }
        } catch (IOException e) {
            err.println(Text.of("cli.write.failed", outFile, e.getMessage()).format(locale));
            return PaduCommand.EXIT_BAD_INPUT;
        }
        return PaduCommand.EXIT_OK;
    }

    static ArrayNode json(List<Runbook> runbooks, Locale l) {
        ArrayNode arr = JSON.createArrayNode();
        for (Runbook rb : runbooks) {
            ObjectNode o = arr.addObject();
            o.put("code", rb.code());
            o.put("name", rb.name());
            o.put("cutoverDate", rb.date().toString());
            o.put("window", rb.window() == null ? null : rb.window().hours());
            o.put("critical", rb.critical());
            o.put("reason", rb.reason().format(l));
            ArrayNode warnings = o.putArray("warnings");
            rb.warnings().forEach(w -> warnings.add(w.format(l)));
            ArrayNode sections = o.putArray("sections");
            for (RunbookSection s : rb.sections()) {
                ObjectNode sn = sections.addObject();
                sn.put("phase", s.phase().code());
                sn.put("title", s.phase().title().format(l));
                sn.put("due", s.due().toString());
                ArrayNode items = sn.putArray("items");
                for (ChecklistItem i : s.items()) {
                    ObjectNode in = items.addObject();
                    in.put("id", i.id());
                    in.put("criterion", i.criterion());
                    in.put("text", i.text().format(l));
                }
            }
        }
        return arr;
    }
}
