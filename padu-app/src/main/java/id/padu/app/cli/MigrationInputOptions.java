package id.padu.app.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The inputs every {@code padu migrate} command reads: the dataset folder, the plan, setting
 * overrides and an optional migration log to replan from. A picocli mixin, so that
 * {@code migrate plan} and {@code migrate runbook} accept exactly the same options.
 */
class MigrationInputOptions {

    @Parameters(index = "0", paramLabel = "DIR", description = "Dataset folder (format v1).")
    Path dir;

    @Option(names = "--plan", required = true, paramLabel = "PLAN.json", description = "Plan JSON of padu plan --format json.")
    Path planFile;

    @Option(names = "--set", paramLabel = "key=value", description = "Override a setting, e.g. --set migrate.cutovers_per_week=3 (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--state", paramLabel = "LOG.json", description = "Migration log to replan from: done and in-progress cutovers are kept.")
    Path stateFile;

    @Option(names = "--as-of", paramLabel = "yyyy-mm-dd", description = "Day the log stands at (default today, WIB); new dates come after it.")
    LocalDate asOf;
}
