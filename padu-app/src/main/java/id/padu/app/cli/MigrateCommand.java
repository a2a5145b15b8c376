package id.padu.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code padu migrate}: the cutover schedule and the runbooks of a plan. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Schedule the cutovers of a plan and print runbooks.",
                "Jadwalkan cutover sebuah rencana dan cetak runbook."},
        subcommands = {MigratePlanCommand.class, MigrateRunbookCommand.class})
public class MigrateCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: plan or runbook / perintah belum diberikan: plan atau runbook");
    }
}
