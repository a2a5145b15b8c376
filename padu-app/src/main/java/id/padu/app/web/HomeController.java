package id.padu.app.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /} opens the dashboard: the spend and demand picture is what a planner comes for. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "redirect:/dashboard";
    }
}
