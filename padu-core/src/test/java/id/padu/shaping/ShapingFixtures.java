package id.padu.shaping;

import id.padu.domain.Agency;
import id.padu.domain.AgencyKind;
import id.padu.domain.IpPrefix;
import id.padu.domain.Priority;
import id.padu.plan.AgencyDecision;
import id.padu.plan.Decision;
import id.padu.plan.Plan;
import id.padu.plan.Uplink;
import java.util.Arrays;
import java.util.List;

/** A small regency: four central agencies (one without prefixes), one local. */
final class ShapingFixtures {

    private ShapingFixtures() {
    }

    static List<IpPrefix> prefixes(String... cidrs) {
        return Arrays.stream(cidrs).map(c -> IpPrefix.parse(c).orElseThrow()).toList();
    }

    static List<Agency> agencies() {
        return List.of(
                new Agency("DISKOMINFO", "Dinas Komunikasi dan Informatika", AgencyKind.DINAS, Priority.CRITICAL,
                        prefixes("10.20.1.0/24", "2001:db8:1::/48")),
                new Agency("RSUD", "RSUD dr. Murjani", AgencyKind.RSUD, Priority.HIGH, prefixes("10.20.2.0/24")),
                new Agency("KEC-BAAMANG", "Kecamatan Baamang", AgencyKind.KECAMATAN, Priority.NORMAL,
                        prefixes("10.20.3.0/25", "10.20.3.128/25", "10.20.0.0/16")),
                new Agency("SMPN1", "SMP Negeri 1 \"Sampit\"", AgencyKind.SEKOLAH, Priority.LOW, prefixes()),
                new Agency("DISDIK", "Dinas Pendidikan", AgencyKind.DINAS, Priority.NORMAL, prefixes("10.30.0.0/24")));
    }

    static long mbps(double m) {
        return Math.round(m * 1_000_000);
    }

    static Plan plan() {
        return new Plan(0, 0, 0, 0, null, 0, 0, true, 0,
                List.of(new Uplink("Telkom", "Astinet 100", 100, 100, 0, 0), new Uplink("Iconnet", "Dedicated 50", 50, 25, 0, 0)),
                List.of(
                        new AgencyDecision("RSUD", Decision.CENTRAL, mbps(30), mbps(100), mbps(15), mbps(50), null, null),
                        new AgencyDecision("DISKOMINFO", Decision.CENTRAL, mbps(20), mbps(150), mbps(10), mbps(75), null, null),
                        new AgencyDecision("KEC-BAAMANG", Decision.CENTRAL, mbps(5), mbps(20), mbps(2.5), mbps(10), null, null),
                        new AgencyDecision("SMPN1", Decision.CENTRAL, mbps(0.5), mbps(10), mbps(0.5), mbps(2), null, null),
                        new AgencyDecision("DISDIK", Decision.LOCAL, 0, 0, 0, 0, null, null)));
    }
}
