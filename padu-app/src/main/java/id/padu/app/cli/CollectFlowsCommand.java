package id.padu.app.cli;

import id.padu.app.collection.AgenciesFile;
import id.padu.app.collection.FlowCollector;
import id.padu.dataset.DatasetException;
import id.padu.app.collection.TelemetryText;
import id.padu.app.collection.UsageCsv;
import id.padu.domain.Agency;
import id.padu.telemetry.flow.AgencyPrefixes;
import id.padu.telemetry.flow.ExportLoss;
import id.padu.telemetry.flow.FlowCounters;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code padu collect flows}: receive NetFlow v5/v9/IPFIX for a while, attribute flows to
 * agencies by their prefixes, and write each agency's average rates per step.
 */
@Command(name = "flows", mixinStandardHelpOptions = true,
        description = {"Collect NetFlow v5/v9/IPFIX and write per-agency usage (dataset usage format).",
                "Mengumpulkan NetFlow v5/v9/IPFIX dan menulis pemakaian per OPD (format usage dataset)."})
public class CollectFlowsCommand implements Callable<Integer> {

    @Option(names = "--listen", required = true, paramLabel = "HOST:PORT", description = "Address to receive on, e.g. 0.0.0.0:2055.")
    String listen;

    @Option(names = "--agencies", required = true, paramLabel = "agencies.csv",
            description = "Agencies with their prefixes: an agencies.csv, or a dataset folder.")
    Path agencies;

    @Option(names = "--step", defaultValue = "60s", converter = DurationOption.class, description = "Step of the usage rows (default 60s).")
    Duration step;

    @Option(names = "--duration", required = true, converter = DurationOption.class, description = "How long to collect, e.g. 7d.")
    Duration duration;

    @Option(names = "--out", required = true, paramLabel = "usage.csv", description = "Usage file to write.")
    Path out;

    @Option(names = "--threads", defaultValue = "0", description = "Receive threads (default: one per core, at most 4).")
    int threads;

    @Option(names = "--receive-buffer", defaultValue = "33554432", description = "Socket receive buffer per thread in bytes (default 32 MiB).")
    int receiveBuffer;

    @Mixin
    LangOption lang;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TelemetryText text = new TelemetryText(lang.locale());
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        InetSocketAddress address = parseListen(listen);
        if (address == null) {
            stderr.println(text.get("badListen"));
            return PaduCommand.EXIT_USAGE;
        }
        if (step.toSeconds() < 1 || step.toMillis() % 1000 != 0) {
            stderr.println(text.get("badDuration", step));
            return PaduCommand.EXIT_USAGE;
        }
        List<Agency> list;
        try {
            list = AgenciesFile.read(agencies);
        } catch (DatasetException e) {
            stderr.println(e.describe(lang.locale()));
            return PaduCommand.EXIT_BAD_INPUT;
        }
        List<Agency> withPrefixes = list.stream().filter(a -> !a.prefixes().isEmpty()).toList();
        if (withPrefixes.isEmpty()) {
            stderr.println(agencies + ": " + text.get("noAgencies"));
            return PaduCommand.EXIT_BAD_INPUT;
        }
        AgencyPrefixes prefixes = AgencyPrefixes.of(withPrefixes);
        int n = threads > 0 ? threads : Math.min(4, Runtime.getRuntime().availableProcessors());
        int stepSeconds = (int) step.toSeconds();
        // A record whose end time is more than one step (at least 10 min) from its arrival is
        // put at its arrival: exporters with a wrong clock must not scatter a run over the years.
        long skew = Math.max(600_000L, step.toMillis());
        FlowCollector collector = new FlowCollector(address, n, receiveBuffer, prefixes, stepSeconds, skew);
        try (RunUntil until = new RunUntil()) {
            collector.start();
            try {
                stdout.println(text.get("listening", collector.localAddress().getAddress().getHostAddress() + ":"
                        + collector.localAddress().getPort(), collector.receiveThreads(), collector.actualReceiveBuffer()));
                stdout.flush();
                if (collector.actualReceiveBuffer() < receiveBuffer / 2) {
                    stderr.println(text.get("rcvbuf.small", collector.actualReceiveBuffer(), receiveBuffer));
                }
                until.await(duration);
            } finally {
                collector.close();
            }
            Map<Long, long[]> steps = collector.stepBytes();
            List<UsageCsv.Row> rows = new ArrayList<>();
            // Steps in which no flow at all ended are left out. In a step that has flows, an agency
            // with prefixes but no traffic measured zero: the collector saw everything the exporters sent.
            for (Map.Entry<Long, long[]> e : steps.entrySet()) {
                long[] bytes = e.getValue();
                for (int i = 0; i < prefixes.agencyCount(); i++) {
                    rows.add(new UsageCsv.Row(prefixes.agencyCode(i), e.getKey() / 1000,
                            Math.round(bytes[2 * i] * 8.0 / stepSeconds), Math.round(bytes[2 * i + 1] * 8.0 / stepSeconds)));
                }
            }
            UsageCsv.write(out, rows);
            for (String agency : UsageCsv.singleRowsOffTheDefaultGrid(rows)) {
                stderr.println(text.get("oneRow", agency));
            }
            FlowCounters c = collector.counters();
            stdout.println(text.get("counters", c.packets(), c.records(), c.optionRecords(), c.setsWithoutTemplate(),
                    c.bytesWithoutTemplate(), c.decodeErrors(), c.sequenceGaps(), collector.unattributedBytes(),
                    collector.attributedBytes()));
            for (ExportLoss l : collector.losses()) {
                stdout.println(text.get("loss", l.exporter(), Long.toString(l.domain()), l.version(), l.gaps(), l.lost(),
                        text.get("unit." + l.lostUnit()), l.reordered(), l.resets()));
            }
            stdout.println(text.get("written", rows.size(), out));
            stdout.flush();
            return PaduCommand.EXIT_OK;
        }
    }

    static InetSocketAddress parseListen(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            return null;
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            if (port < 0 || port > 65535) {
                return null;
            }
            // Literal addresses only: no name lookups for a listen address.
            if (!host.matches("[0-9.]+") && !host.contains(":")) {
                if (!host.equals("localhost")) {
                    return null;
                }
                host = "127.0.0.1";
            }
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (Exception e) {
            return null;
        }
    }
}
