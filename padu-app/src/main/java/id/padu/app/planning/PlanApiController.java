package id.padu.app.planning;

import id.padu.app.shared.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/plans}: the stored scenarios, a new run with settings overrides, and a scenario's
 * plan in the JSON contract of {@code padu plan --format json}.
 */
@RestController
@RequestMapping("/api/plans")
@Tag(name = "plans", description = "Consolidation planning: scenarios, runs, plans (JSON of `padu plan --format json`)")
class PlanApiController {

    /** How long a POST waits before it answers 202 and the client polls the run. */
    static final long WAIT_MILLIS = 2000;

    private final PlanRuns runs;
    private final ScenarioRepository scenarios;

    PlanApiController(PlanRuns runs, ScenarioRepository scenarios) {
        this.runs = runs;
        this.scenarios = scenarios;
    }

    /** A stored scenario without its plan body. */
    record ScenarioSummary(long id, String name, String createdBy, Instant createdAt, long dataVersion,
                           Map<String, String> settings, long statusQuoAnnualIdr, long planAnnualIdr, long savingsAnnualIdr,
                           long oneOffCostIdr, Double paybackMonths, int centralAgencies, int uplinks, boolean optimal,
                           double gap, String plan) {

        static ScenarioSummary of(Scenario s) {
            return new ScenarioSummary(s.id(), s.name(), s.createdBy(), s.createdAt(), s.dataVersion(), s.settings(),
                    s.plan().statusQuoAnnualIdr(), s.plan().planAnnualIdr(), s.plan().savingsAnnualIdr(),
                    s.plan().oneOffCostIdr(), s.plan().paybackMonths(), (int) s.centralCount(), s.plan().uplinks().size(),
                    s.plan().optimal(), s.plan().gap(), "/api/plans/" + s.id());
        }
    }

    /** A run request: a scenario name and plan.* settings overriding the stored ones. */
    record RunRequest(
            @Schema(description = "Scenario name; empty: a name with date and time") String name,
            @Schema(description = "plan.* keys of settings.csv, e.g. {\"plan.growth\": \"0.3\"}; values as in settings.csv",
                    example = "{\"plan.growth\": \"0.3\", \"plan.redundancy\": \"dual\"}") Map<String, Object> settings,
            @Schema(description = "Safety net: the search stops after this many seconds even if its effort is not "
                    + "spent (the plan then says stoppedBy time), 1 to 3600 s; empty: 60", example = "120") Integer timeLimitSeconds) {
    }

    /** A run as its client polls it. */
    record RunStatus(String runId, String status, Long scenarioId, String plan, String error, Instant submittedAt,
                     Instant startedAt, Instant finishedAt) {

        static RunStatus of(PlanRuns.Run r, Locale locale) {
            return new RunStatus(r.id(), r.status().name().toLowerCase(Locale.ROOT), r.scenarioId(),
                    r.scenarioId() == null ? null : "/api/plans/" + r.scenarioId(),
                    r.status() == PlanRuns.Status.FAILED ? r.error(locale) : null, r.submittedAt(), r.startedAt(), r.finishedAt());
        }
    }

    @GetMapping
    @Operation(summary = "Stored scenarios, newest first (figures of each plan, without the plan body)")
    List<ScenarioSummary> list() {
        return scenarios.all().stream().map(ScenarioSummary::of).toList();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Run the planner on the stored data with settings overrides; the result is stored as a scenario",
            description = "Settings are checked with the rules of settings.csv (400 with errors [{field, value, message}]). "
                    + "Answers 201 with the run (scenarioId, plan URL) when the plan is ready within a moment, else 202 with "
                    + "the run to poll at GET /api/plans/runs/{runId}. A dataset that admits no plan (e.g. plan.scope=all with "
                    + "an agency without a link) gives status 'failed' with the reason.",
            responses = {@ApiResponse(responseCode = "201", description = "Done (or failed: see status and error)"),
                    @ApiResponse(responseCode = "202", description = "Still running: poll the run"),
                    @ApiResponse(responseCode = "400", description = "A setting is invalid")})
    ResponseEntity<RunStatus> run(@RequestBody(required = false) RunRequest request, Principal user) {
        Map<String, String> values = new LinkedHashMap<>();
        if (request != null && request.settings() != null) {
            request.settings().forEach((k, v) -> values.put(k, v == null ? "" : v.toString()));
        }
        Integer limit = request == null ? null : request.timeLimitSeconds();
        if (limit != null && (limit < 1 || limit > PlanRuns.MAX_TIME_LIMIT_SECONDS)) {
            throw ApiProblems.invalid("timeLimitSeconds", limit.toString(), "expected 1 to " + PlanRuns.MAX_TIME_LIMIT_SECONDS);
        }
        PlanRuns.Run run;
        try {
            run = runs.submit(request == null ? null : request.name(), values, user == null ? "?" : user.getName(),
                    limit == null ? PlanRuns.DEFAULT_TIME_LIMIT_SECONDS : limit);
        } catch (PlanSettings.Invalid e) {
            throw ApiProblems.invalid("settings." + e.key, e.value, e.message(LocaleContextHolder.getLocale()));
        } catch (PlanRuns.NoData e) {
            throw ApiProblems.conflict(e.getMessage());
        }
        PlanRuns.Run now = runs.await(run.id(), WAIT_MILLIS);
        RunStatus body = RunStatus.of(now, LocaleContextHolder.getLocale());
        URI runUrl = URI.create("/api/plans/runs/" + now.id());
        if (now.status() == PlanRuns.Status.DONE) {
            return ResponseEntity.created(URI.create(body.plan())).body(body);
        }
        if (now.status() == PlanRuns.Status.FAILED) {
            return ResponseEntity.status(HttpStatus.CREATED).location(runUrl).body(body);
        }
        return ResponseEntity.accepted().location(runUrl).body(body);
    }

    @GetMapping("/runs/{runId}")
    @Operation(summary = "A run: queued, running, done (with scenarioId and plan URL) or failed (with the reason)")
    RunStatus runStatus(@PathVariable String runId) {
        PlanRuns.Run r = runs.get(runId);
        if (r == null) {
            throw ApiProblems.notFound("no run " + runId + " (runs are kept in memory until the server restarts)");
        }
        return RunStatus.of(r, LocaleContextHolder.getLocale());
    }

    @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A scenario's plan in the JSON contract of `padu plan --format json`",
            description = "statusQuoAnnualIdr, planAnnualIdr, savingsAnnualIdr, oneOffCostIdr, paybackMonths, requiredDownBps, "
                    + "requiredUpBps, optimal, gap, uplinks[] (provider, product, downMbps, upMbps, monthlyCostIdr, "
                    + "installCostIdr), agencies[] (code, decision central|local, cirDownBps, mirDownBps, cirUpBps, mirUpBps, "
                    + "cutoverDate, reason), plus lowerBoundIdr, exitPenaltiesIdr, installCostIdr and years[]. "
                    + "`padu simulate DIR --plan` reads it as it is.",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                    schema = @Schema(type = "object"))))
    ResponseEntity<byte[]> plan(@PathVariable @Parameter(description = "scenario id") long id) {
        Scenario s = scenarios.find(id).orElseThrow(() -> ApiProblems.notFound("no scenario " + id));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(s.json());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a scenario")
    ResponseEntity<Void> delete(@PathVariable long id) {
        if (!scenarios.delete(id)) {
            throw ApiProblems.notFound("no scenario " + id);
        }
        return ResponseEntity.noContent().build();
    }
}
