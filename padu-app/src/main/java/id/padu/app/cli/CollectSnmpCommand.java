package id.padu.app.cli;

import id.padu.app.collection.InputException;
import id.padu.app.collection.SnmpPoller;
import id.padu.app.collection.SnmpTarget;
import id.padu.app.collection.TelemetryText;
import id.padu.app.collection.UsageCsv;
import id.padu.telemetry.snmp.StepRates;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code padu collect snmp}: poll each agency's WAN interface counters for a while and write
 * its average rates per step.
 */
@Command(name = "snmp", mixinStandardHelpOptions = true,
        description = {"Poll SNMP interface counters and write per-agency usage (dataset usage format).",
                "Memantau counter antarmuka SNMP dan menulis pemakaian per OPD (format usage dataset)."})
public class CollectSnmpCommand implements Callable<Integer> {

    @Option(names = "--targets", required = true, paramLabel = "targets.csv", description = "Devices and interfaces to poll.")
    Path targets;

    @Option(names = "--interval", defaultValue = "60s", converter = DurationOption.class, description = "Poll interval (default 60s).")
    Duration interval;

    @Option(names = "--step", defaultValue = "60s", converter = DurationOption.class, description = "Step of the usage rows (default 60s).")
    Duration step;

    @Option(names = "--duration", required = true, converter = DurationOption.class, description = "How long to poll, e.g. 7d.")
    Duration duration;

    @Option(names = "--out", required = true, paramLabel = "usage.csv", description = "Usage file to write.")
    Path out;

    @Option(names = "--timeout", converter = DurationOption.class, description = "Answer timeout per try (default: interval/3, at most 5s).")
    Duration timeout;

    @Mixin
    LangOption lang;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TelemetryText text = new TelemetryText(lang.locale());
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (step.toSeconds() < 1 || step.toMillis() % 1000 != 0) {
            stderr.println(text.get("badDuration", step));
            return PaduCommand.EXIT_USAGE;
        }
        List<SnmpTarget> list;
        try {
            list = SnmpTarget.read(targets);
        } catch (InputException e) {
            stderr.println(e.describe(text));
            return PaduCommand.EXIT_BAD_INPUT;
        }
        long timeoutMillis = timeout != null ? timeout.toMillis()
                : Math.max(200, Math.min(5_000, interval.toMillis() / 3));
        // One retry; two tries together stay within one interval so that polls do not pile up.
        SnmpPoller poller = new SnmpPoller(list, interval.toMillis(), (int) step.toSeconds(), timeoutMillis, 1);
        stderr.println(text.get("snmp.started", list.size(), interval.toSeconds(), duration.toSeconds()));
        try (RunUntil until = new RunUntil()) {
            poller.start();
            try {
                until.await(duration);
            } finally {
                poller.close();
            }
            List<UsageCsv.Row> rows = rows(poller.results());
            UsageCsv.write(out, rows);
            for (String agency : UsageCsv.singleRowsOffTheDefaultGrid(rows)) {
                stderr.println(text.get("oneRow", agency));
            }
            for (SnmpPoller.Status s : poller.status()) {
                SnmpTarget t = s.target();
                if (s.interfaceNotFound()) {
                    stderr.println(text.get("snmp.ifNotFound", t.agency(), t.iface(), t.host() + ":" + t.port()));
                }
                long measured = poller.results().stream().filter(r -> r.target() == t).mapToLong(r -> r.steps().size()).sum();
                stdout.println(text.get("snmp.summary", t.agency(), t.host(), Integer.toString(t.port()),
                        Integer.toString(s.ifIndex()), s.goodPolls(), s.timeouts(), s.resets(), s.wraps(), measured,
                        s.lastError() == null ? "" : text.get("snmp.error", s.lastError())));
            }
            stdout.println(text.get("written", rows.size(), out));
            stdout.flush();
            return PaduCommand.EXIT_OK;
        }
    }

    /**
     * One row per agency and step. An agency with several interfaces (two ISPs) gets the sum,
     * and only for steps that every one of its interfaces measured: a partial sum would
     * understate its use.
     */
    static List<UsageCsv.Row> rows(List<SnmpPoller.TargetResult> results) {
        Map<String, List<SnmpPoller.TargetResult>> byAgency = new LinkedHashMap<>();
        for (SnmpPoller.TargetResult r : results) {
            byAgency.computeIfAbsent(r.target().agency(), k -> new ArrayList<>()).add(r);
        }
        List<UsageCsv.Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<SnmpPoller.TargetResult>> e : byAgency.entrySet()) {
            Map<Long, long[]> sums = new TreeMap<>(); // step -> {down, up, interfaces}
            for (SnmpPoller.TargetResult r : e.getValue()) {
                for (StepRates.Step s : r.steps()) {
                    long[] acc = sums.computeIfAbsent(s.startEpochSecond(), k -> new long[3]);
                    boolean inIsDown = r.target().inIsDown();
                    acc[0] += inIsDown ? s.inBps() : s.outBps();
                    acc[1] += inIsDown ? s.outBps() : s.inBps();
                    acc[2]++;
                }
            }
            int interfaces = e.getValue().size();
            for (Map.Entry<Long, long[]> s : sums.entrySet()) {
                if (s.getValue()[2] == interfaces) {
                    rows.add(new UsageCsv.Row(e.getKey(), s.getKey(), s.getValue()[0], s.getValue()[1]));
                }
            }
        }
        return rows;
    }
}
