package id.padu.app.review;

import id.padu.app.planning.PlanOfRecord;
import id.padu.app.security.CurrentUser;
import id.padu.app.shared.ApiProblems;
import id.padu.app.shared.Downloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The review rounds' API, a contract: JSON numbers are plain numbers in bit/s and Rupiah, dates
 * {@code yyyy-mm-dd}. An agency operator sees only its own agency in a round and may read and
 * answer only its own packet.
 */
@RestController
@Tag(name = "reviews", description = "Review rounds with the agencies before a plan is adopted (pembahasan bersama)")
class ReviewApiController {

    private final ReviewService reviews;

    ReviewApiController(ReviewService reviews) {
        this.reviews = reviews;
    }

    record OpenRequest(Long scenarioId, String title, String dueDate) {
    }

    record AgencyAnswer(String code, String decision, String response) {
    }

    record RevisionView(int revision, long scenarioId, String note, String revisedBy, String at) {
    }

    record RoundView(long id, long scenarioId, String title, String dueDate, String status, String openedBy,
                     String openedAt, Integer adoptedVersion, int revision, List<RevisionView> revisions,
                     List<AgencyAnswer> agencies) {
    }

    record ReplyView(String comment, String by, String at) {
    }

    record ResponseView(String decision, String comment, String signerName, String signerNip, String signerTitle,
                        String at, int revision, String needs, Integer staffAtPeak, String hostedServices, String events,
                        List<ReplyView> replies) {

        static ResponseView of(ReviewStore.Response r, List<ReviewStore.Reply> replies) {
            return r == null ? null : new ResponseView(r.decision(), r.comment(), r.signerName(), r.signerNip(),
                    r.signerTitle(), r.answeredAt().toString(), r.revision(), r.needs().text(), r.needs().staffAtPeak(),
                    r.needs().hostedServices(), r.needs().events(), replies.stream().filter(y -> y.responseId() == r.id())
                    .map(y -> new ReplyView(y.comment(), y.repliedBy(), y.repliedAt().toString())).toList());
        }
    }

    record ServiceView(String name, String criticality, String hostname, String publicIp, List<String> runbook) {
    }

    record PacketView(String code, String name, long annualSpendIdr, Long p95DownBps, Long p95UpBps, String decision,
                      String reason, long cirDownBps, long mirDownBps, long cirUpBps, long mirUpBps, String cutoverDate,
                      Double servedFractionDown, Double servedFractionUp, Double servedFractionDownFailed,
                      Double servedFractionUpFailed, String failedProvider, long regencySavingsAnnualIdr, int revision,
                      List<ReviewService.Change> changes, List<ServiceView> services, ResponseView response,
                      List<ResponseView> earlierResponses) {
    }

    record AnswerRequest(String decision, String comment, String signerName, String signerNip, String signerTitle,
                         String needs, Integer staffAtPeak, String hostedServices, String events) {
    }

    record ReviseRequest(Long scenarioId, String note) {
    }

    record ReplyRequest(String comment) {
    }

    record AdoptRequest(String note) {
    }

    @PostMapping(value = "/api/reviews", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open a review round on a scenario")
    ResponseEntity<RoundView> open(@RequestBody OpenRequest body) {
        ReviewStore.Round r = reviews.open(body.scenarioId(), body.title(), body.dueDate(), CurrentUser.name());
        return ResponseEntity.created(URI.create("/api/reviews/" + r.id())).body(view(r));
    }

    @GetMapping("/api/reviews")
    @Operation(summary = "Every round, newest first (an operator sees only its own agency in each)")
    List<RoundView> list() {
        return reviews.rounds().stream().map(this::view).toList();
    }

    @GetMapping("/api/reviews/{id}")
    @Operation(summary = "A round with each agency's decision and answer (an operator: its own agency only)")
    RoundView round(@PathVariable long id) {
        return view(reviews.round(id));
    }

    @GetMapping("/api/reviews/{id}/agencies/{code}")
    @Operation(summary = "One agency's packet: spend, measured Q95, decision, proposed CIR/MIR, cutover, served share, answer")
    PacketView packet(@PathVariable long id, @PathVariable String code) {
        ReviewService.Packet p = reviews.packet(reviews.round(id), code);
        Locale l = LocaleContextHolder.getLocale();
        return new PacketView(p.code(), p.name(), p.annualSpendIdr(), p.p95DownBps(), p.p95UpBps(), p.decision(), p.reason(),
                p.cirDownBps(), p.mirDownBps(), p.cirUpBps(), p.mirUpBps(),
                p.cutoverDate() == null ? null : p.cutoverDate().toString(), p.servedFractionDown(), p.servedFractionUp(),
                p.servedFractionDownFailed(), p.servedFractionUpFailed(), p.failedProvider(), p.regencySavingsAnnualIdr(),
                p.revision(), p.changes(), p.services().stream().map(x -> new ServiceView(x.name(), x.criticality(),
                        x.hostname(), x.publicIp(), x.steps().stream().map(t -> t.format(l)).toList())).toList(),
                ResponseView.of(p.response(), p.replies()),
                p.earlier().stream().map(x -> ResponseView.of(x, p.replies())).toList());
    }

    @PostMapping(value = "/api/reviews/{id}/agencies/{code}/response", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The agency's answer: agree or object, with a comment and the signer (the agency's operator only)")
    ResponseEntity<ResponseView> answer(@PathVariable long id, @PathVariable String code, @RequestBody AnswerRequest body) {
        ReviewStore.Response r = reviews.answer(reviews.round(id), code, body.decision(), body.comment(), body.signerName(),
                body.signerNip(), body.signerTitle(),
                new ReviewStore.Needs(body.needs(), body.staffAtPeak(), body.hostedServices(), body.events()),
                CurrentUser.name());
        return ResponseEntity.status(HttpStatus.CREATED).body(ResponseView.of(r, List.of()));
    }

    @PostMapping(value = "/api/reviews/{id}/agencies/{code}/reply", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Diskominfo's reply to the agency's newest answer (an objection, mostly)")
    ResponseEntity<ReplyView> reply(@PathVariable long id, @PathVariable String code, @RequestBody ReplyRequest body) {
        ReviewStore.Reply y = reviews.reply(reviews.round(id), code, body.comment(), CurrentUser.name());
        return ResponseEntity.status(HttpStatus.CREATED).body(new ReplyView(y.comment(), y.repliedBy(), y.repliedAt().toString()));
    }

    @PostMapping(value = "/api/reviews/{id}/revise", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Put the open round on a revised scenario; agencies whose terms change answer again")
    RoundView revise(@PathVariable long id, @RequestBody ReviseRequest body) {
        return view(reviews.revise(reviews.round(id), body.scenarioId(), body.note(), CurrentUser.name()));
    }

    @GetMapping("/api/reviews/{id}/agencies/{code}/minutes.pdf")
    @Operation(summary = "One agency's minutes: its terms, answer, signer, needs, earlier answers and the replies")
    ResponseEntity<byte[]> agencyMinutes(@PathVariable long id, @PathVariable String code,
                                         @RequestParam(defaultValue = "id") String lang) {
        ReviewStore.Round r = reviews.round(id);
        ReviewService.Packet p = reviews.packet(r, code);
        List<ReviewStore.Response> history = reviews.history(r).stream().filter(x -> x.agency().equals(code)).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MinutesPdf.writeAgency(r, p, history, locale(lang), out);
        return Downloads.attachment("berita-acara-pembahasan-" + id + "-" + code + ".pdf", MediaType.APPLICATION_PDF)
                .body(out.toByteArray());
    }

    @GetMapping("/api/reviews/{id}/minutes.pdf")
    @Operation(summary = "The minutes (berita acara kesepakatan): every agency's answer, signer, date and comments")
    ResponseEntity<byte[]> minutes(@PathVariable long id, @RequestParam(defaultValue = "id") String lang) {
        ReviewStore.Round r = reviews.round(id);
        Locale l = locale(lang);
        // A closed round answers the minutes kept at adoption, the plan's attachment; other languages are rendered.
        Optional<byte[]> kept = l.getLanguage().equals("id") ? reviews.keptMinutes(r) : Optional.empty();
        byte[] pdf = kept.orElseGet(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MinutesPdf.write(r, reviews.agencies(r), reviews.answers(r), reviews.history(r), reviews.replies(r), l, out);
            return out.toByteArray();
        });
        return Downloads.attachment("berita-acara-pembahasan-" + id + ".pdf", MediaType.APPLICATION_PDF).body(pdf);
    }

    private static Locale locale(String lang) {
        return "en".equalsIgnoreCase(lang) ? Locale.ENGLISH : Locale.forLanguageTag("id");
    }

    @PostMapping(value = "/api/reviews/{id}/adopt", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Close the round by adopting its scenario as the plan of record")
    Map<String, Object> adopt(@PathVariable long id, @RequestBody(required = false) AdoptRequest body) {
        PlanOfRecord.Version v = reviews.adopt(reviews.round(id), body == null ? null : body.note(), CurrentUser.name());
        return Map.of("version", v.version(), "scenarioId", v.scenarioId(), "note", v.note());
    }

    private RoundView view(ReviewStore.Round r) {
        Optional<String> only = CurrentUser.agencyScope();
        Map<String, ReviewStore.Response> answers = reviews.answers(r);
        List<AgencyAnswer> agencies = new ArrayList<>();
        reviews.agencies(r).forEach(a -> {
            if (only.isEmpty() || only.get().equals(a.code())) {
                ReviewStore.Response x = answers.get(a.code());
                agencies.add(new AgencyAnswer(a.code(), a.decision().code(), x == null ? null : x.decision()));
            }
        });
        List<RevisionView> revisions = reviews.revisions(r).stream().map(v -> new RevisionView(v.revision(), v.scenarioId(),
                v.note(), v.revisedBy(), v.revisedAt().toString())).toList();
        return new RoundView(r.id(), r.scenarioId(), r.title(), r.dueDate().toString(), r.status(), r.openedBy(),
                r.openedAt().toString(), r.adoptedVersion(), revisions.isEmpty() ? 1 : revisions.get(revisions.size() - 1).revision(),
                revisions, agencies);
    }

    @ExceptionHandler(ReviewService.Refused.class)
    ErrorResponseException refused(ReviewService.Refused e) {
        if (e.field == null) {
            return ApiProblems.conflict(e.text(LocaleContextHolder.getLocale()));
        }
        return ApiProblems.invalid(e.field, e.value, e.text(LocaleContextHolder.getLocale()));
    }

    @ExceptionHandler(ReviewService.NotFound.class)
    ErrorResponseException notFound(ReviewService.NotFound e) {
        return ApiProblems.notFound(e.getMessage());
    }
}
