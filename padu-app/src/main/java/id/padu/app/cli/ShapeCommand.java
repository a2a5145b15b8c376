package id.padu.app.cli;

import id.padu.app.gateway.CommitConfirmed;
import id.padu.app.gateway.CounterSampler;
import id.padu.app.gateway.CommandTimeoutException;
import id.padu.app.gateway.ShapeException;
import id.padu.app.gateway.ShapeMessages;
import id.padu.app.shared.DurationText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code padu shape ...}: render the plan for a gateway, apply it safely, read its counters. */
@Command(name = "shape", mixinStandardHelpOptions = true,
        description = {"Enforce the plan's allocation on the central gateway (linux-tc, RouterOS, LibreQoS).",
                "Terapkan alokasi rencana di gateway pusat."},
        subcommands = {ShapeRenderCommand.class, ShapeCommand.Apply.class, ShapeCommand.Confirm.class,
                ShapeCommand.Rollback.class, ShapeCommand.Counters.class})
public class ShapeCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand / subperintah belum diberikan");
    }

    abstract static class StateCommand implements Callable<Integer> {
        @Mixin
        LangOption lang;

        @Option(names = "--state-dir", paramLabel = "DIR", description = "Where apply keeps its state (default /var/lib/padu/shape).")
        Path stateDir = CommitConfirmed.DEFAULT_STATE_DIR;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        int fail(ShapeException e) {
            err().println(ShapeMessages.format(lang.locale(), e.key(), e.args()));
            return PaduCommand.EXIT_BAD_INPUT;
        }

        int fail(IOException e) {
            if (e instanceof CommandTimeoutException t) {
                err().println(ShapeMessages.format(lang.locale(), t.key(), t.args()));
                return PaduCommand.EXIT_BAD_INPUT;
            }
            err().println(ShapeMessages.get(lang.locale(), "io.error", e.getMessage()));
            return PaduCommand.EXIT_BAD_INPUT;
        }
    }

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = {"Apply a rendered linux-tc script (root), check it, and roll back unless confirmed in time.",
                    "Or render and apply in one step: padu shape apply --plan PLAN.json DIR [render options]."})
    static class Apply extends StateCommand {

        @Parameters(index = "0", arity = "0..1", paramLabel = "SCRIPT|DIR", description = "A script from 'padu shape render --target linux-tc', or the dataset folder with --plan.")
        Path input;

        @Option(names = "--plan", paramLabel = "PLAN.json", description = "Render from this plan (and the dataset folder DIR) instead of a script.")
        Path plan;

        @Option(names = "--wan-if", paramLabel = "IF") String wanIf;
        @Option(names = "--ifb-if", paramLabel = "IF") String ifbIf;
        @Option(names = "--leaf", paramLabel = "fq_codel|cake|pfifo") String leaf;

        @Option(names = "--confirm-timeout", paramLabel = "DURATION", defaultValue = "120s",
                description = "Roll back unless 'padu shape confirm' comes within this time (default 120s).")
        String confirmTimeout;

        @Option(names = "--force", description = "Replace shaping that Padu did not make (rollback then restores the kernel's defaults).")
        boolean force;

        @Override
        public Integer call() {
            Duration timeout;
            Optional<Duration> parsedTimeout = DurationText.parse(confirmTimeout);
            if (parsedTimeout.isEmpty()) {
                err().println(ShapeMessages.get(lang.locale(), "render.badOption", "--confirm-timeout", confirmTimeout));
                return PaduCommand.EXIT_USAGE;
            }
            timeout = parsedTimeout.get();
            if (input == null) {
                err().println(ShapeMessages.get(lang.locale(), "render.badOption", "SCRIPT", "-"));
                return PaduCommand.EXIT_USAGE;
            }
            try {
                String script;
                if (plan != null) {
                    ShapeRenderCommand render = new ShapeRenderCommand();
                    render.lang = lang;
                    script = render.renderLinuxTc(input, plan, wanIf, ifbIf, leaf, err());
                    if (script == null) {
                        return PaduCommand.EXIT_BAD_INPUT;
                    }
                } else {
                    script = Files.readString(input, StandardCharsets.UTF_8);
                }
                CommitConfirmed.Applied a = new CommitConfirmed(stateDir).apply(script, timeout, force);
                a.scriptWarnings().forEach(err()::println); // e.g. the leaf fallback, missing ethtool
                out().println(ShapeMessages.get(lang.locale(), "apply.done", a.wan(), a.ifb(), a.classes(), a.timeout().toSeconds()));
                return PaduCommand.EXIT_OK;
            } catch (ShapeException e) {
                return fail(e);
            } catch (IOException e) {
                return fail(e);
            }
        }
    }

    @Command(name = "confirm", mixinStandardHelpOptions = true, description = "Keep the shaping applied last (stops the rollback timer).")
    static class Confirm extends StateCommand {
        @Override
        public Integer call() {
            try {
                new CommitConfirmed(stateDir).confirm();
                out().println(ShapeMessages.get(lang.locale(), "confirm.done"));
                return PaduCommand.EXIT_OK;
            } catch (ShapeException e) {
                return fail(e);
            } catch (IOException e) {
                return fail(e);
            }
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true, description = "Restore the state before the last apply.")
    static class Rollback extends StateCommand {
        @Override
        public Integer call() {
            try {
                new CommitConfirmed(stateDir).rollback();
                out().println(ShapeMessages.get(lang.locale(), "rollback.done"));
                return PaduCommand.EXIT_OK;
            } catch (ShapeException e) {
                return fail(e);
            } catch (IOException e) {
                return fail(e);
            }
        }
    }

    @Command(name = "counters", mixinStandardHelpOptions = true,
            description = {"Read per-class byte counters from the gateway and write usage rows (usage.csv format) per agency.",
                    "Readings are taken at step boundaries (multiples of --step since the epoch)."})
    static class Counters extends StateCommand {

        @Option(names = "--script", paramLabel = "FILE", description = "The applied linux-tc script (default: the one in force in --state-dir).")
        Path script;

        @Option(names = "--dev", paramLabel = "IF", description = "WAN interface (upload classes); default from the script.")
        String dev;

        @Option(names = "--ifb-dev", paramLabel = "IF", description = "IFB interface (download classes); default from the script.")
        String ifbDev;

        @Option(names = "--step", paramLabel = "DURATION", defaultValue = "300s", description = "Step of the usage rows (default 300s).")
        String step;

        @Option(names = "--count", paramLabel = "N", defaultValue = "1", description = "How many steps to measure (default 1).")
        int count;

        @Option(names = "--no-header", description = "Leave out the CSV header (to append to a usage file).")
        boolean noHeader;

        @Override
        public Integer call() {
            Duration stepDuration;
            Optional<Duration> parsedStepDuration = DurationText.parse(step);
            if (parsedStepDuration.isEmpty()) {
                err().println(ShapeMessages.get(lang.locale(), "render.badOption", "--step", step));
                return PaduCommand.EXIT_USAGE;
            }
            stepDuration = parsedStepDuration.get();
            if (count < 1) {
                err().println(ShapeMessages.get(lang.locale(), "render.badOption", "--count", count));
                return PaduCommand.EXIT_USAGE;
            }
            try {
                String text;
                if (script != null) {
                    text = Files.readString(script, StandardCharsets.UTF_8);
                } else {
                    var current = new CommitConfirmed(stateDir).currentScript();
                    if (current.isEmpty()) {
                        err().println(ShapeMessages.get(lang.locale(), "counters.noScript", stateDir));
                        return PaduCommand.EXIT_BAD_INPUT;
                    }
                    text = current.get();
                }
                CounterSampler sampler = new CounterSampler(text, dev, ifbDev);
                if (!noHeader) {
                    out().println(id.padu.dataset.UsageCsvWriter.HEADER);
                    out().flush();
                }
                sampler.sample(stepDuration, count, line -> {
                    out().println(line);
                    out().flush();
                });
                return PaduCommand.EXIT_OK;
            } catch (IOException e) {
                return fail(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return PaduCommand.EXIT_BAD_INPUT;
            }
        }
    }
}
