package id.padu.shaping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a rendered linux-tc script says about itself in its {@code # padu:} header lines: the
 * interfaces, which class is which agency, and the rates every class must have. Apply checks
 * the kernel against it; counters maps class bytes back to agencies with it.
 */
public record ScriptHeader(String wanInterface, String ifbInterface, Map<String, String> agencyByClass, List<Expected> expected) {

    /** One class the script creates on {@code dev}; agency is null for the root and unclassified classes. */
    public record Expected(String dev, String classId, long rateBps, long ceilBps, String agency) {
    }

    public ScriptHeader {
        agencyByClass = Map.copyOf(agencyByClass);
        expected = List.copyOf(expected);
    }

    /** Empty interfaces mean the text is not a Padu linux-tc script. */
    public static ScriptHeader parse(String script) {
        String wan = null, ifb = null;
        Map<String, String> byClass = new LinkedHashMap<>();
        List<Expected> expected = new ArrayList<>();
        for (String line : script.split("\n")) {
            if (line.startsWith(LinuxTcRenderer.WAN_TAG)) {
                wan = line.substring(LinuxTcRenderer.WAN_TAG.length()).trim();
            } else if (line.startsWith(LinuxTcRenderer.IFB_TAG)) {
                ifb = line.substring(LinuxTcRenderer.IFB_TAG.length()).trim();
            } else if (line.startsWith(LinuxTcRenderer.CLASS_TAG)) {
                String[] t = line.substring(LinuxTcRenderer.CLASS_TAG.length()).trim().split("\\s+");
                if (t.length == 2) {
                    byClass.put(t[0], t[1]);
                }
            } else if (line.startsWith(LinuxTcRenderer.RATE_TAG)) {
                String[] t = line.substring(LinuxTcRenderer.RATE_TAG.length()).trim().split("\\s+");
                if (t.length == 5) {
                    expected.add(new Expected(t[0], t[1], Long.parseLong(t[2]), Long.parseLong(t[3]), t[4].equals("-") ? null : t[4]));
                }
            }
        }
        return new ScriptHeader(wan, ifb, byClass, expected);
    }

    public boolean isPaduScript() {
        return wanInterface != null && ifbInterface != null
                && ShapingOptions.INTERFACE_NAME.matcher(wanInterface).matches()
                && ShapingOptions.INTERFACE_NAME.matcher(ifbInterface).matches();
    }

    /**
     * Which expected classes the kernel lacks or has with other rates. tc prints rates with at
     * most about three significant digits, so a rate matches within 0.5 %.
     *
     * @param actualByDev classes read back per device
     * @return one line per problem; empty when the kernel has everything
     */
    public List<String> verify(Map<String, List<TcClass>> actualByDev) {
        List<String> problems = new ArrayList<>();
        for (Expected e : expected) {
            TcClass found = null;
            for (TcClass c : actualByDev.getOrDefault(e.dev(), List.of())) {
                if (c.classId().equals(e.classId())) {
                    found = c;
                }
            }
            String who = e.dev() + " " + e.classId() + (e.agency() == null ? "" : " (" + e.agency() + ")");
            if (found == null) {
                problems.add(who + ": missing");
                continue;
            }
            if (!close(found.rateBps(), e.rateBps()) || !close(found.ceilBps(), e.ceilBps())) {
                problems.add(who + ": rate " + found.rateBps() + "/" + found.ceilBps() + " bit/s, expected "
                        + e.rateBps() + "/" + e.ceilBps());
            }
        }
        return problems;
    }

    private static boolean close(long actual, long expected) {
        return Math.abs(actual - expected) <= Math.max(8, expected / 200);
    }
}
