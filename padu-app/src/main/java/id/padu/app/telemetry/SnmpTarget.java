package id.padu.app.telemetry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    /** Reads targets.csv; every problem is reported with file, line, column and value. */
    public static List<SnmpTarget> read(Path file) throws InputException {
        List<InputProblem> problems = new ArrayList<>();
        List<SimpleCsv.Row> rows = SimpleCsv.read(file, problems);
        String name = file.getFileName().toString();
        List<SnmpTarget> out = new ArrayList<>();
        if (problems.isEmpty()) {
            try {
                List<String> header = SimpleCsv.header(file);
                for (String required : List.of("agency", "host", "interface")) {
                    if (!header.contains(required)) {
                        problems.add(new InputProblem(name, 1, required, null, "column.missing", required));
                    }
                }
            } catch (java.io.IOException e) {
                problems.add(new InputProblem(name, 0, null, null, "file.unreadable", e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        for (SimpleCsv.Row r : rows) {
            long line = r.line();
            String agency = r.get("agency");
            if (agency.isEmpty()) {
                problems.add(new InputProblem(name, line, "agency", agency, "value.required"));
            } else if (!agency.matches(id.padu.domain.Agency.CODE_PATTERN)) {
                problems.add(new InputProblem(name, line, "agency", agency, "value.badCode"));
            }
            String host = r.get("host");
            if (host.isEmpty()) {
                problems.add(new InputProblem(name, line, "host", host, "value.required"));
            }
            int port = 161;
            String portText = r.get("port");
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
            String version = r.get("version").isEmpty() ? "2c" : r.get("version").toLowerCase(Locale.ROOT);
            if (version.equals("v2c")) {
                version = "2c";
            } else if (version.equals("v3")) {
                version = "3";
            }
            if (!version.equals("2c") && !version.equals("3")) {
                problems.add(new InputProblem(name, line, "version", r.get("version"), "value.badVersion"));
            }
            String auth = r.get("auth_protocol").toUpperCase(Locale.ROOT);
            String priv = r.get("priv_protocol").toUpperCase(Locale.ROOT);
            if (version.equals("3")) {
                if (r.get("user").isEmpty()) {
                    problems.add(new InputProblem(name, line, "user", "", "value.required"));
                }
                if (!auth.isEmpty() && SnmpPoller.authProtocol(auth) == null) {
                    problems.add(new InputProblem(name, line, "auth_protocol", r.get("auth_protocol"), "value.badAuth"));
                }
                if (!priv.isEmpty() && SnmpPoller.privProtocol(priv) == null) {
                    problems.add(new InputProblem(name, line, "priv_protocol", r.get("priv_protocol"), "value.badPriv"));
                }
                if (!priv.isEmpty() && (auth.isEmpty() || r.get("auth_key").isEmpty())) {
                    problems.add(new InputProblem(name, line, "auth_protocol", r.get("auth_protocol"), "value.needsAuth"));
                }
                if (!auth.isEmpty() && r.get("auth_key").length() < 8) {
                    problems.add(new InputProblem(name, line, "auth_key", null, "value.keyTooShort"));
                }
                if (!priv.isEmpty() && r.get("priv_key").length() < 8) {
                    problems.add(new InputProblem(name, line, "priv_key", null, "value.keyTooShort"));
                }
            }
            String iface = r.get("interface");
            if (iface.isEmpty()) {
                problems.add(new InputProblem(name, line, "interface", iface, "value.required"));
            }
            String dir = r.get("wan_direction").toLowerCase(Locale.ROOT);
            boolean inIsDown = true;
            if (dir.equals("in-is-up")) {
                inIsDown = false;
            } else if (!dir.isEmpty() && !dir.equals("in-is-down")) {
                problems.add(new InputProblem(name, line, "wan_direction", r.get("wan_direction"), "value.badDirection"));
            }
            String community = r.get("community").isEmpty() && version.equals("2c") ? "public" : r.get("community");
            out.add(new SnmpTarget(agency, host, port, version, community, r.get("user"), auth,
                    r.get("auth_key"), priv, r.get("priv_key"), iface, inIsDown));
        }
        if (out.isEmpty() && problems.isEmpty()) {
            problems.add(new InputProblem(name, 0, null, null, "noTargets"));
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return out;
    }
}
