package id.padu.shaping;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.domain.IpPrefix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks the renderings against the vendors' documented syntax and columns, independently of
 * the golden files: RouterOS v7 (help.mikrotik.com, Queues / Mangle / Address lists) and
 * LibreQoS (ShapedDevices.example.csv, network.example.json).
 */
class VendorSyntaxTest {

    private static ShapingPolicy policy() throws ShapingException {
        return ShapingPolicy.of(ShapingFixtures.agencies(), ShapingFixtures.plan(), ShapingOptions.defaults());
    }

    /** RouterOS {@code add a=b c="d e"} arguments. */
    private static Map<String, String> args(String line) {
        Map<String, String> m = new LinkedHashMap<>();
        Matcher x = Pattern.compile("([a-z-]+)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)").matcher(line);
        while (x.find()) {
            m.put(x.group(1), x.group(2));
        }
        return m;
    }

    /** RouterOS rates: a number with an optional k/M/G suffix, in bits per second. */
    private static long bps(String rate) {
        Matcher m = Pattern.compile("(\\d+)([kMG]?)").matcher(rate);
        assertThat(m.matches()).as("RouterOS rate %s", rate).isTrue();
        long v = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "k" -> v * 1_000;
            case "M" -> v * 1_000_000;
            case "G" -> v * 1_000_000_000;
            default -> v;
        };
    }

    @Test
    void routerOsQueueTreeFollowsTheDocumentedSyntaxAndLimits() throws Exception {
        String rsc = RouterOsRenderer.render(policy(), ShapingOptions.defaults());
        String menu = null;
        Map<String, Long> parentMax = new HashMap<>();
        Map<String, Long> childLimitSum = new HashMap<>();
        List<String> packetMarksQueued = new ArrayList<>();
        List<String> packetMarksSet = new ArrayList<>();
        for (String line : rsc.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (line.startsWith("/")) {
                menu = line;
                assertThat(menu).isIn("/queue tree", "/queue simple", "/queue type", "/ip firewall filter", "/ipv6 firewall filter",
                        "/ip firewall mangle", "/ipv6 firewall mangle", "/ip firewall address-list", "/ipv6 firewall address-list");
                continue;
            }
            assertThat(line).as("command under %s", menu).matches("(add |remove \\[find |:if \\(\\[:len \\[find ).*");
            if (!line.startsWith("add ")) {
                continue;
            }
            Map<String, String> a = args(line);
            switch (menu) {
                case "/queue tree" -> {
                    if (a.get("parent").equals("global")) {
                        parentMax.put(a.get("name"), bps(a.get("max-limit")));
                    } else {
                        long limitAt = bps(a.get("limit-at"));
                        long maxLimit = bps(a.get("max-limit"));
                        assertThat(limitAt).isLessThanOrEqualTo(maxLimit);
                        assertThat(Integer.parseInt(a.get("priority"))).isBetween(1, 8);
                        childLimitSum.merge(a.get("parent"), limitAt, Long::sum);
                        packetMarksQueued.add(a.get("packet-mark"));
                        assertThat(maxLimit).isLessThanOrEqualTo(parentMax.get(a.get("parent")));
                    }
                }
                case "/ip firewall mangle", "/ipv6 firewall mangle" -> {
                    assertThat(a.get("chain")).isEqualTo("forward");
                    assertThat(a.get("action")).isIn("mark-connection", "mark-packet");
                    if (a.get("action").equals("mark-connection")) {
                        assertThat(a).containsKeys("new-connection-mark").containsEntry("passthrough", "yes");
                    } else {
                        assertThat(a).containsKeys("new-packet-mark").containsEntry("passthrough", "no");
                        packetMarksSet.add(a.get("new-packet-mark"));
                    }
                }
                case "/ip firewall address-list" -> assertThat(IpPrefix.parse(a.get("address"))).get().matches(p -> !p.isIpv6());
                case "/ipv6 firewall address-list" -> assertThat(IpPrefix.parse(a.get("address"))).get().matches(IpPrefix::isIpv6);
                default -> { }
            }
        }
        assertThat(parentMax).containsOnlyKeys("padu-down", "padu-up");
        assertThat(parentMax.get("padu-down")).isEqualTo(150_000_000);
        parentMax.forEach((parent, max) -> assertThat(childLimitSum.get(parent)).as("sum of limit-at under %s", parent).isLessThanOrEqualTo(max));
        // every mark that mangle sets has a queue (SMPN1 has a queue but no prefixes, so no mark)
        assertThat(packetMarksQueued).containsAll(packetMarksSet.stream().distinct().toList());
        // FastTrack exclusion: an accept rule for marked connections placed before fasttrack
        assertThat(rsc).contains("action=accept connection-state=established,related connection-mark=!no-mark place-before=");
    }

    @Test
    void routerOsSimpleQueuesUseUploadDownloadPairsAndTargets() throws Exception {
        ShapingOptions o = ShapingOptions.defaults().withRouterOsMode(RouterOsMode.SIMPLE);
        String rsc = RouterOsRenderer.render(policy(), o);
        List<String> adds = rsc.lines().filter(l -> l.startsWith("add name=padu-") && l.contains(" target=")).toList();
        assertThat(adds).hasSize(4); // uplink + three agencies with prefixes
        for (String line : adds) {
            Map<String, String> a = args(line);
            for (String target : a.get("target").split(",")) {
                assertThat(IpPrefix.parse(target)).as("target %s", target).isPresent();
            }
            assertThat(a.get("max-limit")).matches("\\d+[kMG]?/\\d+[kMG]?");
            if (a.containsKey("limit-at")) {
                String[] at = a.get("limit-at").split("/");
                String[] max = a.get("max-limit").split("/");
                assertThat(bps(at[0])).isLessThanOrEqualTo(bps(max[0]));
                assertThat(bps(at[1])).isLessThanOrEqualTo(bps(max[1]));
                assertThat(a.get("priority")).matches("[1-8]/[1-8]");
            }
        }
        // RSUD: upload 15M guaranteed of 50M, download 30M of 100M (target's view: upload/download)
        assertThat(rsc).contains("add name=padu-RSUD parent=padu-uplink target=10.20.2.0/24 limit-at=15M/30M max-limit=50M/100M priority=3/3");
    }

    @Test
    void libreQosShapedDevicesHasTheStandardColumnsAndValidRows() throws Exception {
        String csv = LibreQosRenderer.render(policy()).get("ShapedDevices.csv");
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("Circuit ID,Circuit Name,Device ID,Device Name,Parent Node,MAC,IPv4,IPv6,"
                + "Download Min Mbps,Upload Min Mbps,Download Max Mbps,Upload Max Mbps,Comment");
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = parseCsv(line);
            assertThat(f).as(line).hasSize(13);
            assertThat(f.get(4)).isEqualTo("Padu-Uplink");
            for (String v4 : f.get(6).isEmpty() ? new String[0] : f.get(6).split(",\\s*")) {
                assertThat(IpPrefix.parse(v4)).get().matches(p -> !p.isIpv6());
            }
            for (String v6 : f.get(7).isEmpty() ? new String[0] : f.get(7).split(",\\s*")) {
                assertThat(IpPrefix.parse(v6)).get().matches(IpPrefix::isIpv6);
            }
            long dMin = Long.parseLong(f.get(8)), uMin = Long.parseLong(f.get(9)), dMax = Long.parseLong(f.get(10)), uMax = Long.parseLong(f.get(11));
            assertThat(dMin).isGreaterThanOrEqualTo(1).isLessThanOrEqualTo(dMax);
            assertThat(uMin).isGreaterThanOrEqualTo(1).isLessThanOrEqualTo(uMax);
            assertThat(dMax).isGreaterThanOrEqualTo(3).isLessThanOrEqualTo(150);
            assertThat(uMax).isGreaterThanOrEqualTo(3).isLessThanOrEqualTo(125);
        }
        String json = LibreQosRenderer.render(policy()).get("network.json");
        assertThat(json).containsPattern("\"Padu-Uplink\": \\{\\s*\"downloadBandwidthMbps\": 150,\\s*\"uploadBandwidthMbps\": 125,");
    }

    private static List<String> parseCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
