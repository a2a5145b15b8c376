package id.padu.app.planning;

import id.padu.app.audit.AuditableChange;
import id.padu.app.inventory.InventoryService;
import id.padu.domain.BitRate;
import id.padu.plan.AgencyDecision;
import id.padu.plan.Decision;
import id.padu.plan.Plan;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one plan the regency has decided on, and the live allocation that follows from it. A
 * planning scenario becomes the plan of record when an engineer or admin adopts it ("ditetapkan")
 * with a note; adopting another supersedes it, and every version is kept. Since the adoption,
 * each change of an agency's CIR/MIR (an approved bandwidth request, an engineer's edit) is an
 * amendment with who, when and why. The live plan, the adopted plan with its amendments, is what
 * the gateway renders, the migration schedules and the requests are checked against: no page keeps
 * its own copy of it.
 */
@Service
public class PlanOfRecord {

    /** One adoption: the plan as adopted and who adopted it, when and why. */
    public record Version(int version, long scenarioId, String scenario, Plan adopted, String note, String adoptedBy,
                          Instant adoptedAt) {
    }

    /** One change of an agency's allocation under a version; {@code source} says what caused it (e.g. {@code request 12}). */
    public record Amendment(long id, int version, String agency, long cirDownBps, long mirDownBps, long cirUpBps,
                            long mirUpBps, String source, String reason, String amendedBy, Instant amendedAt) {
    }

    /**
     * A change refused because the live allocation could not carry it; {@link #key()} and
     * {@link #args()} are the sentence in the web bundle ({@code por.*}), for the user's language.
     */
    public static final class Refused extends RuntimeException {
        private final String key;
        private final Object[] args;

        Refused(String key, Object... args) {
            super(key);
            this.key = key;
            this.args = args;
        }

        public String key() {
            return key;
        }

        public Object[] args() {
            return args.clone();
        }
    }

    private final PlanOfRecordRepository repo;
    private final ScenarioRepository scenarios;
    private final InventoryService inventory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PlanOfRecord(PlanOfRecordRepository repo, ScenarioRepository scenarios, InventoryService inventory,
                 ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
        this.repo = repo;
        this.scenarios = scenarios;
        this.inventory = inventory;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** The version in force, if a plan was ever adopted. */
    @Transactional(readOnly = true)
    public Optional<Version> current() {
        return repo.newest();
    }

    /** Every version, newest first. */
    @Transactional(readOnly = true)
    public List<Version> versions() {
        return repo.all();
    }

    /** The amendments under the version in force, oldest first. */
    @Transactional(readOnly = true)
    public List<Amendment> amendments() {
        return repo.newest().map(v -> repo.amendments(v.version())).orElse(List.of());
    }

    /** The version in force and its live plan, read together. */
    public record InForce(Version version, Plan live) {
    }

    /** The version in force with its live plan: each central agency's newest amendment applied. */
    @Transactional(readOnly = true)
    public Optional<InForce> inForce() {
        return repo.newest().map(v -> new InForce(v, apply(v.adopted(), latest(repo.amendments(v.version())))));
    }

    /** The live plan alone (see {@link #inForce()}). */
    @Transactional(readOnly = true)
    public Optional<Plan> live() {
        return inForce().map(InForce::live);
    }

    /**
     * Makes scenario {@code scenarioId} the plan of record; the previous version, if any, is
     * superseded (its amendments stay with it). Audited as {@code plan.adopt}.
     */
    @Transactional
    public Version adopt(long scenarioId, String note, String by) {
        Scenario s = scenarios.find(scenarioId).orElseThrow(() -> new Refused("por.noScenario", scenarioId));
        String why = note == null ? "" : note.strip();
        if (why.isEmpty() || why.length() > 2000) {
            throw new Refused("por.note");
        }
        Optional<Version> before = repo.newest();
        int version = before.map(v -> v.version() + 1).orElse(1);
        repo.insert(version, s.id(), s.name(), s.json(), why, by, clock.instant());
        Version v = repo.newest().orElseThrow();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("version", version);
        after.put("scenarioId", s.id());
        after.put("scenario", s.name());
        after.put("note", why);
        events.publishEvent(new AuditableChange("plan.adopt", "plan_of_record", Integer.toString(version),
                before.map(b -> Map.of("version", b.version(), "scenarioId", b.scenarioId())).orElse(null), after, by));
        return v;
    }

    /**
     * Changes a central agency's allocation in the live plan. Refused, with the shortfall named,
     * when the agency is not central in the plan, when a MIR is below its CIR or above the
     * uplinks, or when the guarantees of all central agencies would no longer fit in the uplinks'
     * capacity less the reserve ({@code plan.reserve}). Audited as {@code allocation.amend}.
     */
    @Transactional
    public Amendment amend(String agency, long cirDownBps, long mirDownBps, long cirUpBps, long mirUpBps, String source,
                           String reason, String by) {
        Version v = repo.newest().orElseThrow(() -> new Refused("por.none"));
        Plan live = apply(v.adopted(), latest(repo.amendments(v.version())));
        AgencyDecision was = live.agencies().stream().filter(a -> a.code().equals(agency)).findFirst()
                .filter(a -> a.decision() == Decision.CENTRAL)
                .orElseThrow(() -> new Refused("por.notCentral", agency));
        check(live, agency, cirDownBps, mirDownBps, live.capacityDownBps(), "down");
        check(live, agency, cirUpBps, mirUpBps, live.capacityUpBps(), "up");
        long id = repo.insertAmendment(v.version(), agency, cirDownBps, mirDownBps, cirUpBps, mirUpBps, source,
                reason == null ? "" : reason, by, clock.instant());
        Map<String, Object> before = Map.of("cirDownBps", was.cirDownBps(), "mirDownBps", was.mirDownBps(),
                "cirUpBps", was.cirUpBps(), "mirUpBps", was.mirUpBps());
        Map<String, Object> after = Map.of("cirDownBps", cirDownBps, "mirDownBps", mirDownBps, "cirUpBps", cirUpBps,
                "mirUpBps", mirUpBps, "version", v.version(), "source", source);
        events.publishEvent(new AuditableChange("allocation.amend", "allocation", agency, before, after, by));
        return repo.amendments(v.version()).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    /** One direction of an amendment against the live plan's other central agencies. */
    private void check(Plan live, String agency, long cir, long mir, long capacity, String direction) {
        if (cir < 0 || mir < cir) {
            throw new Refused("por.mirBelowCir." + direction, rate(cir), rate(mir));
        }
        if (mir > capacity) {
            throw new Refused("por.mirAboveCapacity." + direction, rate(mir), rate(capacity));
        }
        double reserve = inventory.settings().reserve();
        long guaranteed = (long) Math.floor(capacity * (1 - reserve));
        long others = 0;
        for (AgencyDecision a : live.centralAgencies()) {
            if (!a.code().equals(agency)) {
                others = Math.addExact(others, "down".equals(direction) ? a.cirDownBps() : a.cirUpBps());
            }
        }
        long total = Math.addExact(others, cir);
        if (total > guaranteed) {
            throw new Refused("por.cirOverCapacity." + direction, rate(total), rate(guaranteed), rate(capacity),
                    Math.round(reserve * 100) + " %", rate(total - guaranteed));
        }
    }

    private static String rate(long bps) {
        return BitRate.ofBps(bps).format();
    }

    private static Map<String, Amendment> latest(List<Amendment> amendments) {
        Map<String, Amendment> byAgency = new LinkedHashMap<>();
        amendments.forEach(a -> byAgency.put(a.agency(), a));
        return byAgency;
    }

    private static Plan apply(Plan adopted, Map<String, Amendment> latest) {
        if (latest.isEmpty()) {
            return adopted;
        }
        List<AgencyDecision> agencies = new ArrayList<>(adopted.agencies().size());
        for (AgencyDecision a : adopted.agencies()) {
            Amendment m = latest.get(a.code());
            agencies.add(m == null ? a : new AgencyDecision(a.code(), a.decision(), m.cirDownBps(), m.mirDownBps(),
                    m.cirUpBps(), m.mirUpBps(), a.cutoverDate(), a.reason()));
        }
        return new Plan(adopted.statusQuoAnnualIdr(), adopted.planAnnualIdr(), adopted.savingsAnnualIdr(),
                adopted.oneOffCostIdr(), adopted.paybackMonths(), adopted.requiredDownBps(), adopted.requiredUpBps(),
                adopted.optimal(), adopted.gap(), adopted.uplinks(), agencies);
    }

    /** The plan in the JSON contract of {@code padu plan --format json}. */
    public static byte[] json(Plan plan) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PlanFiles.write(plan, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Plan read(byte[] json, String name) {
        try {
            return PlanFiles.read(new ByteArrayInputStream(json), name);
        } catch (PlanFiles.PlanFileException e) {
            throw new IllegalStateException("stored plan " + name + " unreadable: " + e.getMessage(), e);
        }
    }
}
