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

    record RoundView(long id, long scenarioId, String title, String dueDate, String status, String openedBy,
                     String openedAt, Integer adoptedVersion, List<AgencyAnswer> agencies) {
    }

    record ResponseView(String decision, String comment, String signerName, String signerNip, String signerTitle,
                        String at) {

        static ResponseView of(ReviewStore.Response r) {
            return r == null ? null : new ResponseView(r.decision(), r.comment(), r.signerName(), r.signerNip(),
                    r.signerTitle(), r.answeredAt().toString());
        }
    }

    record PacketView(String code, String name, long annualSpendIdr, Long p95DownBps, Long p95UpBps, String decision,
                      String reason, long cirDownBps, long mirDownBps, long cirUpBps, long mirUpBps, String cutoverDate,
                      Double servedFractionDown, Double servedFractionUp, Double servedFractionDownFailed,
                      Double servedFractionUpFailed, String failedProvider, ResponseView response) {
    }

    record AnswerRequest(String decision, String comment, String signerName, String signerNip, String signerTitle) {
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
        return new PacketView(p.code(), p.name(), p.annualSpendIdr(), p.p95DownBps(), p.p95UpBps(), p.decision(), p.reason(),
                p.cirDownBps(), p.mirDownBps(), p.cirUpBps(), p.mirUpBps(),
                p.cutoverDate() == null ? null : p.cutoverDate().toString(), p.servedFractionDown(), p.servedFractionUp(),
                p.servedFractionDownFailed(), p.servedFractionUpFailed(), p.failedProvider(), ResponseView.of(p.response()));
    }

    @PostMapping(value = "/api/reviews/{id}/agencies/{code}/response", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The agency's answer: agree or object, with a comment and the signer (the agency's operator only)")
    ResponseEntity<ResponseView> answer(@PathVariable long id, @PathVariable String code, @RequestBody AnswerRequest body) {
        ReviewStore.Response r = reviews.answer(reviews.round(id), code, body.decision(), body.comment(), body.signerName(),
                body.signerNip(), body.signerTitle(), CurrentUser.name());
        return ResponseEntity.status(HttpStatus.CREATED).body(ResponseView.of(r));
    }

    @GetMapping("/api/reviews/{id}/minutes.pdf")
    @Operation(summary = "The minutes (berita acara kesepakatan): every agency's answer, signer, date and comments")
    ResponseEntity<byte[]> minutes(@PathVariable long id, @RequestParam(defaultValue = "id") String lang) {
        ReviewStore.Round r = reviews.round(id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MinutesPdf.write(r, reviews.agencies(r), reviews.answers(r), reviews.history(r),
                "en".equalsIgnoreCase(lang) ? Locale.ENGLISH : Locale.forLanguageTag("id"), out);
        return Downloads.attachment("berita-acara-pembahasan-" + id + ".pdf", MediaType.APPLICATION_PDF).body(out.toByteArray());
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
        return new RoundView(r.id(), r.scenarioId(), r.title(), r.dueDate().toString(), r.status(), r.openedBy(),
                r.openedAt().toString(), r.adoptedVersion(), agencies);
    }

    @ExceptionHandler(ReviewService.Refused.class)
    ErrorResponseException refused(ReviewService.Refused e) {
        if (e.field == null) {
            return ApiProblems.conflict(e.getMessage());
        }
        return ApiProblems.invalid(e.field, e.value, e.getMessage());
    }

    @ExceptionHandler(ReviewService.NotFound.class)
    ErrorResponseException notFound(ReviewService.NotFound e) {
        return ApiProblems.notFound(e.getMessage());
    }
}
