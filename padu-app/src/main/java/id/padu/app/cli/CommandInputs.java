package id.padu.app.cli;

import id.padu.app.planning.PlanFiles;
import id.padu.dataset.DatasetException;
import id.padu.dataset.DatasetReader;
import id.padu.domain.Dataset;
import id.padu.plan.Plan;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What most subcommands read first, the dataset folder and a plan file, read one way: a problem
 * is printed to standard error in the chosen language and ends the command with exit 1.
 */
final class CommandInputs {

    /** A reason to stop, with the exit code; the message is already printed. */
    static final class Stop extends Exception {
        final int exitCode;

        Stop(int exitCode) {
            super(null, null, false, false);
            this.exitCode = exitCode;
        }
    }

    private CommandInputs() {
    }

    /** The dataset folder {@code dir}; a missing folder or a rejected dataset is named with its errors. */
    static Dataset dataset(Path dir, Locale locale, PrintWriter err) throws Stop {
        if (!Files.isDirectory(dir)) {
            err.println(Messages.of(locale).get("error.noFolder", dir));
            throw new Stop(PaduCommand.EXIT_BAD_INPUT);
        }
        try {
            return DatasetReader.readFolder(dir);
        } catch (DatasetException e) {
            err.println(CliMessages.get(locale, "dataset.rejected"));
            err.println(e.describe(locale));
            throw new Stop(PaduCommand.EXIT_BAD_INPUT);
        }
    }

    /** The plan file (the JSON of {@code padu plan}); null stays null (no plan given). */
    static Plan plan(Path planFile, Locale locale, PrintWriter err) throws Stop {
        if (planFile == null) {
            return null;
        }
        try {
            return PlanFiles.read(planFile);
        } catch (PlanFiles.PlanFileException e) {
            err.println(e.message(locale));
            throw new Stop(PaduCommand.EXIT_BAD_INPUT);
        }
    }
}
