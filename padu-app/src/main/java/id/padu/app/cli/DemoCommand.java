package id.padu.app.cli;

import id.padu.app.PaduApplication;
import id.padu.dataset.DatasetWriter;
import id.padu.demo.KotimDemo;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code padu demo}: {@code serve} with the built-in demo dataset loaded into a fresh data folder;
 * {@code padu demo --export DIR} writes that dataset as a folder instead and exits, so that
 * command-line users can start from it (no server is started then).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the server with the built-in demo dataset (Kotawaringin Timur, illustration).",
                "With --export DIR: write the demo dataset as a dataset folder and exit."})
public class DemoCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    LangOption lang;

    @Option(names = "--export", paramLabel = "DIR",
            description = "Write the demo dataset (one year of usage ending yesterday) to DIR and exit.")
    Path export;

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() {
        if (export != null) {
            Messages m = Messages.of(lang.locale());
            try {
                DatasetWriter.writeFolder(KotimDemo.dataset(LocalDate.now(ZoneId.of("Asia/Jakarta"))), export);
            } catch (IOException e) {
                spec.commandLine().getErr().println(m.get("export.failed", export, e.getMessage()));
                return PaduCommand.EXIT_BAD_INPUT;
            }
            spec.commandLine().getErr().println(m.get("export.done", export));
            return PaduCommand.EXIT_OK;
        }
        List<String> args = new ArrayList<>(springArgs);
        args.add("--padu.demo=true");
        PaduApplication.start(args.toArray(String[]::new));
        return PaduCommand.KEEP_RUNNING;
    }
}
