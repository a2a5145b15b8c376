package id.padu.shaping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the text of {@code tc -s class show dev DEV}. iproute2 up to at least 6.1 prints
 * classes as text even with {@code -j} (its JSON covers qdiscs, not HTB classes), so the
 * gateway's own tools must read this form; newer iproute2 JSON is read by the application.
 */
public final class TcClassText {

    private TcClassText() {
    }

    public static List<TcClass> parse(String text) {
        List<TcClass> out = new ArrayList<>();
        String kind = null, id = null, parent = null;
        int prio = -1;
        long rate = 0, ceil = 0, bytes = 0, packets = 0;
        for (String raw : text.split("\n")) {
            String line = raw.trim();
            if (line.startsWith("class ")) {
                if (id != null) {
                    out.add(new TcClass(kind, id, parent, prio, rate, ceil, bytes, packets));
                }
                String[] t = line.split("\\s+");
                kind = t.length > 1 ? t[1] : "";
                id = t.length > 2 ? t[2] : "";
                parent = null;
                prio = -1;
                rate = ceil = bytes = packets = 0;
                for (int i = 3; i < t.length; i++) {
                    switch (t[i]) {
                        case "root" -> parent = "root";
                        case "parent" -> parent = i + 1 < t.length ? t[++i] : null;
                        case "prio" -> prio = i + 1 < t.length ? parseInt(t[++i]) : -1;
                        case "rate" -> rate = i + 1 < t.length ? parseRate(t[++i]) : 0;
                        case "ceil" -> ceil = i + 1 < t.length ? parseRate(t[++i]) : 0;
                        default -> { }
                    }
                }
            } else if (line.startsWith("Sent ") && id != null) {
                String[] t = line.split("\\s+");
                bytes = t.length > 1 ? parseLong(t[1]) : 0;
                packets = t.length > 3 ? parseLong(t[3]) : 0;
            }
        }
        if (id != null) {
            out.add(new TcClass(kind, id, parent, prio, rate, ceil, bytes, packets));
        }
        return out;
    }

    /**
     * tc's rate text: a number and {@code bit}, {@code Kbit}, {@code Mbit}, {@code Gbit},
     * {@code Tbit} (powers of 1000) or with {@code -iec} {@code Kibit} ... (powers of 1024);
     * {@code bps} style byte units are multiplied by 8.
     */
    public static long parseRate(String text) {
        String s = text.trim();
        int i = 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("not a rate: " + text);
        }
        double v = Double.parseDouble(s.substring(0, i));
        String unit = s.substring(i).toLowerCase(Locale.ROOT);
        boolean bytes = unit.endsWith("bps");
        String prefix = unit.replace("bit", "").replace("bps", "");
        double mult = switch (prefix) {
            case "" -> 1;
            case "k" -> 1e3;
            case "m" -> 1e6;
            case "g" -> 1e9;
            case "t" -> 1e12;
            case "ki" -> 1024d;
            case "mi" -> 1024d * 1024;
            case "gi" -> 1024d * 1024 * 1024;
            case "ti" -> 1024d * 1024 * 1024 * 1024;
            default -> throw new IllegalArgumentException("unknown rate unit: " + text);
        };
        return Math.round(v * mult * (bytes ? 8 : 1));
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
