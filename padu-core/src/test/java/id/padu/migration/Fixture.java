package id.padu.migration;

import id.padu.domain.Agency;
import id.padu.domain.AgencyKind;
import id.padu.domain.BitRate;
import id.padu.domain.ConnectionKind;
import id.padu.domain.Dataset;
import id.padu.domain.IpPrefix;
import id.padu.domain.OnlineService;
import id.padu.domain.PlanScope;
import id.padu.domain.Priority;
import id.padu.domain.Redundancy;
import id.padu.domain.Rupiah;
import id.padu.domain.Settings;
import id.padu.domain.Subscription;
import id.padu.plan.AgencyDecision;
import id.padu.plan.Decision;
import id.padu.plan.Plan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small datasets and plans built in code for the migration tests. */
final class Fixture {

    final List<Agency> agencies = new ArrayList<>();
    final List<Subscription> subscriptions = new ArrayList<>();
    final List<OnlineService> services = new ArrayList<>();
    LocalDate start;
    LocalDate ready;
    int perWeek = 2;
    String windows = "SAT 07:00-13:00";
    List<Settings.DateRange> blackouts = List.of();

    Fixture(LocalDate start, LocalDate ready) {
        this.start = start;
        this.ready = ready;
    }

    Fixture agency(String code, long monthly, LocalDate end, long penalty) {
        agencies.add(new Agency(code, "Dinas " + code, AgencyKind.DINAS, Priority.NORMAL,
                List.of(IpPrefix.parse("10." + agencies.size() + ".0.0/24").orElseThrow())));
        if (monthly >= 0) {
            subscriptions.add(new Subscription(code, "ISP-" + code, "Dedicated 20", ConnectionKind.DEDICATED,
                    BitRate.ofMbps(20), BitRate.ofMbps(20), Rupiah.of(monthly), Rupiah.ZERO, null, end, Rupiah.of(penalty)));
        }
        return this;
    }

    Fixture service(String agency, String name, Priority criticality, String host, String ip) {
        services.add(new OnlineService(agency, name, criticality, host, ip));
        return this;
    }

    Fixture critical(String agency) {
        return service(agency, "SIM-" + agency, Priority.CRITICAL, agency.toLowerCase() + ".kotimkab.go.id", null);
    }

    Settings settings() {
        return new Settings(0.95, 0.2, 0.8, Redundancy.DUAL, 0.6, 3, 0.1, PlanScope.OPTIMIZE, null, start, ready,
                perWeek, windows, blackouts, Map.of());
    }

    Dataset dataset() {
        return new Dataset(agencies, subscriptions, List.of(), null, services, Map.of(), settings());
    }

    Plan plan() {
        List<AgencyDecision> ds = agencies.stream().map(a -> new AgencyDecision(a.code(), Decision.CENTRAL,
                10_000_000, 20_000_000, 5_000_000, 20_000_000, null, null)).toList();
        return new Plan(0, 0, 0, 0, null, 0, 0, true, 0, List.of(), ds);
    }

    MigrationSchedule schedule() {
        return new MigrationScheduler(dataset(), plan()).schedule();
    }
}
