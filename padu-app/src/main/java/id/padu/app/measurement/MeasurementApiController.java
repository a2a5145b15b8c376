package id.padu.app.measurement;

import id.padu.domain.Wib;

import id.padu.app.shared.Downloads;

import id.padu.app.measurement.MeasuredSeries.Point;
import id.padu.app.measurement.MeasuredSeries.Series;
import id.padu.app.shared.ApiProblems;
import id.padu.dataset.UsageCsvWriter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/measurements/{code}}: what the server's collectors measured for one agency, as
 * JSON or ({@code .csv}, {@code ?format=csv}) in the dataset's usage format, ready for a dataset
 * folder's {@code usage/} and {@code padu analyze}.
 */
@RestController
@Tag(name = "measurements", description = "Usage measured by the server's SNMP pollers and flow listeners")
class MeasurementApiController {

    static final int MAX_POINTS = 200_000;
    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final MeasuredSeries series;
    private final MeasurementStore store;

    MeasurementApiController(MeasuredSeries series, MeasurementStore store) {
        this.series = series;
        this.store = store;
    }

    /**
     * @param resolution     {@code 1m}, {@code 5m} or {@code 1h}
     * @param source         {@code snmp}, {@code flow} or {@code any}
     * @param points         measured buckets only, in time order
     */
    record MeasurementResponse(String agency, Instant from, Instant to, String resolution, int resolutionSeconds,
                               String source, List<PointResponse> points) {
    }

    /**
     * @param time           start of the bucket
     * @param source         the source this bucket's rates come from
     * @param coveredSeconds seconds of the bucket the source measured; the rates are bytes x 8 over them
     */
    record PointResponse(Instant time, long downBps, long upBps, String source, long coveredSeconds) {
    }

    static final String RANGE_DOC = "from/to: ISO-8601 time with offset (2026-03-03T08:00:00+07:00) or a date "
            + "(midnight WIB); default the last 24 hours. Buckets that start in [from, to) and that a source measured; "
            + "buckets nobody measured are absent, never zero. resolution: 1m, 5m, 1h or auto (the finest resolution "
            + "whose retention still reaches back to from). source: snmp, flow or any (per bucket SNMP when it measured "
            + "the bucket, else flows; the two are never added). Rates: bytes x 8 / covered seconds.";

    @GetMapping("/api/measurements/{code}")
    @Operation(summary = "Measured usage of one agency in [from, to) at a resolution", description = RANGE_DOC
            + " format=csv answers as the .csv endpoint.")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = MeasurementResponse.class)),
            @Content(mediaType = "text/csv")})
    ResponseEntity<?> measurements(@PathVariable String code,
                                   @Parameter(example = "2026-03-02") @RequestParam(required = false) String from,
                                   @Parameter(example = "2026-03-03") @RequestParam(required = false) String to,
                                   @Parameter(example = "auto") @RequestParam(required = false, defaultValue = "auto") String resolution,
                                   @Parameter(example = "any") @RequestParam(required = false, defaultValue = "any") String source,
                                   @Parameter(example = "json") @RequestParam(required = false, defaultValue = "json") String format) {
        String f = format.trim().toLowerCase(Locale.ROOT);
        if (!f.equals("json") && !f.equals("csv")) {
            throw ApiProblems.invalid("format", format, "expected json or csv");
        }
        Series s = read(code, from, to, resolution, source);
        if (f.equals("csv")) {
            return csv(s);
        }
        List<PointResponse> points = s.points().stream()
                .map(p -> new PointResponse(Instant.ofEpochSecond(p.start()), p.downBps(), p.upBps(),
                        MeasurementStore.code(p.source()), p.coveredSeconds()))
                .toList();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new MeasurementResponse(code,
                Instant.ofEpochSecond(s.from()), Instant.ofEpochSecond(s.to()), s.resolution().label(),
                s.resolution().seconds(), s.source().map(MeasurementStore::code).orElse("any"), points));
    }

    // No "produces": an error (400, 404) must still be answered as problem+json.
    @GetMapping("/api/measurements/{code}.csv")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv"))
    @Operation(summary = "Measured usage of one agency in the dataset's usage format",
            description = "Columns agency,time,down_bps,up_bps, times at WIB (+07:00), one row per measured bucket "
                    + "(the step is the resolution); put it into a dataset folder's usage/ for padu analyze. " + RANGE_DOC)
    ResponseEntity<String> measurementsCsv(@PathVariable String code,
                                           @Parameter(example = "2026-03-02") @RequestParam(required = false) String from,
                                           @Parameter(example = "2026-03-03") @RequestParam(required = false) String to,
                                           @Parameter(example = "5m") @RequestParam(required = false, defaultValue = "auto") String resolution,
                                           @Parameter(example = "any") @RequestParam(required = false, defaultValue = "any") String source) {
        return csv(read(code, from, to, resolution, source));
    }

    private Series read(String code, String from, String to, String resolution, String source) {
        if (!store.agencyExists(code)) {
            throw ApiProblems.notFound("agency " + code + " not found");
        }
        Optional<MeasurementSource> only = switch (source.trim().toLowerCase(Locale.ROOT)) {
            case "any" -> Optional.empty();
            case "snmp" -> Optional.of(MeasurementSource.SNMP);
            case "flow" -> Optional.of(MeasurementSource.FLOW);
            default -> throw ApiProblems.invalid("source", source, "expected snmp, flow or any");
        };
        Instant end = to != null ? instant("to", to) : series.now();
        Instant start = from != null ? instant("from", from) : end.minus(Duration.ofDays(1));
        if (!start.isBefore(end)) {
            throw ApiProblems.invalid("to", to, "must be after from");
        }
        Resolution r = resolution.trim().equalsIgnoreCase("auto") ? series.finestRetained(start)
                : Resolution.ofLabel(resolution).orElseThrow(
                        () -> ApiProblems.invalid("resolution", resolution, "expected 1m, 5m, 1h or auto"));
        long buckets = (end.getEpochSecond() - start.getEpochSecond()) / r.seconds();
        if (buckets > MAX_POINTS) {
            throw ApiProblems.invalid("resolution", resolution, "more than " + MAX_POINTS
                    + " buckets in the range; choose a coarser resolution or a shorter range");
        }
        return series.read(code, start, end, r, only);
    }

    private static ResponseEntity<String> csv(Series s) {
        StringBuilder out = new StringBuilder(32 + s.points().size() * 48);
        UsageCsvWriter usage = new UsageCsvWriter();
        out.append(UsageCsvWriter.HEADER).append('\n');
        for (Point p : s.points()) {
            out.append(usage.line(s.agency(), p.start(), p.downBps(), p.upBps())).append('\n');
        }
        return Downloads.attachment(s.agency() + ".csv", CSV).body(out.toString());
    }

    static Instant instant(String name, String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(Wib.ZONE).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiProblems.invalid(name, text, "expected yyyy-mm-dd or an ISO-8601 time with offset");
        }
    }
}
