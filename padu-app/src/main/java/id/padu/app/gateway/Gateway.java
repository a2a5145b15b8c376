package id.padu.app.gateway;

import id.padu.app.shared.Json;

import id.padu.shaping.TcClass;
import id.padu.shaping.TcClassText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The Linux gateway as seen through iproute2: qdisc snapshots, class read-back, running scripts. */
public final class Gateway {


    private Gateway() {
    }

    public static boolean linkExists(String dev) throws IOException {
        return Commands.run(List.of("ip", "link", "show", "dev", dev)).ok();
    }

    /**
     * The qdiscs of a device in a comparable form, one {@code kind handle parent} line each
     * (statistics and the kernel's reference counts left out); empty when the device does not exist.
     */
    public static List<String> qdiscs(String dev) throws IOException {
        Commands.Result r = Commands.run(List.of("tc", "qdisc", "show", "dev", dev));
        return r.ok() ? normalizeQdiscs(r.stdout()) : new ArrayList<>();
    }

    /** {@code tc qdisc show} text to {@code kind handle [root|ingress] [parent P]} lines. */
    public static List<String> normalizeQdiscs(String tcOutput) {
        List<String> out = new ArrayList<>();
        for (String line : tcOutput.split("\n")) {
            String[] t = line.trim().split("\\s+");
            if (t.length < 3 || !t[0].equals("qdisc")) {
                continue;
            }
            StringBuilder b = new StringBuilder(t[1]).append(' ').append(t[2]);
            for (int i = 3; i < t.length; i++) {
                if (t[i].equals("root") || t[i].equals("ingress")) {
                    b.append(' ').append(t[i]);
                } else if (t[i].equals("parent") && i + 1 < t.length) {
                    b.append(" parent ").append(t[++i]);
                }
            }
            out.add(b.toString());
        }
        return out;
    }

    /** Whether a device carries only what the kernel puts there by itself (root handle 0:, no ingress). */
    public static boolean hasDefaultQdiscs(List<String> qdiscs) {
        for (String q : qdiscs) {
            String[] t = q.split(" ");
            if (q.endsWith(" root") && !t[1].equals("0:")) {
                return false;
            }
            if (t[0].equals("ingress") || t[0].equals("clsact")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Classes with their counters: {@code tc -s -j class show}; iproute2 versions that answer
     * classes in text despite {@code -j} (6.1 does) are read as text.
     */
    public static List<TcClass> classes(String dev) throws IOException {
        Commands.Result r = Commands.run(List.of("tc", "-s", "-j", "class", "show", "dev", dev));
        if (!r.ok()) {
            throw new IOException("tc class show dev " + dev + ": " + r.stderr().trim());
        }
        return parseClasses(r.stdout());
    }

    /** JSON (iproute2 print conventions: rates in bytes per second) or tc's text. */
    public static List<TcClass> parseClasses(String output) {
        String s = output.trim();
        if (!s.startsWith("[")) {
            return TcClassText.parse(output);
        }
        List<TcClass> out = new ArrayList<>();
        JsonNode root = Json.MAPPER.readTree(s);
        for (JsonNode c : root) {
            JsonNode stats = c.has("stats") ? c.get("stats") : c;
            JsonNode opts = c.has("options") ? c.get("options") : c;
            out.add(new TcClass(text(c, "class"), text(c, "handle"), c.has("root") && c.get("root").asBoolean() ? "root" : text(c, "parent"),
                    opts.has("prio") ? opts.get("prio").asInt() : -1,
                    opts.has("rate") ? opts.get("rate").asLong() * 8 : 0,
                    opts.has("ceil") ? opts.get("ceil").asLong() * 8 : 0,
                    stats.has("bytes") ? stats.get("bytes").asLong() : 0,
                    stats.has("packets") ? stats.get("packets").asLong() : 0));
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        return n.has(field) ? n.get(field).asString() : null;
    }

    /** Runs a shell script with bash; returns its exit code and output. */
    static Commands.Result runScript(Path script) throws IOException {
        return Commands.run(List.of("bash", script.toString()));
    }

    static boolean isRoot() throws IOException {
        Commands.Result r = Commands.run(List.of("id", "-u"));
        return r.ok() && r.stdout().trim().equals("0");
    }
}
