package id.padu.app.security;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every user's own API tokens as a page (for scripts, Prometheus scrapers, a NOC's tools): create
 * one with a name, see its token exactly once, see when each was last used, revoke it.
 */
@Controller
class TokensPages {

    private final ApiTokens tokens;

    TokensPages(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/tokens")
    String list(Principal me, Model model) {
        model.addAttribute("tokens", tokens.list(me.getName()));
        model.addAttribute("now", java.time.Instant.now());
        return "security/tokens";
    }

    @PostMapping("/tokens")
    String create(Principal me, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String expiresInDays,
                  @RequestParam(defaultValue = "false") boolean readOnly, RedirectAttributes redirect) {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty() || n.length() > 200) {
            redirect.addFlashAttribute("problemKey", "tokens.nameRequired");
            return "redirect:/tokens";
        }
        Integer days = null;
        if (expiresInDays != null && !expiresInDays.isBlank()) {
            try {
                days = Integer.valueOf(expiresInDays.trim());
            } catch (NumberFormatException e) {
                days = -1;
            }
            if (days < 1 || days > ApiTokens.MAX_DAYS) {
                redirect.addFlashAttribute("problemKey", "tokens.daysRange");
                return "redirect:/tokens";
            }
        }
        // Shown once on the next page only (a flash attribute), never stored in clear.
        redirect.addFlashAttribute("created", tokens.create(me.getName(), n, days, readOnly));
        return "redirect:/tokens";
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(Principal me, @PathVariable long id, RedirectAttributes redirect) {
        if (tokens.revoke(me.getName(), id)) {
            redirect.addFlashAttribute("revoked", id);
        } else {
            redirect.addFlashAttribute("problemKey", "tokens.notFound");
        }
        return "redirect:/tokens";
    }
}
