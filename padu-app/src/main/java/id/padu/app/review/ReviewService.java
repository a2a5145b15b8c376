package id.padu.app.review;

import id.padu.analysis.AgencyAnalysis;
import id.padu.analysis.SpendAnalysis;
import id.padu.app.audit.AuditableChange;
import id.padu.app.inventory.InventoryService;
import id.padu.app.planning.PlanOfRecord;
import id.padu.app.planning.ScenarioPackets;
import id.padu.app.security.Role;
import id.padu.app.security.UserAccount;
import id.padu.app.security.UserAccounts;
import id.padu.app.shared.Mailer;
import id.padu.domain.Dataset;
import id.padu.domain.Wib;
import id.padu.plan.AgencyDecision;
import id.padu.plan.Decision;
import id.padu.plan.Plan;
import java.time.Clock;
import java.time.LocalDate;
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
 * A review round's workflow: opened on a scenario by an engineer, answered agency by agency by
 * the agencies' own operators, closed by adopting the scenario as the plan of record. Every step
 * is audited. Who may call what is decided by {@code AccessRules}; this class also checks that the
 * round is still open and that the agency is one of the plan's.
 */
@Service
class ReviewService {

    /** One agency's packet: what it is asked to agree to, and its newest answer. */
    record Packet(String code, String name, long annualSpendIdr, Long p95DownBps, Long p95UpBps, String decision,
                  String reason, long cirDownBps, long mirDownBps, long cirUpBps, long mirUpBps, LocalDate cutoverDate,
                  Double servedFractionDown, Double servedFractionUp, Double servedFractionDownFailed,
                  Double servedFractionUpFailed, String failedProvider, ReviewStore.Response response) {
    }

    /** A refusal the user can act on; {@code field} names the input at fault (null: the round's state). */
    static final class Refused extends RuntimeException {
        final String field;
        final Object value;

        Refused(String field, Object value, String message) {
            super(message);
            this.field = field;
            this.value = value;
        }
    }

    static final class NotFound extends RuntimeException {
        NotFound(String what) {
            super(what);
        }
    }

    private final ReviewStore store;
    private final ScenarioPackets scenarios;
    private final InventoryService inventory;
    private final PlanOfRecord record;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Mailer mail;
    private final UserAccounts accounts;

    ReviewService(ReviewStore store, ScenarioPackets scenarios, InventoryService inventory, PlanOfRecord record,
                  ApplicationEventPublisher events, ObjectProvider<Clock> clock, Mailer mail, UserAccounts accounts) {
        this.mail = mail;
        this.accounts = accounts;
        this.store = store;
        this.scenarios = scenarios;
        this.inventory = inventory;
        this.record = record;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Transactional
    ReviewStore.Round open(Long scenarioId, String title, String dueDate, String by) {
        Optional<Plan> plan = scenarioId == null ? Optional.empty() : scenarios.plan(scenarioId);
        if (plan.isEmpty()) {
            throw new Refused("scenarioId", scenarioId, "no such scenario");
        }
        String t = title == null ? "" : title.strip();
        if (t.isEmpty() || t.length() > 200) {
            throw new Refused("title", title, "required, 1 to 200 characters");
        }
        LocalDate due;
        try {
            due = LocalDate.parse(dueDate == null ? "" : dueDate.strip());
        } catch (java.time.DateTimeException e) {
            throw new Refused("dueDate", dueDate, "a date yyyy-mm-dd");
        }
        long id = store.open(scenarioId, t, due, by, clock.instant());
        ReviewStore.Round r = store.round(id).orElseThrow();
        events.publishEvent(new AuditableChange("review.open", "review_round", Long.toString(id), null, r, by));
        // The operators of the plan's agencies are told (when SMTP is configured and they have an address).
        java.util.Set<String> planned = new java.util.HashSet<>();
        plan.get().agencies().forEach(a -> planned.add(a.code()));
        List<String> to = accounts.all().stream().filter(u -> u.role() == Role.AGENCY_OPERATOR && u.agencyCode() != null
                && planned.contains(u.agencyCode())).map(UserAccount::email).toList();
        mail.send(to, "[Padu] Pembahasan rencana: " + t, "Diskominfo membuka pembahasan rencana jaringan \"" + t
                + "\". Mohon baca paket perangkat daerah Anda dan jawab setuju atau keberatan paling lambat " + due
                + ".\n\nBuka Padu: /reviews/" + id);
        return r;
    }

    ReviewStore.Round round(long id) {
        return store.round(id).orElseThrow(() -> new NotFound("review " + id));
    }

    List<ReviewStore.Round> rounds() {
        return store.rounds();
    }

    /** The plan's agencies in its order, each with its newest answer (null: none yet). */
    Map<String, ReviewStore.Response> answers(ReviewStore.Round r) {
        Map<String, ReviewStore.Response> out = new LinkedHashMap<>();
        plan(r).agencies().forEach(a -> out.put(a.code(), null));
        for (ReviewStore.Response x : store.responses(r.id())) {
            if (out.containsKey(x.agency())) {
                out.put(x.agency(), x);
            }
        }
        return out;
    }

    List<AgencyDecision> agencies(ReviewStore.Round r) {
        return plan(r).agencies();
    }

    /** All answers, oldest first, for the minutes. */
    List<ReviewStore.Response> history(ReviewStore.Round r) {
        return store.responses(r.id());
    }

    Packet packet(ReviewStore.Round r, String code) {
        ScenarioPackets.Reviewed s = scenario(r);
        AgencyDecision a = s.plan().agencies().stream().filter(x -> x.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFound("agency " + code + " in review " + r.id()));
        Dataset data = inventory.current();
        LocalDate today = LocalDate.now(clock.withZone(Wib.ZONE));
        Optional<AgencyAnalysis> spend = SpendAnalysis.analyze(data, data.settings().quantile(), today).agencies().stream()
                .filter(x -> x.code().equals(code)).findFirst();
        ScenarioPackets.Served served = s.served().get(code);
        boolean central = a.decision() == Decision.CENTRAL;
        return new Packet(code, spend.map(AgencyAnalysis::name).orElse(code), spend.map(AgencyAnalysis::annualSpendIdr).orElse(0L),
                spend.map(x -> x.down() == null ? null : x.down().q()).orElse(null),
                spend.map(x -> x.up() == null ? null : x.up().q()).orElse(null),
                a.decision().code(), a.reason(), a.cirDownBps(), a.mirDownBps(), a.cirUpBps(), a.mirUpBps(), a.cutoverDate(),
                central && served != null ? served.down() : null, central && served != null ? served.up() : null,
                central && served != null ? served.downFailed() : null, central && served != null ? served.upFailed() : null,
                s.failedProvider(), answers(r).get(code));
    }

    /** The agency's operator answers; a later answer replaces an earlier one as the agency's answer. */
    @Transactional
    ReviewStore.Response answer(ReviewStore.Round r, String code, String decision, String comment, String name,
                                String nip, String title, String by) {
        if (!r.open()) {
            throw new Refused(null, null, "the review is closed");
        }
        if (!answers(r).containsKey(code)) {
            throw new NotFound("agency " + code + " in review " + r.id());
        }
        if (!"agree".equals(decision) && !"object".equals(decision)) {
            throw new Refused("decision", decision, "agree or object");
        }
        String c = comment == null ? "" : comment.strip();
        if (c.length() > 4000 || ("object".equals(decision) && c.isEmpty())) {
            throw new Refused("comment", comment, "an objection says why; at most 4000 characters");
        }
        String n = text("signerName", name, 200);
        String t = text("signerTitle", title, 200);
        String nipDigits = nip == null ? "" : nip.replace(" ", "");
        if (!nipDigits.matches("[0-9]{18}")) {
            throw new Refused("signerNip", nip, "the signer's NIP: 18 digits");
        }
        long id = store.answer(r.id(), code, decision, c, n, nipDigits, t, by, clock.instant());
        ReviewStore.Response saved = store.responses(r.id()).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        events.publishEvent(new AuditableChange("review.answer", "review_response", r.id() + "/" + code, null, saved, by));
        List<String> to = accounts.all().stream().filter(u -> u.role() == Role.ENGINEER || u.role() == Role.ADMIN)
                .map(UserAccount::email).toList();
        mail.send(to, "[Padu] " + code + " menjawab " + ("agree".equals(decision) ? "setuju" : "keberatan") + ": " + r.title(),
                code + " menjawab " + decision + " (" + n + ", " + t + ").\n" + c + "\n\nBuka Padu: /reviews/" + r.id());
        return saved;
    }

    /**
     * Closes the round by adopting its scenario as the plan of record; agencies that never
     * answered are named in the adoption note, so the record says who was not heard.
     */
    @Transactional
    PlanOfRecord.Version adopt(ReviewStore.Round r, String note, String by) {
        if (!r.open()) {
            throw new Refused(null, null, "the review is closed");
        }
        String n = text("note", note, 1500);
        List<String> silent = new ArrayList<>();
        answers(r).forEach((code, answer) -> {
            if (answer == null) {
                silent.add(code);
            }
        });
        String full = n + " (pembahasan #" + r.id() + " " + r.title()
                + (silent.isEmpty() ? "" : "; tanpa jawaban: " + String.join(", ", silent)) + ")";
        PlanOfRecord.Version v = record.adopt(r.scenarioId(), full.length() > 2000 ? full.substring(0, 2000) : full, by);
        store.close(r.id(), by, clock.instant(), v.version());
        events.publishEvent(new AuditableChange("review.close", "review_round", Long.toString(r.id()), r,
                store.round(r.id()).orElseThrow(), by));
        return v;
    }

    private Plan plan(ReviewStore.Round r) {
        return scenarios.plan(r.scenarioId()).orElseThrow(() -> new NotFound("scenario " + r.scenarioId()));
    }

    private ScenarioPackets.Reviewed scenario(ReviewStore.Round r) {
        return scenarios.find(r.scenarioId()).orElseThrow(() -> new NotFound("scenario " + r.scenarioId()));
    }

    private static String text(String field, String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > max) {
            throw new Refused(field, value, "required, 1 to " + max + " characters");
        }
        return v;
    }
}
