package id.padu.app.collection;

import id.padu.dataset.CsvTable;
import id.padu.dataset.DatasetError;
import id.padu.dataset.DatasetException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One agency WAN interface to poll (a row of targets.csv).
 *
 * @param iface        ifIndex (digits), or an ifName / ifDescr to look up
 * @param inIsDown     true when the interface's "in" is the agency's download ({@code in-is-down})
 */
public record SnmpTarget(String agency, String host, int port, String version, String community, String user,
                         String authProtocol, String authKey, String privProtocol, String privKey, String iface,
                         boolean inIsDown) {

    public static final List<String> COLUMNS = List.of("agency", "host", "port", "version", "community", "user",
            "auth_protocol", "auth_key", "priv_protocol", "priv_key", "interface", "wan_direction");

    /** Never show secrets back (logs, status pages). */
    @Override
    public String toString() {
        return agency + " " + host + ":" + port + " v" + version + " " + iface;
    }

    /** A target and the line of targets.csv it came from. */
    public record Line(long line, SnmpTarget target) {
    }

    /** Reads targets.csv; every problem is reported with file, line, column and value. */
    public static List<SnmpTarget> read(Path file) throws InputException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new InputException(List.of(new InputProblem(file.toString(), 0, null, null, "file.missing")));
        }
        try (InputStream in = Files.newInputStream(file)) {
            return targets(name, in).stream().map(Line::target).toList();
        } catch (IOException e) {
            throw new InputException(List.of(new InputProblem(name, 0, null, null, "file.unreadable", e.getMessage())));
        }
    }

    /**
     * Reads an uploaded targets.csv from memory (its secrets never touch the disk), with the line
     * of each target for further checks; problems name {@code name}.
     */
    public static List<Line> read(String name, byte[] content) throws InputException {
        try {
            return targets(name, new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a byte array does not fail
        }
    }

    /** Header names are case-insensitive; {@code ,} or Excel's {@code ;} separate the cells. */
    private static List<Line> targets(String name, InputStream in) throws IOException, InputException {
        CsvTable.Records table;
        try {
            table = CsvTable.readAll(name, in);
        } catch (DatasetException e) {
            DatasetError d = e.errors().get(0);
            // An open quote keeps the telemetry bundle's words; other CSV problems the dataset reader's.
            String key = d.key().equals("csv.unterminatedQuote") ? "value.badQuote" : d.key();
            throw new InputException(List.of(new InputProblem(d.file(), d.line(), null, null, key, d.args().toArray())));
        }
        if (table.header().isEmpty()) {
            throw new InputException(List.of(new InputProblem(name, 0, null, null, "column.missing", "header")));
        }
        List<String> header = table.header().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        List<InputProblem> problems = new ArrayList<>();
        for (String required : List.of("agency", "host", "interface")) {
            if (!header.contains(required)) {
                problems.add(new InputProblem(name, 1, required, null, "column.missing", required));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        List<Line> out = new ArrayList<>();
        for (CsvTable.Record r : table.rows()) {
            Map<String, String> cells = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                cells.put(header.get(i), r.cell(i));
            }
            out.add(new Line(r.line(), fromRow(c -> cells.getOrDefault(c, ""), name, r.line(), problems)));
        }
        if (out.isEmpty() && problems.isEmpty()) {
            problems.add(new InputProblem(name, 0, null, null, "noTargets"));
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return out;
    }

    /**
     * One target from its columns ({@link #COLUMNS}; absent ones give ""), as targets.csv and the
     * server's API and pages take it; problems are added to {@code problems} with file and line.
     */
    public static SnmpTarget fromRow(java.util.function.Function<String, String> row, String name, long line,
                                     List<InputProblem> problems) {
        return fromRow(row, name, line, problems, true);
    }

    /**
     * As {@link #fromRow(java.util.function.Function, String, long, List)}; {@code forAgency} false
     * for a central uplink's target, which has no agency (the server's uplink targets).
     */
    static SnmpTarget fromRow(java.util.function.Function<String, String> row, String name, long line,
                              List<InputProblem> problems, boolean forAgency) {
        String agency = row.apply("agency");
        // An uplink's target names its provider instead, which the caller checks.
        if (forAgency && agency.isEmpty()) {
            problems.add(new InputProblem(name, line, "agency", agency, "value.required"));
        } else if (forAgency && !agency.matches(id.padu.domain.Agency.CODE_PATTERN)) {
            problems.add(new InputProblem(name, line, "agency", agency, "value.badCode"));
        }
        String host = row.apply("host");
        if (host.isEmpty()) {
            problems.add(new InputProblem(name, line, "host", host, "value.required"));
        }
        int port = 161;
        String portText = row.apply("port");
        if (!portText.isEmpty()) {
            try {
                port = Integer.parseInt(portText);
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                problems.add(new InputProblem(name, line, "port", portText, "value.badPort"));
            }
        }
        String version = row.apply("version").isEmpty() ? "2c" : row.apply("version").toLowerCase(Locale.ROOT);
        if (version.equals("v2c")) {
            version = "2c";
        } else if (version.equals("v3")) {
            version = "3";
        }
        if (!version.equals("2c") && !version.equals("3")) {
            problems.add(new InputProblem(name, line, "version", row.apply("version"), "value.badVersion"));
        }
        String auth = row.apply("auth_protocol").toUpperCase(Locale.ROOT);
        String priv = row.apply("priv_protocol").toUpperCase(Locale.ROOT);
        if (version.equals("3")) {
            if (row.apply("user").isEmpty()) {
                problems.add(new InputProblem(name, line, "user", "", "value.required"));
            }
            if (!auth.isEmpty() && SnmpPoller.authProtocol(auth) == null) {
                problems.add(new InputProblem(name, line, "auth_protocol", row.apply("auth_protocol"), "value.badAuth"));
            }
            if (!priv.isEmpty() && SnmpPoller.privProtocol(priv) == null) {
                problems.add(new InputProblem(name, line, "priv_protocol", row.apply("priv_protocol"), "value.badPriv"));
            }
            if (!priv.isEmpty() && (auth.isEmpty() || row.apply("auth_key").isEmpty())) {
                problems.add(new InputProblem(name, line, "auth_protocol", row.apply("auth_protocol"), "value.needsAuth"));
            }
            if (!auth.isEmpty() && row.apply("auth_key").length() < 8) {
                problems.add(new InputProblem(name, line, "auth_key", null, "value.keyTooShort"));
            }
            if (!priv.isEmpty() && row.apply("priv_key").length() < 8) {
                problems.add(new InputProblem(name, line, "priv_key", null, "value.keyTooShort"));
            }
        }
        String iface = row.apply("interface");
        if (iface.isEmpty()) {
            problems.add(new InputProblem(name, line, "interface", iface, "value.required"));
        }
        String dir = row.apply("wan_direction").toLowerCase(Locale.ROOT);
        boolean inIsDown = true;
        if (dir.equals("in-is-up")) {
            inIsDown = false;
        } else if (!dir.isEmpty() && !dir.equals("in-is-down")) {
            problems.add(new InputProblem(name, line, "wan_direction", row.apply("wan_direction"), "value.badDirection"));
        }
        String community = row.apply("community").isEmpty() && version.equals("2c") ? "public" : row.apply("community");
        return new SnmpTarget(agency, host, port, version, community, row.apply("user"), auth,
                row.apply("auth_key"), priv, row.apply("priv_key"), iface, inIsDown);
    }
}
