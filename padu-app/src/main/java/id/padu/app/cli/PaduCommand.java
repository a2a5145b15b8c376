package id.padu.app.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code padu} command. Unix manners: results on standard output only, everything else
 * on standard error; exit 0 on success, 1 on bad input, 2 on bad usage.
 */
@Command(name = "padu", mixinStandardHelpOptions = true, versionProvider = PaduCommand.Version.class,
        description = {"Padu: one integrated internet for all agencies of a regional government.",
                "Padu: satu internet terpadu untuk semua perangkat daerah."},
        subcommands = {
                ServeCommand.class,
                DemoCommand.class,
                ValidateCommand.class,
                AnalyzeCommand.class,
                PlanCommand.class,
                SimulateCommand.class,
                ForecastCommand.class,
                BudgetCommand.class,
                AlertsCommand.class,
                ShapeCommand.class,
                CollectCommand.class,
                MigrateCommand.class,
                AuditCommand.class,
                SecretsCommand.class,
                CommandLine.HelpCommand.class
        })
public class PaduCommand implements Runnable {

    /** Returned by {@link #execute} when a server was started and the JVM must stay up. */
    public static final int KEEP_RUNNING = Integer.MIN_VALUE;

    public static final int EXIT_OK = 0;
    public static final int EXIT_BAD_INPUT = 1;
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command / perintah belum diberikan");
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new PaduCommand());
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        // Unknown options of serve/demo are Spring properties (--server.port=9090).
        cl.getSubcommands().get("serve").setUnmatchedArgumentsAllowed(true);
        cl.getSubcommands().get("demo").setUnmatchedArgumentsAllowed(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println(ex.getMessage() == null ? ex.toString() : ex.getMessage());
            return EXIT_BAD_INPUT;
        });
        return cl;
    }

    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = PaduCommand.class.getPackage().getImplementationVersion();
            return new String[] {"Padu " + (v == null ? "dev" : v)};
        }
    }
}
