package id.padu.app.gateway;

import id.padu.app.inventory.InventoryService;
import id.padu.app.planning.PlanOfRecord;
import id.padu.app.shared.ApiProblems;
import id.padu.plan.Plan;
import id.padu.shaping.ShapingException;
import id.padu.shaping.ShapingOptions;
import id.padu.shaping.ShapingWarning;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gateway configuration of the live plan of record (the adopted plan with every approved
 * amendment), rendered with the options of {@code padu shape render}: what a gateway script or a
 * configuration-management job fetches, so that an approved request reaches the gateway without a
 * plan file passed by hand.
 */
@RestController
class PlanOfRecordConfigController {

    private final PlanOfRecord record;
    private final InventoryService inventory;
    private final MessageSource messages;

    PlanOfRecordConfigController(PlanOfRecord record, InventoryService inventory, MessageSource messages) {
        this.record = record;
        this.inventory = inventory;
        this.messages = messages;
    }

    @GetMapping("/api/plan-of-record/config")
    @Operation(summary = "The live plan of record rendered for linux-tc, routeros or libreqos (a zip of ShapedDevices.csv "
            + "and network.json)", description = "404 before any adoption; options as `padu shape render`.")
    ResponseEntity<byte[]> config(@RequestParam @Parameter(description = "linux-tc, routeros or libreqos") String target,
                                  @RequestParam(required = false) String wan, @RequestParam(required = false) String ifb,
                                  @RequestParam(required = false) String leaf, @RequestParam(required = false) String mode) {
        Target t = Target.fromCode(target)
                .orElseThrow(() -> ApiProblems.invalid("target", target, "one of linux-tc, routeros, libreqos"));
        Plan live = record.live().orElseThrow(() -> ApiProblems.notFound("no plan has been adopted yet"));
        List<String> errors = new ArrayList<>();
        Optional<ShapingOptions> options = GatewayController.shapingOptions(
                GatewayController.Options.of(wan, ifb, leaf, mode),
                errors, Locale.ENGLISH, messages);
        if (options.isEmpty()) {
            throw ApiProblems.invalid("options", String.join("; ", errors), "bad shaping options");
        }
        try {
            Rendering r = Rendering.of(inventory.current().agencies(), live, options.get());
            MediaType type = MediaType.parseMediaType(t == Target.LIBREQOS ? t.mediaType : t.mediaType + ";charset=UTF-8");
            return ResponseEntity.ok().contentType(type).body(r.download(t));
        } catch (ShapingException e) {
            throw ApiProblems.conflict(ShapingWarning.of(e.key(), e.args().toArray()).message(Locale.ENGLISH));
        }
    }

}
