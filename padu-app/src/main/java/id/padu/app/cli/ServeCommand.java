package id.padu.app.cli;

import id.padu.app.PaduApplication;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code padu serve}: web UI, REST API and collectors; extra {@code --name=value} are Spring properties. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the server (web UI and REST API on port 8080).",
                "Spring properties may follow as --name=value, e.g. --server.port=9090."})
public class ServeCommand implements Callable<Integer> {

    @Unmatched
    List<String> springArgs = new java.util.ArrayList<>();

    @Override
    public Integer call() {
        PaduApplication.start(springArgs.toArray(String[]::new));
        return PaduCommand.KEEP_RUNNING;
    }
}
