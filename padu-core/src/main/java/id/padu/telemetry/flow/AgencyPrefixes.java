package id.padu.telemetry.flow;

import id.padu.domain.Agency;
import id.padu.domain.IpPrefix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Longest-prefix match from an address to the agency that owns it, for IPv4 and IPv6.
 *
 * <p>CIDR prefixes are either nested or disjoint, so the address space splits into ranges in
 * which the longest matching prefix is constant. The table keeps only the range starts (sorted)
 * and their owner; a lookup is one binary search over a primitive array, no objects touched.
 */
public final class AgencyPrefixes {

    private final List<String> agencyCodes;
    private final long[] v4Starts;
    private final int[] v4Owner;
    private final long[] v6StartHi;
    private final long[] v6StartLo;
    private final int[] v6Owner;
    /**
     * For each /16 of the IPv4 space: the owner when one range covers all of it (>= -1), else
     * -2 - the index of the last range starting at or before the /16, to search from. Most
     * lookups are then one array read.
     */
    private final int[] v4Bucket = new int[65536];

    private AgencyPrefixes(List<String> agencyCodes, long[] v4Starts, int[] v4Owner,
                           long[] v6StartHi, long[] v6StartLo, int[] v6Owner) {
        this.agencyCodes = agencyCodes;
        this.v4Starts = v4Starts;
        this.v4Owner = v4Owner;
        this.v6StartHi = v6StartHi;
        this.v6StartLo = v6StartLo;
        this.v6Owner = v6Owner;
        int r = -1;
        for (int bucket = 0; bucket < 65536; bucket++) {
            long first = (long) bucket << 16;
            long last = first | 0xFFFF;
            while (r + 1 < v4Starts.length && v4Starts[r + 1] <= first) {
                r++;
            }
            boolean split = r + 1 < v4Starts.length && v4Starts[r + 1] <= last;
            if (!split) {
                v4Bucket[bucket] = r < 0 ? -1 : v4Owner[r];
            } else {
                v4Bucket[bucket] = -2 - (r + 1); // r may be -1 (nothing starts before this /16)
            }
        }
    }

    /** Agency index {@code i} is {@code agencies.get(i)}. If two agencies list the same prefix, the later wins. */
    public static AgencyPrefixes of(List<Agency> agencies) {
        List<Span> v4 = new ArrayList<>();
        List<Span> v6 = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < agencies.size(); i++) {
            Agency a = agencies.get(i);
            codes.add(a.code());
            for (IpPrefix p : a.prefixes()) {
                byte[] n = p.networkBytes();
                if (p.isIpv6()) {
                    long hi = toLong(n, 0);
                    long lo = toLong(n, 8);
                    int len = p.length();
                    long hiMask = len >= 64 ? 0 : (len == 0 ? -1L : -1L >>> len);
                    long loMask = len >= 128 ? 0 : (len <= 64 ? -1L : -1L >>> (len - 64));
                    v6.add(new Span(hi, lo, hi | hiMask, lo | loMask, len, i, v6.size()));
                } else {
                    long start = toLong(n, 0) >>> 32 & 0xFFFFFFFFL;
                    long end = start | (p.length() == 0 ? 0xFFFFFFFFL : (0xFFFFFFFFL >>> p.length()));
                    v4.add(new Span(0, start, 0, end, p.length(), i, v4.size()));
                }
            }
        }
        Ranges r4 = sweep(v4);
        Ranges r6 = sweep(v6);
        return new AgencyPrefixes(List.copyOf(codes), r4.lo, r4.owner, r6.hi, r6.lo, r6.owner);
    }

    private static long toLong(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (off + i < b.length ? b[off + i] & 0xFF : 0);
        }
        return v;
    }

    /** A prefix as an inclusive 128-bit range [startHi:startLo, endHi:endLo] (IPv4 uses only lo). */
    private record Span(long startHi, long startLo, long endHi, long endLo, int length, int owner, int order) {
    }

    private record Ranges(long[] hi, long[] lo, int[] owner) {
    }

    private static int cmp(long aHi, long aLo, long bHi, long bLo) {
        int c = Long.compareUnsigned(aHi, bHi);
        return c != 0 ? c : Long.compareUnsigned(aLo, bLo);
    }

    /**
     * Sweeps the prefixes in address order keeping a stack of the open (enclosing) ones; at
     * every start and every end+1 the innermost open prefix owns what follows.
     */
    private static Ranges sweep(List<Span> spans) {
        spans.sort(Comparator.<Span, Long>comparing(s -> s.startHi, Long::compareUnsigned)
                .thenComparing(s -> s.startLo, Long::compareUnsigned)
                .thenComparingInt(Span::length)
                .thenComparingInt(Span::order));
        List<long[]> points = new ArrayList<>(); // {hi, lo, owner}
        List<Span> stack = new ArrayList<>();
        for (Span s : spans) {
            while (!stack.isEmpty()) {
                Span top = stack.get(stack.size() - 1);
                if (cmp(top.endHi, top.endLo, s.startHi, s.startLo) >= 0) {
                    break;
                }
                stack.remove(stack.size() - 1);
                closeAfter(points, top, stack);
            }
            emit(points, s.startHi, s.startLo, s.owner);
            stack.add(s);
        }
        while (!stack.isEmpty()) {
            Span top = stack.remove(stack.size() - 1);
            closeAfter(points, top, stack);
        }
        // Merge neighbours with the same owner.
        List<long[]> merged = new ArrayList<>();
        for (long[] p : points) {
            if (!merged.isEmpty() && merged.get(merged.size() - 1)[2] == p[2]) {
                continue;
            }
            merged.add(p);
        }
        long[] hi = new long[merged.size()];
        long[] lo = new long[merged.size()];
        int[] owner = new int[merged.size()];
        for (int i = 0; i < merged.size(); i++) {
            hi[i] = merged.get(i)[0];
            lo[i] = merged.get(i)[1];
            owner[i] = (int) merged.get(i)[2];
        }
        return new Ranges(hi, lo, owner);
    }

    private static void closeAfter(List<long[]> points, Span closed, List<Span> stack) {
        if (closed.endHi == -1L && closed.endLo == -1L) {
            return; // ends at the top of the address space
        }
        long nextLo = closed.endLo + 1;
        long nextHi = nextLo == 0 ? closed.endHi + 1 : closed.endHi;
        int owner = stack.isEmpty() ? -1 : stack.get(stack.size() - 1).owner;
        emit(points, nextHi, nextLo, owner);
    }

    private static void emit(List<long[]> points, long hi, long lo, int owner) {
        if (!points.isEmpty()) {
            long[] last = points.get(points.size() - 1);
            if (last[0] == hi && last[1] == lo) {
                last[2] = owner; // same start: the later (longer) prefix wins
                return;
            }
        }
        points.add(new long[] {hi, lo, owner});
    }

    /** Index of the agency owning the IPv4 address (network byte order in an int), or -1. */
    public int lookupV4(int address) {
        int b = v4Bucket[address >>> 16];
        if (b >= -1) {
            return b;
        }
        long a = address & 0xFFFFFFFFL;
        long[] starts = v4Starts;
        int found = -2 - b - 1;
        // Search only the ranges from there on.
        int lo = found + 1;
        int hi = starts.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= a) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? -1 : v4Owner[found];
    }

    /** The plain binary search, for checking the bucket index. */
    int lookupV4Search(int address) {
        long a = address & 0xFFFFFFFFL;
        long[] starts = v4Starts;
        int lo = 0;
        int hi = starts.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= a) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? -1 : v4Owner[found];
    }

    /** Index of the agency owning the IPv6 address, or -1. */
    public int lookupV6(long addressHi, long addressLo) {
        int lo = 0;
        int hi = v6StartHi.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (cmp(v6StartHi[mid], v6StartLo[mid], addressHi, addressLo) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? -1 : v6Owner[found];
    }

    public int agencyCount() {
        return agencyCodes.size();
    }

    public String agencyCode(int index) {
        return agencyCodes.get(index);
    }

    public List<String> agencyCodes() {
        return agencyCodes;
    }

    @Override
    public String toString() {
        return "AgencyPrefixes" + Arrays.toString(v4Starts);
    }
}
