package id.padu.app.alerts;

import id.padu.app.security.CurrentUser;
import id.padu.app.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The alerts page (menu "Peringatan"): open alerts with their acknowledgement, then the history. */
@Controller
class AlertsPages {

    private final Alerts alerts;

    AlertsPages(Alerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/alerts")
    String list(Model model) {
        model.addAttribute("rows", alerts.visible());
        model.addAttribute("mayAcknowledge", CurrentUser.role().map(r -> r == Role.ADMIN || r == Role.ENGINEER).orElse(false));
        return "alerts/list";
    }

    @PostMapping("/alerts/{id}/acknowledge")
    String acknowledge(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            alerts.acknowledge(id, note, CurrentUser.name());
            redirect.addFlashAttribute("acknowledged", id);
        } catch (Alerts.Refused e) {
            redirect.addFlashAttribute("problem", e.field == null ? "alerts.problem.state" : "alerts.problem.note");
        } catch (Alerts.NotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/alerts";
    }
}
