package id.padu.shaping;

import id.padu.domain.IpPrefix;
import id.padu.shaping.ShapingPolicy.ShapedAgency;
import id.padu.shaping.ShapingPolicy.ShapedClass;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders LibreQoS input: {@code network.json} with one node for the central uplink, and
 * {@code ShapedDevices.csv} with one circuit (and one device) per central agency under it.
 *
 * <p>Rates are whole Mbps, which every LibreQoS version since 1.2 reads (1.5 and later also
 * read decimals). LibreQoS 1.2-1.4 reject a minimum below 1 Mbps and a maximum below
 * 3 Mbps, so smaller values are raised to those and a warning comment names the agency. CIR
 * and MIR are otherwise rounded down, never promising more than the plan. LibreQoS has no
 * priorities between circuits: CAKE shares fairly within each circuit, and min/max bound it.
 */
public final class LibreQosRenderer {

    public static final String SHAPED_DEVICES = "ShapedDevices.csv";
    public static final String NETWORK_JSON = "network.json";
    /** The header LibreQoS expects, in its order. */
    public static final String HEADER = "Circuit ID,Circuit Name,Device ID,Device Name,Parent Node,MAC,IPv4,IPv6,"
            + "Download Min Mbps,Upload Min Mbps,Download Max Mbps,Upload Max Mbps,Comment";
    public static final String NODE = "Padu-Uplink";
    static final long MIN_MIN_MBPS = 1;
    static final long MIN_MAX_MBPS = 3;

    private LibreQosRenderer() {
    }

    /** File name to content, in a stable order. */
    public static Map<String, String> render(ShapingPolicy policy) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(NETWORK_JSON, network(policy));
        files.put(SHAPED_DEVICES, devices(policy));
        return files;
    }

    private static String network(ShapingPolicy policy) {
        long down = Math.max(1, policy.down().capacityBps() / 1_000_000);
        long up = Math.max(1, policy.up().capacityBps() / 1_000_000);
        return "{\n"
                + "  \"" + NODE + "\": {\n"
                + "    \"downloadBandwidthMbps\": " + down + ",\n"
                + "    \"uploadBandwidthMbps\": " + up + ",\n"
                + "    \"type\": \"Site\",\n"
                + "    \"children\": {}\n"
                + "  }\n"
                + "}\n";
    }

    private static String devices(ShapingPolicy policy) {
        StringBuilder s = new StringBuilder();
        s.append(HEADER).append("\r\n");
        List<ShapedAgency> agencies = policy.agencies();
        for (int i = 0; i < agencies.size(); i++) {
            ShapedAgency a = agencies.get(i);
            if (a.prefixes().isEmpty()) {
                continue; // nothing to match: LibreQoS needs an address per device
            }
            ShapedClass d = policy.down().classes().get(i);
            ShapedClass u = policy.up().classes().get(i);
            long dMin = Math.max(MIN_MIN_MBPS, d.cirBps() / 1_000_000);
            long uMin = Math.max(MIN_MIN_MBPS, u.cirBps() / 1_000_000);
            long dMax = Math.max(Math.max(MIN_MAX_MBPS, dMin), d.ceilBps() / 1_000_000);
            long uMax = Math.max(Math.max(MIN_MAX_MBPS, uMin), u.ceilBps() / 1_000_000);
            List<String> notes = new ArrayList<>();
            notes.add("padu " + a.priority().code());
            if (dMin * 1_000_000 > d.cirBps() || uMin * 1_000_000 > u.cirBps()) {
                notes.add("min raised to " + MIN_MIN_MBPS + " Mbps");
            }
            if (dMax * 1_000_000 > d.ceilBps() || uMax * 1_000_000 > u.ceilBps()) {
                notes.add("max raised to LibreQoS minimum");
            }
            List<String> row = List.of(a.code(), a.name(), a.code(), a.code(), NODE, "",
                    prefixes(a, false), prefixes(a, true),
                    Long.toString(dMin), Long.toString(uMin), Long.toString(dMax), Long.toString(uMax),
                    String.join("; ", notes));
            s.append(row.stream().map(LibreQosRenderer::csv).collect(Collectors.joining(","))).append("\r\n");
        }
        return s.toString();
    }

    /** Several addresses of one device go into one cell, comma separated (quoted). */
    private static String prefixes(ShapedAgency a, boolean v6) {
        return a.prefixes().stream().filter(p -> p.isIpv6() == v6).map(IpPrefix::toString).collect(Collectors.joining(", "));
    }

    static String csv(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
