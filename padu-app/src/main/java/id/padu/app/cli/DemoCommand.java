package id.padu.app.cli;

import id.padu.app.PaduApplication;
import id.padu.dataset.DatasetWriter;
import id.padu.demo.KotimDemo;
import id.padu.domain.Wib;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code padu demo}: {@code serve} with the built-in demo dataset loaded into a fresh data folder
 * ({@code ./data-demo} unless {@code --data-dir} says otherwise; wiped at every start, so the demo
 * never touches real data in {@code ./data}); {@code padu demo --export DIR} writes that dataset
 * as a folder instead and exits, so that command-line users can start from it (no server is
 * started then).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the server with the built-in demo dataset (Kotawaringin Timur, illustration).",
                "The demo data folder is wiped at start. Spring properties may follow as --name=value.",
                "With --export DIR: write the demo dataset as a dataset folder and exit."})
public class DemoCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    LangOption lang;

    @Option(names = "--export", paramLabel = "DIR",
            description = "Write the demo dataset (one year of usage ending yesterday) to DIR and exit.")
    Path export;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Demo data folder, wiped at start (default: ${DEFAULT-VALUE}).")
    Path dataDir = Path.of("data-demo");

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        if (export != null) {
            Messages m = Messages.of(lang.locale());
            try {
                DatasetWriter.writeFolder(KotimDemo.dataset(LocalDate.now(Wib.ZONE)), export);
            } catch (IOException e) {
                spec.commandLine().getErr().println(m.get("export.failed", export, e.getMessage()));
                return PaduCommand.EXIT_BAD_INPUT;
            }
            spec.commandLine().getErr().println(m.get("export.done", export));
            return PaduCommand.EXIT_OK;
        }
        for (String a : springArgs) {
            if (a.startsWith("--padu.data-dir=") || a.equals("--padu.data-dir")) {
                // Spring would join both values into one path ("a,b"), and the demo wipes its folder:
                // only --data-dir names it, so no other folder can be mistaken for the demo's.
                spec.commandLine().getErr().println(Messages.of(lang.locale()).get("demo.dataDirProperty", a));
                return PaduCommand.EXIT_USAGE;
            }
        }
        wipe(dataDir);
        Files.createDirectories(dataDir);
        List<String> args = new ArrayList<>(springArgs);
        args.add("--padu.demo=true");
        // the demo's alerts page fills soon after the start, not five minutes later
        args.add("--padu.alerts.initial-delay=PT15S");
        args.add("--padu.data-dir=" + dataDir.toAbsolutePath());
        System.err.println("padu demo: fresh data folder " + dataDir.toAbsolutePath());
        PaduApplication.start(args.toArray(String[]::new));
        return PaduCommand.KEEP_RUNNING;
    }

    static void wipe(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
