package id.padu.app.alerts;

import id.padu.app.security.CurrentUser;
import id.padu.app.shared.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The alerts over the API: the fields of {@link AlertJson} (the contract of {@code padu alerts}),
 * then the alert's life: {@code id}, {@code state} ({@code open}, {@code resolved}),
 * {@code openedAt}, {@code resolvedAt}, and the acknowledgement ({@code acknowledgedBy},
 * {@code acknowledgedAt}, {@code note}). An agency's operator sees its own agency's alerts only.
 */
@RestController
@Tag(name = "alerts", description = "Alerts on the shared network: uplink busy, agencies at their ceiling, no data, contracts")
class AlertsApiController {

    private final Alerts alerts;
    private final AlertMonitor monitor;

    AlertsApiController(Alerts alerts, AlertMonitor monitor) {
        this.alerts = alerts;
        this.monitor = monitor;
    }

    record AlertView(String rule, String agency, String direction, Number value, Number threshold, String since,
                     String message, String subject, long id, String state, String openedAt, String resolvedAt,
                     String acknowledgedBy, String acknowledgedAt, String note) {

        static AlertView of(AlertStore.Row r, Locale l) {
            return new AlertView(r.rule(), r.agency(), r.direction(), AlertJson.number(r.value()), AlertJson.number(r.threshold()),
                    time(r.since()), r.message(l), r.subject(), r.id(), r.state(), time(r.openedAt()), time(r.resolvedAt()),
                    r.ackBy(), time(r.ackAt()), r.ackNote());
        }

        private static String time(java.time.Instant t) {
            return t == null ? null : AlertJson.time(t.getEpochSecond());
        }
    }

    record AckRequest(String note) {
    }

    @GetMapping("/api/alerts")
    @Operation(summary = "Open alerts (state=open, the default), resolved ones (state=resolved) or both (state=all)")
    Map<String, Object> list(@RequestParam(defaultValue = "open") String state) {
        if (!List.of("open", "resolved", "all").contains(state)) {
            throw ApiProblems.invalid("state", state, "open, resolved or all");
        }
        Locale l = LocaleContextHolder.getLocale();
        return Map.of("alerts", alerts.visible().stream().filter(r -> state.equals("all") || r.state().equals(state))
                .map(r -> AlertView.of(r, l)).toList());
    }

    @GetMapping("/api/alerts/{id}")
    @Operation(summary = "One alert")
    AlertView one(@PathVariable long id) {
        return AlertView.of(alerts.find(id), LocaleContextHolder.getLocale());
    }

    @PostMapping(value = "/api/alerts/{id}/acknowledge", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Acknowledge an open alert with a note (who and when are recorded)")
    AlertView acknowledge(@PathVariable long id, @RequestBody(required = false) AckRequest body) {
        return AlertView.of(alerts.acknowledge(id, body == null ? null : body.note(), CurrentUser.name()),
                LocaleContextHolder.getLocale());
    }

    @PostMapping("/api/alerts/evaluate")
    @Operation(summary = "Evaluate the rules now (the server does so every 5 minutes)")
    AlertMonitor.Result evaluate() {
        return monitor.evaluate();
    }

    @ExceptionHandler(Alerts.Refused.class)
    ErrorResponseException refused(Alerts.Refused e) {
        return e.field == null ? ApiProblems.conflict(e.getMessage()) : ApiProblems.invalid(e.field, null, e.getMessage());
    }

    @ExceptionHandler(Alerts.NotFound.class)
    ErrorResponseException notFound(Alerts.NotFound e) {
        return ApiProblems.notFound(e.getMessage());
    }
}
