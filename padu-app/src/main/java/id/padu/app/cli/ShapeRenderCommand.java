package id.padu.app.cli;

import id.padu.app.planning.PlanFiles;

import id.padu.app.gateway.ShapeMessages;
import id.padu.app.shared.AtomicFile;
import id.padu.dataset.DatasetException;
import id.padu.dataset.DatasetReader;
import id.padu.domain.Dataset;
import id.padu.plan.Plan;
import id.padu.shaping.LeafQdisc;
import id.padu.shaping.LibreQosRenderer;
import id.padu.shaping.LinuxTcRenderer;
import id.padu.shaping.RouterOsMode;
import id.padu.shaping.RouterOsRenderer;
import id.padu.shaping.ShapingException;
import id.padu.shaping.ShapingOptions;
import id.padu.shaping.ShapingPolicy;
import id.padu.shaping.ShapingWarning;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code padu shape render DIR --plan PLAN.json --target linux-tc|routeros|libreqos --out PATH}. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Render the plan's allocation as gateway configuration.",
                "linux-tc and routeros write one file, libreqos a folder (ShapedDevices.csv, network.json)."})
public class ShapeRenderCommand implements Callable<Integer> {

    @Mixin
    LangOption lang;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Dataset folder (agencies.csv gives prefixes and priorities).")
    Path dataset;

    @Option(names = "--plan", required = true, paramLabel = "PLAN.json", description = "Plan from 'padu plan DIR --format json'.")
    Path plan;

    @Option(names = "--target", required = true, paramLabel = "linux-tc|routeros|libreqos")
    String target;

    @Option(names = "--wan-if", paramLabel = "IF", description = "WAN interface (linux-tc default eth0; RouterOS default: interface list WAN).")
    String wanIf;

    @Option(names = "--ifb-if", paramLabel = "IF", description = "IFB device for the download direction (default ifb0).")
    String ifbIf;

    @Option(names = "--leaf", paramLabel = "fq_codel|cake|pfifo", description = "Queue under each class (default fq_codel).")
    String leaf;

    @Option(names = "--routeros-mode", paramLabel = "tree|simple", description = "Queue tree with mangle marks (default) or simple queues.")
    String routerOsMode;

    @Option(names = "--out", required = true, paramLabel = "PATH", description = "File (linux-tc, routeros) or folder (libreqos).")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<ShapingOptions> options = options(wanIf, ifbIf, leaf, routerOsMode, err);
        if (options.isEmpty()) {
            return PaduCommand.EXIT_USAGE;
        }
        if (!target.equals("linux-tc") && !target.equals("routeros") && !target.equals("libreqos")) {
            err.println(ShapeMessages.get(lang.locale(), "render.badOption", "--target", target));
            return PaduCommand.EXIT_USAGE;
        }
        Optional<ShapingPolicy> policy = policy(dataset, plan, options.get(), err);
        if (policy.isEmpty()) {
            return PaduCommand.EXIT_BAD_INPUT;
        }
        try {
            switch (target) {
                case "linux-tc" -> {
                    writeAtomically(out, LinuxTcRenderer.render(policy.get(), options.get()));
                    try {
                        Files.setPosixFilePermissions(out, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
                    } catch (UnsupportedOperationException e) {
                        // not a POSIX file system: the script still runs with "bash shape.sh"
                    }
                }
                case "routeros" -> writeAtomically(out, RouterOsRenderer.render(policy.get(), options.get()));
                default -> {
                    Map<String, String> files = LibreQosRenderer.render(policy.get());
                    Files.createDirectories(out);
                    for (Map.Entry<String, String> f : files.entrySet()) {
                        writeAtomically(out.resolve(f.getKey()), f.getValue());
                    }
                }
            }
        } catch (IOException e) {
            err.println(ShapeMessages.get(lang.locale(), "io.error", e.getMessage()));
            return PaduCommand.EXIT_BAD_INPUT;
        }
        err.println(ShapeMessages.get(lang.locale(), "render.done", target, out));
        return PaduCommand.EXIT_OK;
    }

    /** For {@code shape apply --plan}: the linux-tc script, or null after printing why not. */
    String renderLinuxTc(Path datasetDir, Path planFile, String wan, String ifb, String leafName, PrintWriter err) {
        Optional<ShapingOptions> options = options(wan, ifb, leafName, null, err);
        if (options.isEmpty()) {
            return null;
        }
        return policy(datasetDir, planFile, options.get(), err).map(p -> LinuxTcRenderer.render(p, options.get())).orElse(null);
    }

    private Optional<ShapingOptions> options(String wan, String ifb, String leafName, String mode, PrintWriter err) {
        ShapingOptions o = ShapingOptions.defaults();
        Locale loc = lang.locale();
        if (leafName != null) {
            Optional<LeafQdisc> l = LeafQdisc.fromCode(leafName);
            if (l.isEmpty()) {
                err.println(ShapeMessages.get(loc, "render.badOption", "--leaf", leafName));
                return Optional.empty();
            }
            o = o.withLeaf(l.get());
        }
        if (mode != null) {
            if (!mode.equals("tree") && !mode.equals("simple")) {
                err.println(ShapeMessages.get(loc, "render.badOption", "--routeros-mode", mode));
                return Optional.empty();
            }
            o = o.withRouterOsMode(mode.equals("tree") ? RouterOsMode.TREE : RouterOsMode.SIMPLE);
        }
        for (String[] name : new String[][] {{"--wan-if", wan}, {"--ifb-if", ifb}}) {
            if (name[1] != null && !ShapingOptions.INTERFACE_NAME.matcher(name[1]).matches()) {
                err.println(ShapeMessages.get(loc, "render.badOption", name[0], name[1]));
                return Optional.empty();
            }
        }
        if (wan != null) {
            o = o.withWan(wan);
        }
        if (ifb != null) {
            o = o.withIfb(ifb);
        }
        return Optional.of(o);
    }

    private Optional<ShapingPolicy> policy(Path datasetDir, Path planFile, ShapingOptions o, PrintWriter err) {
        Locale loc = lang.locale();
        Dataset ds;
        try {
            ds = DatasetReader.readFolder(datasetDir);
        } catch (DatasetException e) {
            err.println(e.describe(loc));
            return Optional.empty();
        }
        Plan p;
        try {
            p = PlanFiles.read(planFile);
        } catch (PlanFiles.PlanFileException e) {
            err.println(e.message(loc));
            return Optional.empty();
        }
        try {
            ShapingPolicy policy = ShapingPolicy.of(ds.agencies(), p, o);
            for (ShapingWarning w : policy.warnings()) {
                err.println(w.message(loc));
            }
            return Optional.of(policy);
        } catch (ShapingException e) {
            err.println(planFile + ": " + ShapingWarning.of(e.key(), e.args().toArray()).message(loc));
            return Optional.empty();
        }
    }

    /** Never a partial file ({@link AtomicFile}); the folder is made if needed. */
    static void writeAtomically(Path target, String text) throws IOException {
        Path abs = target.toAbsolutePath();
        if (abs.getParent() != null) {
            Files.createDirectories(abs.getParent());
        }
        AtomicFile.write(abs, text);
    }
}
