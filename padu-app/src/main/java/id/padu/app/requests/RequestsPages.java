package id.padu.app.requests;

import id.padu.app.planning.PlanOfRecord;

import id.padu.app.inventory.InventoryService;
import id.padu.app.security.CurrentUser;
import id.padu.app.security.Role;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.http.HttpStatus;

/**
 * The bandwidth request pages: an agency's operator files a request in Mbps with a reason and
 * follows it; an engineer sees every agency's requests, the effect on everyone sharing the uplink
 * (the same replay as the API's preview) and approves or declines with a note. Who may do what
 * is decided by {@code AccessRules}; an operator reaching another agency's request gets "not found".
 */
@Controller
class RequestsPages {

    private static final BigDecimal MEGA = BigDecimal.valueOf(1_000_000);
    /** {@link id.padu.domain.BitRate#MAX_BPS} (1 Tbit/s) in Mbps: the most a rate typed here may be. */
    private static final BigDecimal MAX_MBPS = BigDecimal.valueOf(id.padu.domain.BitRate.MAX_BPS, 6);

    private final RequestService requests;
    private final InventoryService inventory;
    private final MessageSource messages;

    RequestsPages(RequestService requests, InventoryService inventory, MessageSource messages) {
        this.requests = requests;
        this.inventory = inventory;
        this.messages = messages;
    }

    @GetMapping("/requests")
    String list(Model model) {
        model.addAttribute("requests", requests.visible());
        model.addAttribute("ownAgency", CurrentUser.agencyScope().orElse(null));
        return "requests/list";
    }

    @GetMapping("/agencies/{code}/requests/new")
    String form(@PathVariable String code, Model model) {
        var agency = inventory.agency(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("agency", agency);
        model.addAttribute("current", requests.allocation(code));
        return "requests/new";
    }

    @PostMapping("/agencies/{code}/requests")
    String file(@PathVariable String code, @RequestParam String downCirMbps, @RequestParam String downMirMbps,
                @RequestParam String upCirMbps, @RequestParam String upMirMbps, @RequestParam String reason,
                RedirectAttributes redirect) {
        try {
            long downCir = bps("downCir", downCirMbps), downMir = bps("downMir", downMirMbps);
            long upCir = bps("upCir", upCirMbps), upMir = bps("upMir", upMirMbps);
            if (downMir < downCir || upMir < upCir) {
                throw new IllegalArgumentException(text("req.mirBelowCir"));
            }
            Allocation wanted = new Allocation(downCir, downMir, upCir, upMir);
            String why = reason == null ? "" : reason.trim();
            if (why.isEmpty() || why.length() > 2000) {
                throw new IllegalArgumentException(text("req.reasonRequired"));
            }
            RequestService.Filed filed = requests.file(code, wanted, why);
            BandwidthRequest r = filed.request();
            redirect.addFlashAttribute("filed", r.id());
            redirect.addFlashAttribute("mailed", filed.mailed());
            return "redirect:/requests/" + r.id();
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            redirect.addFlashAttribute("entered", new Entered(downCirMbps, downMirMbps, upCirMbps, upMirMbps, reason));
            return "redirect:/agencies/" + code + "/requests/new";
        }
    }

    /** What the user typed, given back with the error so nothing has to be typed twice. */
    record Entered(String downCirMbps, String downMirMbps, String upCirMbps, String upMirMbps, String reason) {
    }

    @GetMapping("/requests/{id}")
    String detail(@PathVariable long id, @RequestParam Optional<BigDecimal> capacityDownMbps,
                  @RequestParam Optional<BigDecimal> capacityUpMbps, Model model) {
        BandwidthRequest r = requests.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("request", r);
        model.addAttribute("current", requests.allocation(r.agency()));
        boolean mayDecide = CurrentUser.role().map(role -> role == Role.ADMIN || role == Role.ENGINEER).orElse(false);
        model.addAttribute("mayDecide", mayDecide);
        if (mayDecide) {
            // A capacity beyond 0 .. 1 Tbit/s is not used (the default one is) and the page says so.
            long capDown = capacity(capacityDownMbps, "req.capacityDown", model);
            long capUp = capacity(capacityUpMbps, "req.capacityUp", model);
            model.addAttribute("preview", requests.preview(id, capDown, capUp));
        }
        return "requests/detail";
    }

    @PostMapping("/requests/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            requests.approve(id, note == null || note.isBlank() ? null : note.trim());
            redirect.addFlashAttribute("decided", "APPROVED");
        } catch (RequestService.AlreadyDecided e) {
            redirect.addFlashAttribute("problem", text("req.alreadyDecided"));
        } catch (RequestService.AgencyGone e) {
            redirect.addFlashAttribute("problem", text("req.agencyGone", e.agency));
        } catch (PlanOfRecord.Refused e) {
            redirect.addFlashAttribute("problem", messages.getMessage(e.key(), e.args(), e.key(),
                    LocaleContextHolder.getLocale()));
        }
        return "redirect:/requests/" + id;
    }

    @PostMapping("/requests/{id}/decline")
    String decline(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        if (note == null || note.isBlank()) {
            redirect.addFlashAttribute("problem", text("req.noteRequired"));
            return "redirect:/requests/" + id;
        }
        try {
            requests.decline(id, note.trim());
            redirect.addFlashAttribute("decided", "DECLINED");
        } catch (RequestService.AlreadyDecided e) {
            redirect.addFlashAttribute("problem", text("req.alreadyDecided"));
        }
        return "redirect:/requests/" + id;
    }

    private long capacity(Optional<BigDecimal> mbps, String label, Model model) {
        if (mbps.isEmpty()) {
            return 0;
        }
        BigDecimal v = mbps.get();
        if (v.signum() < 0 || v.compareTo(MAX_MBPS) > 0) {
            model.addAttribute("problem", text("req.badRate", text(label), v.toPlainString()));
            return 0;
        }
        return v.multiply(MEGA).longValue();
    }

    /** A rate typed in Mbps ("12,5" or "12.5"), as bps; a clear message naming the field otherwise. */
    private long bps(String field, String mbps) {
        String label = text("req." + field);
        String s = mbps == null ? "" : mbps.trim().replace(',', '.');
        try {
            BigDecimal v = new BigDecimal(s);
            if (v.signum() < 0 || v.compareTo(MAX_MBPS) > 0) {
                throw new NumberFormatException();
            }
            return v.multiply(MEGA).longValue();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(text("req.badRate", label, mbps == null ? "" : mbps));
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
