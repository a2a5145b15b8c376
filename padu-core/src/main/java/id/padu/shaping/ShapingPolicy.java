package id.padu.shaping;

import id.padu.domain.Agency;
import id.padu.domain.Direction;
import id.padu.domain.IpPrefix;
import id.padu.domain.Priority;
import id.padu.plan.AgencyDecision;
import id.padu.plan.Plan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every renderer enforces, computed once from the agencies and the plan: per direction
 * the uplink capacity, one class per central agency (rate = CIR, ceil = MIR, priority) with an
 * HTB quantum proportional to its CIR, and the rate of the class for unclassified traffic.
 * Renderers only format it, so the three targets cannot disagree about numbers.
 *
 * <p>Central agencies are ordered by code so that a re-render of the same plan gives the same
 * class ids.
 */
public record ShapingPolicy(List<ShapedAgency> agencies, DirectionPolicy down, DirectionPolicy up, List<ShapingWarning> warnings) {

    /** HTB handles: 1:1 the uplink, 1:2 unclassified traffic, agencies from 1:100 (hex) on. */
    public static final int ROOT_MINOR = 0x1;
    public static final int DEFAULT_MINOR = 0x2;
    public static final int FIRST_AGENCY_MINOR = 0x100;
    /** HTB prio of the unclassified class: below every agency (agencies use 0-3). */
    public static final int DEFAULT_HTB_PRIO = 7;
    /** Most agencies one HTB handle space holds (minor ids up to 0xfffe). */
    public static final int MAX_AGENCIES = 0xfffe - FIRST_AGENCY_MINOR;

    /** The kernel computes quantum = rate / r2q and warns outside this range; we stay inside it. */
    public static final int KERNEL_MIN_QUANTUM = 1000;
    public static final int KERNEL_MAX_QUANTUM = 200_000;
    /** The smallest class's quantum in frames, as long as proportionality allows it. */
    public static final int FRAMES_IN_SMALLEST_QUANTUM = 4;
    /** Guarantee for unclassified traffic: 1 % of the uplink, at least this. */
    public static final long MIN_DEFAULT_RATE_BPS = 8_000;

    public ShapingPolicy {
        agencies = List.copyOf(agencies);
        warnings = List.copyOf(warnings);
    }

    /** One central agency as the gateway sees it. */
    public record ShapedAgency(String code, String name, Priority priority, List<IpPrefix> prefixes, int classMinor) {
        public ShapedAgency {
            prefixes = List.copyOf(prefixes);
        }

        public String classIdHex() {
            return Integer.toHexString(classMinor);
        }
    }

    /** One agency's class in one direction. */
    public record ShapedClass(ShapedAgency agency, long cirBps, long mirBps, long rateBps, long ceilBps, int quantumBytes) {
    }

    /**
     * One direction of the gateway.
     *
     * @param defaultRateBps guarantee of the class for unclassified traffic
     */
    public record DirectionPolicy(Direction direction, long capacityBps, List<ShapedClass> classes, long defaultRateBps,
                                  int defaultQuantumBytes) {
        public DirectionPolicy {
            classes = List.copyOf(classes);
        }

        public long sumCirBps() {
            return classes.stream().mapToLong(ShapedClass::rateBps).sum();
        }
    }

    /**
     * Builds the policy.
     *
     * @throws ShapingException when the plan names an agency not in {@code agencies}, has no
     *                          uplink capacity in a direction, or has more agencies than HTB ids
     */
    public static ShapingPolicy of(List<Agency> agencies, Plan plan, ShapingOptions options) throws ShapingException {
        Map<String, Agency> byCode = new HashMap<>();
        for (Agency a : agencies) {
            byCode.put(a.code(), a);
        }
        List<AgencyDecision> central = new ArrayList<>(plan.centralAgencies());
        central.sort(Comparator.comparing(AgencyDecision::code));
        if (central.size() > MAX_AGENCIES) {
            throw new ShapingException("shape.error.tooManyAgencies", central.size(), MAX_AGENCIES);
        }
        if (plan.capacityDownBps() <= 0 || plan.capacityUpBps() <= 0) {
            throw new ShapingException("shape.error.noCapacity");
        }
        List<ShapingWarning> warnings = new ArrayList<>();
        List<ShapedAgency> shaped = new ArrayList<>();
        for (int i = 0; i < central.size(); i++) {
            AgencyDecision d = central.get(i);
            Agency a = byCode.get(d.code());
            if (a == null) {
                throw new ShapingException("shape.error.unknownAgency", d.code());
            }
            if (a.prefixes().isEmpty()) {
                warnings.add(ShapingWarning.of("shape.warn.noPrefixes", a.code()));
            }
            shaped.add(new ShapedAgency(a.code(), a.name(), a.priority(), a.prefixes(), FIRST_AGENCY_MINOR + i));
        }
        DirectionPolicy down = direction(Direction.DOWN, plan.capacityDownBps(), central, shaped, options, warnings);
        DirectionPolicy up = direction(Direction.UP, plan.capacityUpBps(), central, shaped, options, warnings);
        return new ShapingPolicy(shaped, down, up, warnings);
    }

    private static DirectionPolicy direction(Direction dir, long capacity, List<AgencyDecision> central, List<ShapedAgency> shaped,
                                             ShapingOptions options, List<ShapingWarning> warnings) {
        int n = central.size();
        long[] cir = new long[n];
        long[] rate = new long[n];
        long[] ceil = new long[n];
        long sumRate = 0;
        for (int i = 0; i < n; i++) {
            AgencyDecision d = central.get(i);
            cir[i] = Math.max(0, dir == Direction.DOWN ? d.cirDownBps() : d.cirUpBps());
            long mir = Math.max(0, dir == Direction.DOWN ? d.mirDownBps() : d.mirUpBps());
            // HTB refuses a zero rate; a class without guarantee gets the smallest one.
            rate[i] = Math.max(cir[i], MIN_DEFAULT_RATE_BPS);
            if (rate[i] > capacity) {
                rate[i] = capacity;
            }
            // MIR below CIR (or missing) in a hand-edited plan: the guarantee is the ceiling.
            ceil[i] = Math.min(capacity, Math.max(mir, rate[i]));
            if (mir > capacity) {
                warnings.add(ShapingWarning.of("shape.warn.mirAboveCapacity", d.code(), dir.name().toLowerCase(), mir, capacity));
            }
            sumRate += rate[i];
        }
        long remaining = capacity - sumRate;
        long defaultRate = Math.max(MIN_DEFAULT_RATE_BPS, capacity / 100);
        if (remaining < defaultRate) {
            defaultRate = Math.max(MIN_DEFAULT_RATE_BPS, remaining);
        }
        if (sumRate + defaultRate > capacity) {
            warnings.add(ShapingWarning.of("shape.warn.overcommitted", dir.name().toLowerCase(), sumRate + defaultRate, capacity));
        }
        int[] quantum = quanta(cir, options.frameBytes(), dir, central, warnings);
        List<ShapedClass> classes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            classes.add(new ShapedClass(shaped.get(i), cir[i], ceil[i], rate[i], ceil[i], quantum[i]));
        }
        return new DirectionPolicy(dir, capacity, classes, defaultRate, options.frameBytes());
    }

    /**
     * HTB lends spare bandwidth among classes of one prio by deficit round robin, each turn
     * worth one quantum of bytes; quanta proportional to CIR therefore share the spare in
     * proportion to CIR, as the simulator assumes. The smallest CIR gets four frames (fewer
     * turns per second keep DRR cheap, and a quantum below a frame would need several rounds
     * per packet); if the largest would exceed the kernel's 200000 bytes, all are scaled down
     * keeping proportion, the smallest not below one frame. Only beyond a CIR ratio of about
     * 130 are the smallest clamped, and a warning says so. Agencies without CIR borrow with the
     * smallest quantum.
     */
    static int[] quanta(long[] cir, int frame, Direction dir, List<AgencyDecision> central, List<ShapingWarning> warnings) {
        int n = cir.length;
        int[] q = new int[n];
        long minCir = Long.MAX_VALUE;
        long maxCir = 0;
        for (long c : cir) {
            if (c > 0) {
                minCir = Math.min(minCir, c);
                maxCir = Math.max(maxCir, c);
            }
        }
        int smallest = Math.max(KERNEL_MIN_QUANTUM, FRAMES_IN_SMALLEST_QUANTUM * frame);
        if (maxCir == 0) {
            java.util.Arrays.fill(q, smallest);
            return q;
        }
        double perBps = smallest / (double) minCir;
        if (perBps * maxCir > KERNEL_MAX_QUANTUM) {
            perBps = KERNEL_MAX_QUANTUM / (double) maxCir;
        }
        int floor = Math.max(KERNEL_MIN_QUANTUM, frame);
        for (int i = 0; i < n; i++) {
            long raw = cir[i] == 0 ? floor : Math.round(perBps * cir[i]);
            if (raw < floor) {
                if (cir[i] > 0) {
                    warnings.add(ShapingWarning.of("shape.warn.quantumClamped", central.get(i).code(), dir.name().toLowerCase(), raw, floor));
                }
                raw = floor;
            }
            q[i] = (int) Math.min(KERNEL_MAX_QUANTUM, raw);
        }
        return q;
    }

    /**
     * Agencies in the order first-match classifiers (RouterOS mangle, simple queues) must see
     * them: an agency whose prefix lies strictly inside another agency's prefix comes before
     * that agency; otherwise by code. Prefixes that nest both ways (a planning error) keep the
     * code order for the agencies involved.
     */
    public List<ShapedAgency> classificationOrder() {
        List<ShapedAgency> left = new ArrayList<>(agencies);
        List<ShapedAgency> out = new ArrayList<>(agencies.size());
        while (!left.isEmpty()) {
            ShapedAgency next = null;
            for (ShapedAgency candidate : left) {
                boolean mustWait = false;
                for (ShapedAgency other : left) {
                    if (other != candidate && nestedIn(other, candidate)) {
                        mustWait = true;
                        break;
                    }
                }
                if (!mustWait) {
                    next = candidate;
                    break;
                }
            }
            if (next == null) {
                next = left.get(0);
            }
            left.remove(next);
            out.add(next);
        }
        return out;
    }

    /** Whether some prefix of {@code inner} lies strictly inside a prefix of {@code outer}. */
    static boolean nestedIn(ShapedAgency inner, ShapedAgency outer) {
        for (IpPrefix i : inner.prefixes()) {
            for (IpPrefix o : outer.prefixes()) {
                if (i.isIpv6() == o.isIpv6() && i.length() > o.length() && o.contains(i.networkBytes())) {
                    return true;
                }
            }
        }
        return false;
    }

    public DirectionPolicy direction(Direction d) {
        return d == Direction.DOWN ? down : up;
    }
}
