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
import id.padu.domain.OnlineService;
import id.padu.domain.Wib;
import id.padu.migration.ChecklistItem;
import id.padu.migration.Cutover;
import id.padu.migration.MigrationInputException;
import id.padu.migration.MigrationStatus;
import id.padu.migration.Runbook;
import id.padu.migration.RunbookGenerator;
import id.padu.migration.RunbookSection;
import id.padu.migration.Text;
import id.padu.plan.AgencyDecision;
import id.padu.plan.Decision;
import id.padu.plan.Plan;
import id.padu.text.Bundles;
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

    /**
     * One agency's packet: what it is asked to agree to under the round's newest revision, what
     * changed since the revision before, its services and what the runbook does to them, and its
     * answer (null when it has not answered these terms yet).
     */
    record Packet(String code, String name, long annualSpendIdr, Long p95DownBps, Long p95UpBps, String decision,
                  String reason, long cirDownBps, long mirDownBps, long cirUpBps, long mirUpBps, LocalDate cutoverDate,
                  Double servedFractionDown, Double servedFractionUp, Double servedFractionDownFailed,
                  Double servedFractionUpFailed, String failedProvider, long regencySavingsAnnualIdr, int revision,
                  List<Change> changes, List<ServiceLine> services, ReviewStore.Response response,
                  List<ReviewStore.Response> earlier, List<ReviewStore.Reply> replies) {
    }

    /** One term of an agency's packet that differs from the revision before ({@code before} null: new). */
    record Change(String field, Object before, Object after) {
    }

    /** A hosted service and the runbook's steps for it (empty when the agency stays local). */
    record ServiceLine(String name, String criticality, String hostname, String publicIp, List<Text> steps) {
    }

    /** The terms an agency agrees to, in the order a packet lists them; a change of any asks for a new answer. */
    static Map<String, Object> terms(AgencyDecision a) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("decision", a.decision().code());
        t.put("cirDownBps", a.cirDownBps());
        t.put("mirDownBps", a.mirDownBps());
        t.put("cirUpBps", a.cirUpBps());
        t.put("mirUpBps", a.mirUpBps());
        t.put("cutoverDate", a.cutoverDate() == null ? null : a.cutoverDate().toString());
        return t;
    }

    /**
     * A refusal the user can act on; {@code field} names the input at fault (null: the round's
     * state). The sentence is a key of the module's bundle, written in the reader's language.
     */
    static final class Refused extends RuntimeException {
        private static final String BUNDLE = "id.padu.app.review.messages";
        final String field;
        final Object value;
        private final String key;
        private final Object[] args;

        Refused(String field, Object value, String key, Object... args) {
            super(Bundles.format(BUNDLE, java.util.Locale.ENGLISH, key, args));
            this.field = field;
            this.value = value;
            this.key = key;
            this.args = args;
        }

        String text(java.util.Locale l) {
            return Bundles.format(BUNDLE, l, key, args);
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
            throw new Refused("scenarioId", scenarioId, "scenario.unknown", scenarioId);
        }
        String t = title == null ? "" : title.strip();
        if (t.isEmpty() || t.length() > 200) {
            throw new Refused("title", title, "required", "title", 200);
        }
        LocalDate due;
        try {
            due = LocalDate.parse(dueDate == null ? "" : dueDate.strip());
        } catch (java.time.DateTimeException e) {
            throw new Refused("dueDate", dueDate, "dueDate");
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

    /**
     * The plan's agencies in its order, each with its answer to its current terms (null: none yet).
     * An answer given before a revision that changed the agency's terms no longer counts: the
     * agency answers again; an agency whose terms the revision left alone keeps its answer.
     */
    Map<String, ReviewStore.Response> answers(ReviewStore.Round r) {
        Map<String, ReviewStore.Response> out = new LinkedHashMap<>();
        Map<String, Integer> since = termsSince(r);
        plan(r).agencies().forEach(a -> out.put(a.code(), null));
        for (ReviewStore.Response x : store.responses(r.id())) {
            if (out.containsKey(x.agency()) && x.revision() >= since.getOrDefault(x.agency(), 1)) {
                out.put(x.agency(), x);
            }
        }
        return out;
    }

    List<ReviewStore.Revision> revisions(ReviewStore.Round r) {
        return store.revisions(r.id());
    }

    List<ReviewStore.Reply> replies(ReviewStore.Round r) {
        return store.replies(r.id());
    }

    /** Per agency, the revision from which its current terms hold (1 when no revision changed them). */
    private Map<String, Integer> termsSince(ReviewStore.Round r) {
        List<ReviewStore.Revision> revs = store.revisions(r.id());
        Map<String, Integer> since = new LinkedHashMap<>();
        Map<String, Map<String, Object>> before = null;
        for (ReviewStore.Revision v : revs) {
            Map<String, Map<String, Object>> now = termsOf(v.scenarioId());
            if (before != null) {
                for (Map.Entry<String, Map<String, Object>> e : now.entrySet()) {
                    if (!e.getValue().equals(before.get(e.getKey()))) {
                        since.put(e.getKey(), v.revision());
                    }
                }
            }
            before = now;
        }
        return since;
    }

    /** Each agency's terms in a scenario's plan (empty when the scenario is gone). */
    private Map<String, Map<String, Object>> termsOf(long scenarioId) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        scenarios.plan(scenarioId).ifPresent(p -> p.agencies().forEach(a -> out.put(a.code(), terms(a))));
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
        List<ReviewStore.Revision> revs = store.revisions(r.id());
        int revision = revs.isEmpty() ? 1 : revs.get(revs.size() - 1).revision();
        List<Change> changes = new ArrayList<>();
        if (revs.size() > 1) {
            Map<String, Object> before = termsOf(revs.get(revs.size() - 2).scenarioId()).get(code);
            terms(a).forEach((field, after) -> {
                Object was = before == null ? null : before.get(field);
                if (!java.util.Objects.equals(was, after)) {
                    changes.add(new Change(field, was, after));
                }
            });
        }
        ReviewStore.Response current = answers(r).get(code);
        List<ReviewStore.Response> earlier = store.responses(r.id()).stream()
                .filter(x -> x.agency().equals(code) && (current == null || x.id() != current.id())).toList();
        List<ReviewStore.Reply> replies = store.replies(r.id()).stream().filter(x -> x.agency().equals(code)).toList();
        return new Packet(code, spend.map(AgencyAnalysis::name).orElse(code), spend.map(AgencyAnalysis::annualSpendIdr).orElse(0L),
                spend.map(x -> x.down() == null ? null : x.down().q()).orElse(null),
                spend.map(x -> x.up() == null ? null : x.up().q()).orElse(null),
                a.decision().code(), a.reason(), a.cirDownBps(), a.mirDownBps(), a.cirUpBps(), a.mirUpBps(), a.cutoverDate(),
                central && served != null ? served.down() : null, central && served != null ? served.up() : null,
                central && served != null ? served.downFailed() : null, central && served != null ? served.upFailed() : null,
                s.failedProvider(), s.plan().savingsAnnualIdr(), revision, changes, services(data, s.plan(), a),
                current, earlier, replies);
    }

    /**
     * The agency's hosted services, each with the runbook's steps that name it (prepare, cutover,
     * verify, rollback), from the same generator the migration uses; no steps for a local agency
     * or one without a cutover date.
     */
    private static List<ServiceLine> services(Dataset data, Plan plan, AgencyDecision a) {
        Runbook book = null;
        if (a.decision() == Decision.CENTRAL && a.cutoverDate() != null && data.agency(a.code()).isPresent()) {
            try {
                book = RunbookGenerator.of(data, plan, new Cutover(a.code(), a.code(), a.cutoverDate(), null, false,
                        List.of(), false, MigrationStatus.PLANNED, 0, 0, List.of()));
            } catch (MigrationInputException e) {
                book = null; // the packet still lists the services; the migration page says what is missing
            }
        }
        List<ServiceLine> out = new ArrayList<>();
        for (OnlineService svc : data.servicesOf(a.code())) {
            List<Text> steps = new ArrayList<>();
            if (book != null) {
                for (RunbookSection section : book.sections()) {
                    for (ChecklistItem item : section.items()) {
                        if (item.id().endsWith("." + svc.name())) {
                            steps.add(item.text());
                        }
                    }
                }
            }
            out.add(new ServiceLine(svc.name(), svc.criticality().code(), svc.hostname(), svc.publicIp(), steps));
        }
        return out;
    }

    /** The agency's operator answers; a later answer replaces an earlier one as the agency's answer. */
    @Transactional
    ReviewStore.Response answer(ReviewStore.Round r, String code, String decision, String comment, String name,
                                String nip, String title, ReviewStore.Needs needs, String by) {
        if (!r.open()) {
            throw new Refused(null, null, "closed");
        }
        if (!answers(r).containsKey(code)) {
            throw new NotFound("agency " + code + " in review " + r.id());
        }
        if (!"agree".equals(decision) && !"object".equals(decision)) {
            throw new Refused("decision", decision, "decision");
        }
        String c = comment == null ? "" : comment.strip();
        if (c.length() > 4000 || ("object".equals(decision) && c.isEmpty())) {
            throw new Refused("comment", comment, "comment");
        }
        String n = text("signerName", name, 200);
        String t = text("signerTitle", title, 200);
        String nipDigits = nip == null ? "" : nip.replace(" ", "");
        if (!nipDigits.matches("[0-9]{18}")) {
            throw new Refused("signerNip", nip, "signerNip");
        }
        ReviewStore.Needs stated = needs(needs);
        List<ReviewStore.Revision> revs = store.revisions(r.id());
        int revision = revs.isEmpty() ? 1 : revs.get(revs.size() - 1).revision();
        long id = store.answer(r.id(), code, revision, decision, c, n, nipDigits, t, stated, by, clock.instant());
        ReviewStore.Response saved = store.responses(r.id()).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        events.publishEvent(new AuditableChange("review.answer", "review_response", r.id() + "/" + code, null, saved, by));
        List<String> to = accounts.all().stream().filter(u -> u.role() == Role.ENGINEER || u.role() == Role.ADMIN)
                .map(UserAccount::email).toList();
        mail.send(to, "[Padu] " + code + " menjawab " + ("agree".equals(decision) ? "setuju" : "keberatan") + ": " + r.title(),
                code + " menjawab " + decision + " (" + n + ", " + t + ").\n" + c + "\n\nBuka Padu: /reviews/" + r.id());
        return saved;
    }

    /**
     * Puts the open round on a revised scenario (a planner re-ran it after an objection). The
     * packets then show what changed; agencies whose terms changed answer again, and their
     * operators are told.
     */
    @Transactional
    ReviewStore.Round revise(ReviewStore.Round r, Long scenarioId, String note, String by) {
        if (!r.open()) {
            throw new Refused(null, null, "closed");
        }
        if (scenarioId == null || scenarios.plan(scenarioId).isEmpty()) {
            throw new Refused("scenarioId", scenarioId, "scenario.unknown", scenarioId);
        }
        if (scenarioId == r.scenarioId()) {
            throw new Refused("scenarioId", scenarioId, "scenario.same");
        }
        String n = text("note", note, 2000);
        Map<String, Map<String, Object>> before = termsOf(r.scenarioId());
        Map<String, Map<String, Object>> after = termsOf(scenarioId);
        List<ReviewStore.Revision> revs = store.revisions(r.id());
        int revision = (revs.isEmpty() ? 1 : revs.get(revs.size() - 1).revision()) + 1;
        store.revise(r.id(), revision, scenarioId, n, by, clock.instant());
        ReviewStore.Round revised = store.round(r.id()).orElseThrow();
        events.publishEvent(new AuditableChange("review.revise", "review_round", Long.toString(r.id()), r, revised, by));
        java.util.Set<String> changed = new java.util.HashSet<>();
        after.forEach((code, t) -> {
            if (!t.equals(before.get(code))) {
                changed.add(code);
            }
        });
        List<String> to = accounts.all().stream().filter(u -> u.role() == Role.AGENCY_OPERATOR && u.agencyCode() != null
                && changed.contains(u.agencyCode())).map(UserAccount::email).toList();
        mail.send(to, "[Padu] Rencana direvisi: " + r.title(), "Diskominfo merevisi rencana dalam pembahasan \"" + r.title()
                + "\" (revisi " + revision + "): " + n + "\nUsulan untuk perangkat daerah Anda berubah; mohon baca paketnya"
                + " dan jawab lagi.\n\nBuka Padu: /reviews/" + r.id());
        return revised;
    }

    /** Diskominfo's reply to an agency's newest answer (an objection, mostly); the agency's operators are told. */
    @Transactional
    ReviewStore.Reply reply(ReviewStore.Round r, String code, String comment, String by) {
        if (!answers(r).containsKey(code)) {
            throw new NotFound("agency " + code + " in review " + r.id());
        }
        List<ReviewStore.Response> given = store.responses(r.id()).stream().filter(x -> x.agency().equals(code)).toList();
        if (given.isEmpty()) {
            throw new Refused(null, null, "reply.none", code);
        }
        String c = text("comment", comment, 4000);
        long id = store.reply(r.id(), code, given.get(given.size() - 1).id(), c, by, clock.instant());
        ReviewStore.Reply saved = store.replies(r.id()).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        events.publishEvent(new AuditableChange("review.reply", "review_reply", r.id() + "/" + code, null, saved, by));
        List<String> to = accounts.all().stream().filter(u -> u.role() == Role.AGENCY_OPERATOR
                && code.equals(u.agencyCode())).map(UserAccount::email).toList();
        mail.send(to, "[Padu] Tanggapan Diskominfo: " + r.title(), "Diskominfo menanggapi jawaban " + code + ":\n" + c
                + "\n\nBuka Padu: /reviews/" + r.id() + "/agencies/" + code);
        return saved;
    }

    /**
     * Closes the round by adopting its scenario as the plan of record; agencies that never
     * answered are named in the adoption note, so the record says who was not heard.
     */
    @Transactional
    PlanOfRecord.Version adopt(ReviewStore.Round r, String note, String by) {
        if (!r.open()) {
            throw new Refused(null, null, "closed");
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
        ReviewStore.Round closed = store.round(r.id()).orElseThrow();
        // The minutes as they stand now are kept with the round: the adopted plan's attachment.
        java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
        MinutesPdf.write(closed, agencies(closed), answers(closed), history(closed), replies(closed),
                java.util.Locale.forLanguageTag("id"), pdf);
        store.keepMinutes(r.id(), pdf.toByteArray());
        events.publishEvent(new AuditableChange("review.close", "review_round", Long.toString(r.id()), r,
                store.round(r.id()).orElseThrow(), by));
        return v;
    }

    /** The minutes kept at adoption (Bahasa Indonesia), if the round was closed by adopting. */
    Optional<byte[]> keptMinutes(ReviewStore.Round r) {
        return store.keptMinutes(r.id());
    }

    /** The agency's needs as stated; blank parts become null, each bounded. */
    private static ReviewStore.Needs needs(ReviewStore.Needs in) {
        if (in == null) {
            return ReviewStore.Needs.NONE;
        }
        if (in.staffAtPeak() != null && (in.staffAtPeak() < 0 || in.staffAtPeak() > 1_000_000)) {
            throw new Refused("staffAtPeak", in.staffAtPeak(), "staffAtPeak");
        }
        return new ReviewStore.Needs(optional("needs", in.text(), 4000), in.staffAtPeak(),
                optional("hostedServices", in.hostedServices(), 2000), optional("events", in.events(), 2000));
    }

    private static String optional(String field, String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.length() > max) {
            throw new Refused(field, value, "tooLong", field, max);
        }
        return v.isEmpty() ? null : v;
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
            throw new Refused(field, value, "required", field, max);
        }
        return v;
    }
}
