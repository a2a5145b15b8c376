package id.padu.app.cli;

import id.padu.app.migration.RunbookPdf;
import id.padu.app.shared.Json;
import id.padu.app.shared.AtomicFile;
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

/**
 * {@code padu migrate runbook DIR --plan PLAN.json [--agency CODE] --out FILE.pdf}: the printable
 * runbook of one agency, or of all (with the schedule first) into one PDF. {@code --format json}
 * gives the checklist structure instead.
 */
@Command(name = "runbook", mixinStandardHelpOptions = true,
        description = {"Write the cutover runbook of one agency, or of all agencies, as a PDF.",
                "Tulis runbook cutover satu instansi, atau semua instansi, sebagai PDF."})
public class MigrateRunbookCommand implements Callable<Integer> {

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
                String text = Json.PRETTY.writeValueAsString(runbooks.stream().map(rb -> RunbookJson.of(rb, locale)).toList());
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
            err.println(Text.of("cli.write.failed", outFile, MigrationStateFiles.reason(e.getMessage(), e)).format(locale));
            return PaduCommand.EXIT_BAD_INPUT;
        }
        return PaduCommand.EXIT_OK;
    }

    /**
     * One agency's runbook in {@code padu migrate runbook --format json}, which writes an array
     * of them, field by field in the order of the output. Dates as {@code yyyy-mm-dd}, texts in
     * the language asked for. Scripts and UIs read this: a field added is a change of the
     * contract, so add it at the end of its object.
     *
     * @param code        the agency's code
     * @param name        its name
     * @param cutoverDate the day of the move
     * @param window      the hours of its maintenance window in WIB, e.g. {@code 07:00-13:00}; null when none
     * @param critical    the agency hosts critical services
     * @param reason      why this date, one sentence
     * @param warnings    facts missing from the dataset that the team must settle before the day
     * @param sections    the phases of the move, in order (prepare, cutover, verify, rollback, sign-off)
     */
    record RunbookJson(String code, String name, String cutoverDate, String window, boolean critical, String reason,
                       List<String> warnings, List<SectionJson> sections) {

        static RunbookJson of(Runbook rb, Locale l) {
            return new RunbookJson(rb.code(), rb.name(), rb.date().toString(), rb.window() == null ? null : rb.window().hours(),
                    rb.critical(), rb.reason().format(l), rb.warnings().stream().map(w -> w.format(l)).toList(),
                    rb.sections().stream().map(s -> SectionJson.of(s, l)).toList());
        }
    }

    /**
     * The checklist of one phase.
     *
     * @param phase the phase's code, e.g. {@code prepare}
     * @param title its heading, e.g. {@code Persiapan (T-7)}
     * @param due   the day its items are due (the cutover day, or T-7 for preparation)
     * @param items its steps and rollback criteria, in order
     */
    record SectionJson(String phase, String title, String due, List<ItemJson> items) {

        static SectionJson of(RunbookSection s, Locale l) {
            return new SectionJson(s.phase().code(), s.phase().title().format(l), s.due().toString(),
                    s.items().stream().map(i -> new ItemJson(i.id(), i.criterion(), i.text().format(l))).toList());
        }
    }

    /**
     * One checklist item.
     *
     * @param id        the item's identifier: phase, step and subject, e.g. {@code prepare.ttl.Website Dinas Pendidikan}
     * @param criterion true for a rollback trigger (a condition to watch), false for a step to do
     * @param text      what to do or watch
     */
    record ItemJson(String id, boolean criterion, String text) {
    }
}
