package id.padu.app.usage;

import id.padu.app.shared.ApiProblems;
import id.padu.app.shared.DurationText;
import id.padu.domain.UsageSeries;
import id.padu.domain.Wib;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponseException;

/** {@code GET /api/agencies/{code}/usage}: a range of measured usage, averaged on the server. */
@RestController
@RequestMapping("/api/agencies/{code}/usage")
@Tag(name = "usage", description = "Measured usage per agency")
class UsageApiController {

    static final int MAX_POINTS = 200_000;
    /** WIB is UTC+7 all year (no daylight saving). */
    static final int WIB_OFFSET_SECONDS = 7 * 3600;

    private final UsageStore store;

    UsageApiController(UsageStore store) {
        this.store = store;
    }

    /**
     * @param downBps one value per step, null where nothing was measured
     */
    record UsageResponse(String agency, Instant from, Instant to, int nativeStepSeconds, int stepSeconds,
                         List<Instant> time, List<Long> downBps, List<Long> upBps) {
    }

    @GetMapping
    @Operation(summary = "Usage of one agency in [from, to), averaged to the step",
            description = "from/to: ISO instant (2025-03-03T08:00:00+07:00) or date (midnight WIB); default the "
                    + "last 7 days with data. step: seconds or 5m/1h/1d; buckets are aligned to multiples of the "
                    + "step on the WIB clock (1d = a WIB day), each the mean of its measured samples (null when none).")
    UsageResponse usage(@PathVariable String code,
                        @Parameter(example = "2025-03-01") @RequestParam(required = false) String from,
                        @Parameter(example = "2025-04-01") @RequestParam(required = false) String to,
                        @Parameter(example = "1h") @RequestParam(required = false) String step) {
        if (!store.agencyExists(code)) {
            throw ApiProblems.notFound("agency " + code + " not found");
        }
        Instant end = to != null ? instant("to", to) : store.extent(code).map(e -> e[1]).orElse(Instant.EPOCH);
        Instant start = from != null ? instant("from", from) : end.minus(Duration.ofDays(7));
        if (!start.isBefore(end)) {
            throw bad("to", to, "must be after from");
        }
        int stepSeconds = step == null ? 0 : stepSeconds(step);
        UsageSeries raw = store.read(code, start, end).orElseThrow();
        UsageSeries s = stepSeconds > 0 ? Downsampling.average(raw, stepSeconds, WIB_OFFSET_SECONDS) : raw;
        if (s.size() > MAX_POINTS) {
            throw bad("step", step, "more than " + MAX_POINTS + " points; choose a larger step");
        }
        List<Instant> time = new ArrayList<>(s.size());
        List<Long> down = new ArrayList<>(s.size());
        List<Long> up = new ArrayList<>(s.size());
        for (int i = 0; i < s.size(); i++) {
            time.add(Instant.ofEpochSecond(s.timeOf(i)));
            down.add(s.downBps()[i] == UsageSeries.MISSING ? null : s.downBps()[i]);
            up.add(s.upBps()[i] == UsageSeries.MISSING ? null : s.upBps()[i]);
        }
        return new UsageResponse(code, start, end, raw.stepSeconds(), s.stepSeconds(), time, down, up);
    }

    static Instant instant(String name, String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(Wib.ZONE).toInstant();
            }
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw bad(name, text, "expected yyyy-mm-dd or an ISO-8601 time with offset");
        }
    }

    static int stepSeconds(String text) {
        Duration step = DurationText.parse(text).filter(d -> d.getNano() == 0)
                .orElseThrow(() -> bad("step", text, "expected seconds or a number with s, m, h or d"));
        if (step.getSeconds() > 366L * 86_400) {
            throw bad("step", text, "must be between 1 second and 366 days");
        }
        return (int) step.getSeconds();
    }

    static ErrorResponseException bad(String field, String value, String message) {
        return ApiProblems.invalid(field, value, message);
    }
}
