package id.padu.domain;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * An IPv4 or IPv6 network in CIDR form. Parsing is strict and never resolves names: the
 * address must be a literal, and host bits beyond the prefix length must be zero
 * ({@code 10.1.2.3/24} is rejected, because a planner who wrote it most likely meant a host).
 */
public final class IpPrefix {

    private final byte[] network;
    private final int length;

    private IpPrefix(byte[] network, int length) {
        this.network = network;
        this.length = length;
    }

    /** Parses {@code a.b.c.d/n} or an IPv6 literal {@code x:y::z/n}; empty if it is not one. */
    public static Optional<IpPrefix> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim();
        int slash = s.indexOf('/');
        if (slash <= 0 || slash == s.length() - 1) {
            return Optional.empty();
        }
        byte[] addr = s.indexOf(':') >= 0 ? parseV6(s.substring(0, slash)) : parseV4(s.substring(0, slash));
        if (addr == null) {
            return Optional.empty();
        }
        int len;
        try {
            String lenText = s.substring(slash + 1);
            if (!lenText.chars().allMatch(c -> c >= '0' && c <= '9') || lenText.length() > 3) {
                return Optional.empty();
            }
            len = Integer.parseInt(lenText);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (len > addr.length * 8) {
            return Optional.empty();
        }
        for (int bit = len; bit < addr.length * 8; bit++) {
            if ((addr[bit >> 3] & (0x80 >>> (bit & 7))) != 0) {
                return Optional.empty();
            }
        }
        return Optional.of(new IpPrefix(addr, len));
    }

    static byte[] parseV4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    static byte[] parseV6(String s) {
        if (s.isEmpty() || s.contains("%")) {
            return null;
        }
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
            return null;
        }
        String head = dbl >= 0 ? s.substring(0, dbl) : s;
        String tail = dbl >= 0 ? s.substring(dbl + 2) : "";
        int[] h = groups(head);
        int[] t = groups(tail);
        if (h == null || t == null) {
            return null;
        }
        int total = h.length + t.length;
        if (dbl < 0 ? total != 8 : total > 7) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < h.length; i++) {
            out[2 * i] = (byte) (h[i] >>> 8);
            out[2 * i + 1] = (byte) h[i];
        }
        for (int i = 0; i < t.length; i++) {
            int g = 8 - t.length + i;
            out[2 * g] = (byte) (t[i] >>> 8);
            out[2 * g + 1] = (byte) t[i];
        }
        return out;
    }

    private static int[] groups(String part) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] g = part.split(":", -1);
        int[] out = new int[g.length];
        for (int i = 0; i < g.length; i++) {
            // ASCII hex only: Integer.parseInt would take other scripts' digits and a sign
            if (g[i].isEmpty() || g[i].length() > 4 || !g[i].chars().allMatch(c -> c >= '0' && c <= '9'
                    || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return null;
            }
            try {
                out[i] = Integer.parseInt(g[i], 16);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return out;
    }

    public boolean isIpv6() {
        return network.length == 16;
    }

    public int length() {
        return length;
    }

    /** The network address bytes (4 or 16); a copy. */
    public byte[] networkBytes() {
        return network.clone();
    }

    /** Whether the address (4 or 16 bytes) lies in this network. */
    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int full = length >> 3;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rem = length & 7;
        if (rem == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rem)) & 0xFF;
        return (address[full] & mask) == (network[full] & mask);
    }

    /** Canonical text: dotted quad, or RFC 5952 style IPv6 (lower case, longest zero run as ::). */
    @Override
    public String toString() {
        return addressText() + "/" + length;
    }

    public String addressText() {
        if (!isIpv6()) {
            return (network[0] & 0xFF) + "." + (network[1] & 0xFF) + "." + (network[2] & 0xFF) + "." + (network[3] & 0xFF);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((network[2 * i] & 0xFF) << 8) | (network[2 * i + 1] & 0xFF);
        }
        int bestStart = -1, bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpPrefix p && p.length == length && Arrays.equals(p.network, network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + length;
    }

    /** Debug form of the raw bytes. */
    String hex() {
        return HexFormat.of().formatHex(network);
    }
}
