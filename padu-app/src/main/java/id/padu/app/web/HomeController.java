package id.padu.app.web;

import id.padu.app.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /} opens the dashboard (an operator's: their agency's page): the spend and demand picture is what a planner comes for. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        // An agency operator's start page is their agency's page; the regency-wide one is not theirs.
        return CurrentUser.agencyScope().map(code -> "redirect:/dashboard/agencies/" + code).orElse("redirect:/dashboard");
    }
}
