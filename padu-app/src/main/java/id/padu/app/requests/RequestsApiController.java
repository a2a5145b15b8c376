package id.padu.app.requests;

import id.padu.app.planning.PlanOfRecord;



import org.springframework.context.i18n.LocaleContextHolder;

import org.springframework.context.MessageSource;

import id.padu.app.shared.ApiProblems;
import id.padu.domain.BitRate;
import java.net.URI;
import java.util.List;
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
 * Bandwidth requests. An operator files for their agency
 * ({@code POST /api/agencies/{code}/requests} with {@code downCirBps}, {@code downMirBps},
 * {@code upCirBps}, {@code upMirBps}, {@code reason}); an engineer previews the effect
 * ({@code GET /api/requests/{id}/preview}) and approves or declines with a {@code note}.
 */
@RestController
class RequestsApiController {

    private final RequestService requests;

    private final MessageSource messages;

    RequestsApiController(RequestService requests, MessageSource messages) {
        this.messages = messages;
        this.requests = requests;
    }

    record NewRequest(Long downCirBps, Long downMirBps, Long upCirBps, Long upMirBps, String reason) {
    }

    record Decision(String note) {
    }

    @ExceptionHandler(RequestService.NotFound.class)
    ErrorResponseException notFound(RequestService.NotFound e) {
        return ApiProblems.notFound(e.getMessage());
    }

    @ExceptionHandler(PlanOfRecord.Refused.class)
    ErrorResponseException refused(PlanOfRecord.Refused e) {
        return ApiProblems.conflict(messages.getMessage(e.key(), e.args(), e.key(), LocaleContextHolder.getLocale()));
    }

    @ExceptionHandler(RequestService.AgencyGone.class)
    ErrorResponseException agencyGone(RequestService.AgencyGone e) {
        return ApiProblems.conflict(e.getMessage());
    }

    @ExceptionHandler(RequestService.AlreadyDecided.class)
    ErrorResponseException decided(RequestService.AlreadyDecided e) {
        return ApiProblems.conflict(e.getMessage());
    }

    @GetMapping("/api/requests")
    List<BandwidthRequest> list() {
        return requests.visible();
    }

    @GetMapping("/api/agencies/{code}/requests")
    List<BandwidthRequest> ofAgency(@PathVariable String code) {
        return requests.ofAgency(code);
    }

    @PostMapping("/api/agencies/{code}/requests")
    ResponseEntity<BandwidthRequest> file(@PathVariable String code, @RequestBody NewRequest body) {
        if (body == null || body.reason() == null || body.reason().isBlank() || body.reason().length() > 2000) {
            throw ApiProblems.invalid("reason", body == null ? null : body.reason(), "a reason of 1 to 2000 characters");
        }
        Allocation wanted;
        try {
            wanted = new Allocation(req(body.downCirBps(), "downCirBps"), req(body.downMirBps(), "downMirBps"),
                    req(body.upCirBps(), "upCirBps"), req(body.upMirBps(), "upMirBps"));
            BandwidthRequest r = requests.file(code, wanted, body.reason().trim()).request();
            return ResponseEntity.created(URI.create("/api/requests/" + r.id())).body(r);
        } catch (IllegalArgumentException e) {
            throw ApiProblems.invalid("body", null, e.getMessage());
        }
    }

    private static long req(Long v, String field) {
        if (v == null) {
            throw ApiProblems.invalid(field, null, "required, bits per second");
        }
        return bounded(v, field);
    }

    /** A rate from 0 to {@link BitRate#MAX_BPS} (1 Tbit/s), the bound of every rate in Padu. */
    private static long bounded(long v, String field) {
        if (v < 0 || v > BitRate.MAX_BPS) {
            throw ApiProblems.invalid(field, v, "bits per second from 0 to " + BitRate.MAX_BPS + " (1 Tbit/s)");
        }
        return v;
    }

    @GetMapping("/api/requests/{id}")
    BandwidthRequest one(@PathVariable long id) {
        return requests.find(id).orElseThrow(() -> new RequestService.NotFound(id));
    }

    @GetMapping("/api/requests/{id}/preview")
    AllocationPreview.Preview preview(@PathVariable long id,
                                      @RequestParam(defaultValue = "0") long capacityDownBps,
                                      @RequestParam(defaultValue = "0") long capacityUpBps) {
        return requests.preview(id, bounded(capacityDownBps, "capacityDownBps"), bounded(capacityUpBps, "capacityUpBps"));
    }

    @PostMapping("/api/requests/{id}/approve")
    BandwidthRequest approve(@PathVariable long id, @RequestBody(required = false) Decision body) {
        return requests.approve(id, body == null ? null : body.note());
    }

    @PostMapping("/api/requests/{id}/decline")
    BandwidthRequest decline(@PathVariable long id, @RequestBody(required = false) Decision body) {
        if (body == null || body.note() == null || body.note().isBlank()) {
            throw ApiProblems.invalid("note", null, "a declined request needs a note saying why");
        }
        return requests.decline(id, body.note().trim());
    }

    @GetMapping("/api/agencies/{code}/allocation")
    Allocation allocation(@PathVariable String code) {
        return requests.allocation(code);
    }
}
