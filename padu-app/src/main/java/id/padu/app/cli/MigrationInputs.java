package id.padu.app.cli;


import id.padu.dataset.DatasetException;
import id.padu.dataset.DatasetReader;
import id.padu.domain.Dataset;
import id.padu.domain.Settings;
import id.padu.domain.Wib;
import id.padu.migration.MigrationInputException;
import id.padu.migration.MigrationSchedule;
import id.padu.migration.MigrationState;
import id.padu.migration.MigrationScheduler;
import id.padu.migration.Text;
import id.padu.plan.Plan;
import id.padu.plan.PlanningException;
import id.padu.plan.SettingOverrides;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What both {@code migrate} subcommands read: the dataset folder, the plan JSON and the
 * {@code --set} overrides; then the schedule. Problems are printed to standard error in the
 * chosen language and end the command with exit 1 (bad input) or 2 (bad usage).
 */
final class MigrationInputs {


    /** A reason to stop, with the exit code; the message is already printed. */
    static final class Stop extends Exception {
        final int exitCode;

        Stop(int exitCode) {
            super(null, null, false, false);
            this.exitCode = exitCode;
        }

        Stop(CommandInputs.Stop cause) {
            this(cause.exitCode);
        }
    }

    final Dataset dataset;
    final Plan plan;
    final MigrationSchedule schedule;

    private MigrationInputs(Dataset dataset, Plan plan, MigrationSchedule schedule) {
        this.dataset = dataset;
        this.plan = plan;
        this.schedule = schedule;
    }

    /**
     * @param stateFile a migration log to replan from ({@link MigrationStateFiles}), or null
     * @param asOf      the day the log stands at; null = today in WIB (only with a log)
     */
    static MigrationInputs load(Path dir, Path planFile, List<String> sets, Path stateFile, LocalDate asOf,
                                Locale locale, PrintWriter err) throws Stop {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                err.println(Text.of("cli.usage.set", s).format(locale));
                throw new Stop(PaduCommand.EXIT_USAGE);
            }
            overrides.put(s.substring(0, eq), s.substring(eq + 1));
        }
        Dataset ds;
        try {
            ds = DatasetReader.readFolder(dir);
        } catch (DatasetException e) {
            err.println(Text.of("cli.dataset.rejected", dir).format(locale));
            err.println(e.describe(locale));
            throw new Stop(PaduCommand.EXIT_BAD_INPUT);
        }
        Plan plan;
        try {
            plan = CommandInputs.plan(planFile, locale, err);
        } catch (CommandInputs.Stop stop) {
            throw new Stop(stop);
        }
        try {
            Settings settings = ds.settings();
            if (settings.planStartDate() == null) {
                // settings.csv: plan.start_date defaults to today (WIB); the core has no clock.
                settings = SettingOverrides.apply(settings, Map.of("plan.start_date", LocalDate.now(Wib.ZONE).toString()));
            }
            settings = SettingOverrides.apply(settings, overrides);
            ds = ds.withSettings(settings);
        } catch (PlanningException e) {
            err.println(e.message(locale));
            throw new Stop(PaduCommand.EXIT_USAGE);
        }
        MigrationState state = null;
        if (stateFile != null) {
            try {
                state = MigrationStateFiles.read(stateFile);
            } catch (MigrationStateFiles.StateFileException e) {
                err.println(e.message(locale));
                throw new Stop(PaduCommand.EXIT_BAD_INPUT);
            }
        }
        try {
            MigrationScheduler scheduler = new MigrationScheduler(ds, plan);
            MigrationSchedule schedule = state == null ? scheduler.schedule()
                    : scheduler.replan(state, asOf != null ? asOf : LocalDate.now(Wib.ZONE));
            return new MigrationInputs(ds, plan, schedule);
        } catch (MigrationInputException e) {
            err.println(e.message(locale));
            throw new Stop(PaduCommand.EXIT_BAD_INPUT);
        }
    }
}
