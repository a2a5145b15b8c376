package id.padu.app.review;

import id.padu.app.planning.ScenarioPackets;
import id.padu.app.security.CurrentUser;
import id.padu.app.security.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review pages (menu "Pembahasan"): the rounds, a round's progress per agency for Diskominfo,
 * and an agency's packet with its operator's answer form. An operator sees only its own agency;
 * the forms are shown only to those who may send them.
 */
@Controller
class ReviewPages {

    private final ReviewService reviews;
    private final ScenarioPackets scenarios;

    ReviewPages(ReviewService reviews, ScenarioPackets scenarios) {
        this.reviews = reviews;
        this.scenarios = scenarios;
    }

    /** One agency's line of the progress view. */
    record Progress(String code, String decision, ReviewStore.Response answer) {
    }

    @GetMapping("/reviews")
    String list(Model model) {
        model.addAttribute("rounds", reviews.rounds());
        return "review/list";
    }

    @PostMapping("/reviews")
    String open(@RequestParam long scenarioId, @RequestParam(required = false) String title,
                @RequestParam(required = false) String dueDate, RedirectAttributes redirect) {
        try {
            ReviewStore.Round r = reviews.open(scenarioId, title, dueDate, CurrentUser.name());
            return "redirect:/reviews/" + r.id();
        } catch (ReviewService.Refused e) {
            redirect.addFlashAttribute("adoptProblem", e.text(LocaleContextHolder.getLocale()));
            return "redirect:/planning/scenarios/" + scenarioId;
        }
    }

    @GetMapping("/reviews/{id}")
    String round(@PathVariable long id, Model model) {
        ReviewStore.Round r = round(id);
        Optional<String> only = CurrentUser.agencyScope();
        Map<String, ReviewStore.Response> answers = reviews.answers(r);
        List<Progress> rows = new ArrayList<>();
        reviews.agencies(r).stream().filter(a -> only.isEmpty() || only.get().equals(a.code()))
                .forEach(a -> rows.add(new Progress(a.code(), a.decision().code(), answers.get(a.code()))));
        model.addAttribute("r", r);
        model.addAttribute("rows", rows);
        model.addAttribute("mayAdopt", r.open() && technical());
        model.addAttribute("revisions", reviews.revisions(r));
        if (r.open() && technical()) {
            model.addAttribute("scenarios", scenarios.named().stream().filter(x -> x.id() != r.scenarioId()).toList());
        }
        model.addAttribute("mayReadMinutes", CurrentUser.role().map(x -> x != Role.AGENCY_OPERATOR).orElse(false));
        return "review/round";
    }

    @GetMapping("/reviews/{id}/agencies/{code}")
    String packet(@PathVariable long id, @PathVariable String code, Model model) {
        ReviewStore.Round r = round(id);
        model.addAttribute("r", r);
        model.addAttribute("p", packetOr404(r, code));
        model.addAttribute("mayAnswer", r.open() && CurrentUser.agencyScope().map(code::equals).orElse(false));
        model.addAttribute("mayReply", r.open() && technical());
        return "review/packet";
    }

    @PostMapping("/reviews/{id}/agencies/{code}/response")
    String answer(@PathVariable long id, @PathVariable String code, @RequestParam(required = false) String decision,
                  @RequestParam(required = false) String comment, @RequestParam(required = false) String signerName,
                  @RequestParam(required = false) String signerNip, @RequestParam(required = false) String signerTitle,
                  @RequestParam(required = false) String needs, @RequestParam(required = false) String staffAtPeak,
                  @RequestParam(required = false) String hostedServices, @RequestParam(required = false) String events,
                  RedirectAttributes redirect) {
        try {
            reviews.answer(round(id), code, decision, comment, signerName, signerNip, signerTitle,
                    new ReviewStore.Needs(needs, staff(staffAtPeak), hostedServices, events), CurrentUser.name());
            redirect.addFlashAttribute("answered", true);
        } catch (ReviewService.Refused e) {
            redirect.addFlashAttribute("problem", e.text(LocaleContextHolder.getLocale()));
        } catch (ReviewService.NotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/reviews/" + id + "/agencies/" + code;
    }

    @PostMapping("/reviews/{id}/agencies/{code}/reply")
    String reply(@PathVariable long id, @PathVariable String code, @RequestParam(required = false) String comment,
                 RedirectAttributes redirect) {
        try {
            reviews.reply(round(id), code, comment, CurrentUser.name());
            redirect.addFlashAttribute("replied", true);
        } catch (ReviewService.Refused e) {
            redirect.addFlashAttribute("problem", e.text(LocaleContextHolder.getLocale()));
        } catch (ReviewService.NotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/reviews/" + id + "/agencies/" + code;
    }

    @PostMapping("/reviews/{id}/revise")
    String revise(@PathVariable long id, @RequestParam(required = false) Long scenarioId,
                  @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            reviews.revise(round(id), scenarioId, note, CurrentUser.name());
            redirect.addFlashAttribute("revised", true);
        } catch (ReviewService.Refused e) {
            redirect.addFlashAttribute("problem", e.text(LocaleContextHolder.getLocale()));
        }
        return "redirect:/reviews/" + id;
    }

    @PostMapping("/reviews/{id}/adopt")
    String adopt(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            reviews.adopt(round(id), note, CurrentUser.name());
            redirect.addFlashAttribute("adopted", true);
        } catch (ReviewService.Refused e) {
            redirect.addFlashAttribute("problem", e.text(LocaleContextHolder.getLocale()));
        }
        return "redirect:/reviews/" + id;
    }

    private ReviewStore.Round round(long id) {
        try {
            return reviews.round(id);
        } catch (ReviewService.NotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private ReviewService.Packet packetOr404(ReviewStore.Round r, String code) {
        try {
            return reviews.packet(r, code);
        } catch (ReviewService.NotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** The staff count as typed: blank is none; anything but a whole number is refused by its field name. */
    private static Integer staff(String typed) {
        String v = typed == null ? "" : typed.strip().replace(".", "");
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new ReviewService.Refused("staffAtPeak", typed, "staffAtPeak");
        }
    }

    private static boolean technical() {
        return CurrentUser.role().map(x -> x == Role.ADMIN || x == Role.ENGINEER).orElse(false);
    }
}
