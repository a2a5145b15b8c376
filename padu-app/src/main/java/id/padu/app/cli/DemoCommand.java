package id.padu.app.cli;

import id.padu.app.PaduApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code padu demo}: {@code serve} with the built-in demo dataset loaded into a fresh data folder. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the server with the built-in demo dataset (Kotawaringin Timur, illustration)."})
public class DemoCommand implements Callable<Integer> {

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>(springArgs);
        args.add("--padu.demo=true");
        PaduApplication.start(args.toArray(String[]::new));
        return PaduCommand.KEEP_RUNNING;
    }
}
