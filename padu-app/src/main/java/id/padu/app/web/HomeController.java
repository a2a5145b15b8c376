package id.padu.app.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page; the dashboard module may take over {@code /} later. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
