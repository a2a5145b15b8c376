package id.padu.app.planning;

import id.padu.app.security.CurrentUser;
import id.padu.app.shared.ApiProblems;
import id.padu.domain.BitRate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The plan of record over the API: adopt a scenario, read the live plan (the adopted one with the
 * amendments since, in the JSON contract of {@code padu plan --format json}), its versions and
 * amendments, and amend an agency's allocation.
 */
@RestController
@Tag(name = "plan of record", description = "The adopted plan and the live allocation every feature follows")
class PlanOfRecordApiController {

    private final PlanOfRecord record;
    private final MessageSource messages;

    PlanOfRecordApiController(PlanOfRecord record, MessageSource messages) {
        this.record = record;
        this.messages = messages;
    }

    record AdoptRequest(@Schema(description = "why this plan, for the record (1 to 2000 characters)") String note) {
    }

    record VersionView(int version, long scenarioId, String scenario, String note, String adoptedBy, Instant adoptedAt,
                       boolean inForce) {
    }

    record AmendRequest(String agency, Long cirDownBps, Long mirDownBps, Long cirUpBps, Long mirUpBps, String reason) {
    }

    @PostMapping(value = "/api/plans/{id}/adopt", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Adopt a scenario as the plan of record (ditetapkan); the previous version is superseded")
    VersionView adopt(@PathVariable long id, @RequestBody(required = false) AdoptRequest body) {
        try {
            PlanOfRecord.Version v = record.adopt(id, body == null ? null : body.note(), CurrentUser.name());
            return view(v, true);
        } catch (PlanOfRecord.Refused e) {
            throw "por.noScenario".equals(e.key()) ? ApiProblems.notFound(text(e)) : ApiProblems.invalid("note",
                    body == null ? null : body.note(), text(e));
        }
    }

    @GetMapping(value = "/api/plan-of-record", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The live plan: the adopted plan with the approved amendments since, in the JSON of `padu plan`",
            description = "404 before any adoption. `padu simulate`, `shape render` and `migrate plan` read it as it is.")
    ResponseEntity<byte[]> live() {
        return record.live().map(p -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(PlanOfRecord.json(p)))
                .orElseThrow(() -> ApiProblems.notFound("no plan has been adopted yet"));
    }

    @GetMapping("/api/plan-of-record/versions")
    @Operation(summary = "Every adoption, newest first")
    List<VersionView> versions() {
        List<PlanOfRecord.Version> all = record.versions();
        return all.stream().map(v -> view(v, v == all.get(0))).toList();
    }

    @GetMapping("/api/plan-of-record/amendments")
    @Operation(summary = "The amendments under the version in force, oldest first")
    List<PlanOfRecord.Amendment> amendments() {
        return record.amendments();
    }

    @PostMapping(value = "/api/plan-of-record/amendments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a central agency's CIR/MIR in the live plan (an engineer's edit)",
            description = "Refused with 409 and a sentence naming the shortfall when the guarantees no longer fit in the "
                    + "uplinks' capacity less plan.reserve, or a MIR is below its CIR or above the uplinks.")
    ResponseEntity<PlanOfRecord.Amendment> amend(@RequestBody AmendRequest body) {
        String agency = required("agency", body.agency());
        String reason = required("reason", body.reason());
        long cd = bps("cirDownBps", body.cirDownBps());
        long md = bps("mirDownBps", body.mirDownBps());
        long cu = bps("cirUpBps", body.cirUpBps());
        long mu = bps("mirUpBps", body.mirUpBps());
        try {
            PlanOfRecord.Amendment a = record.amend(agency, cd, md, cu, mu, "edit", reason, CurrentUser.name());
            return ResponseEntity.created(URI.create("/api/plan-of-record/amendments")).body(a);
        } catch (PlanOfRecord.Refused e) {
            throw ApiProblems.conflict(text(e));
        }
    }

    private VersionView view(PlanOfRecord.Version v, boolean inForce) {
        return new VersionView(v.version(), v.scenarioId(), v.scenario(), v.note(), v.adoptedBy(), v.adoptedAt(), inForce);
    }

    private String text(PlanOfRecord.Refused e) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(e.key(), e.args(), e.key(), locale);
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank() || value.length() > 2000) {
            throw ApiProblems.invalid(field, value, "required, 1 to 2000 characters");
        }
        return value.strip();
    }

    /** Rates up to {@link BitRate#MAX_BPS} (1 Tbit/s), the bound of every rate in Padu. */
    private static long bps(String field, Long value) {
        if (value == null || value < 0 || value > BitRate.MAX_BPS) {
            throw ApiProblems.invalid(field, value, "a whole number of bit/s from 0 to " + BitRate.MAX_BPS);
        }
        return value;
    }

}
