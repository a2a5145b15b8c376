package id.padu.app.collection;

import id.padu.app.collection.CollectionInput.Conflict;
import id.padu.app.collection.CollectionInput.Invalid;
import id.padu.app.collection.CollectionInput.ListenerInput;
import id.padu.app.collection.CollectionInput.TargetInput;
import id.padu.app.collection.CollectionStore.ListenerRow;
import id.padu.app.collection.CollectionStore.TargetRow;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages: {@code /collection} (targets and listeners: add, edit, disable, delete, import a
 * targets.csv) and {@code /collection/status} (refreshed by htmx). Secret fields are password
 * inputs that are never filled in; "(tersimpan)" says one is set, empty keeps it.
 */
@Controller
class CollectionPages {

    private final CollectionService service;
    private final CollectionRuntime runtime;

    CollectionPages(CollectionService service, CollectionRuntime runtime) {
        this.service = service;
        this.runtime = runtime;
    }

    @GetMapping("/collection")
    String list(Model model) {
        model.addAttribute("targets", service.targets());
        model.addAttribute("listeners", service.listeners());
        return "collection/collection";
    }

    // ---- targets

    @GetMapping("/collection/targets/new")
    String newTarget(Model model) {
        model.addAttribute("target", null);
        model.addAttribute("form", Map.of("port", "161", "version", "2c", "wanDirection", "in-is-down", "kind", "agency"));
        return "collection/target-form";
    }

    @GetMapping("/collection/targets/{id}/edit")
    String editTarget(@PathVariable long id, Model model) {
        TargetRow t = service.target(id);
        model.addAttribute("target", t);
        model.addAttribute("form", formOf(t));
        return "collection/target-form";
    }

    @PostMapping("/collection/targets")
    String createTarget(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            TargetRow t = service.createTarget(targetInput(form, null));
            redirect.addFlashAttribute("saved", t.label() + " " + t.host());
            return "redirect:/collection";
        } catch (Invalid | Conflict e) {
            return targetFormAgain(null, form, e, model);
        }
    }

    @PostMapping("/collection/targets/{id}")
    String updateTarget(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
                        RedirectAttributes redirect) {
        TargetRow before = service.target(id);
        try {
            TargetRow t = service.updateTarget(id, targetInput(form, before));
            redirect.addFlashAttribute("saved", t.label() + " " + t.host());
            return "redirect:/collection";
        } catch (Invalid | Conflict e) {
            return targetFormAgain(before, form, e, model);
        }
    }

    @PostMapping("/collection/targets/{id}/enabled")
    String targetEnabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        TargetRow t = service.setTargetEnabled(id, enabled);
        redirect.addFlashAttribute("saved", t.label() + " " + t.host());
        return "redirect:/collection";
    }

    @PostMapping("/collection/targets/{id}/delete")
    String deleteTarget(@PathVariable long id, RedirectAttributes redirect) {
        TargetRow t = service.target(id);
        service.deleteTarget(id);
        redirect.addFlashAttribute("deleted", t.label() + " " + t.host());
        return "redirect:/collection";
    }

    @PostMapping("/collection/targets/import")
    String importTargets(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        try {
            List<TargetRow> added = service.importTargets(file.getBytes(), file.getOriginalFilename());
            redirect.addFlashAttribute("imported", added.size());
        } catch (Invalid e) {
            redirect.addFlashAttribute("errors", e.errors);
        } catch (Conflict e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/collection";
    }

    private String targetFormAgain(TargetRow target, Map<String, String> form, RuntimeException e, Model model) {
        model.addAttribute("target", target);
        return formAgain("collection/target-form", form, e, model);
    }

    /** The form again with what was typed and why it was refused (field errors, or a conflict). */
    private static String formAgain(String view, Map<String, String> form, RuntimeException e, Model model) {
        model.addAttribute("form", form);
        if (e instanceof Invalid invalid) {
            model.addAttribute("errors", invalid.errors);
        } else {
            model.addAttribute("problem", e.getMessage());
        }
        return view;
    }

    private static Map<String, String> formOf(TargetRow t) {
        return Map.ofEntries(Map.entry("agency", nz(t.agency())), Map.entry("host", t.host()),
                Map.entry("port", Integer.toString(t.port())), Map.entry("version", t.version()), Map.entry("user", nz(t.user())),
                Map.entry("authProtocol", nz(t.authProtocol())), Map.entry("privProtocol", nz(t.privProtocol())),
                Map.entry("iface", t.iface()), Map.entry("wanDirection", t.wanDirection()), Map.entry("kind", t.kind()),
                Map.entry("provider", nz(t.provider())), Map.entry("product", nz(t.product())));
    }

    /** An empty password field keeps the stored secret; the "remove" box removes it. */
    private static TargetInput targetInput(Map<String, String> f, TargetRow before) {
        Integer port = null;
        try {
            port = f.get("port") == null || f.get("port").isBlank() ? null : Integer.valueOf(f.get("port").trim());
        } catch (NumberFormatException e) {
            port = -1;
        }
        return new TargetInput(f.get("agency"), f.get("host"), port, f.get("version"),
                secret(f, "community"), f.get("user"), f.get("authProtocol"), secret(f, "authKey"),
                f.get("privProtocol"), secret(f, "privKey"), f.get("iface"), f.get("wanDirection"),
                before == null ? Boolean.valueOf(f.containsKey("enabled")) : null, f.get("kind"), f.get("provider"),
                f.get("product"));
    }

    private static String secret(Map<String, String> f, String name) {
        if (f.containsKey(name + "Remove")) {
            return "";
        }
        String v = f.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    // ---- listeners

    @GetMapping("/collection/listeners/new")
    String newListener(Model model) {
        model.addAttribute("listener", null);
        model.addAttribute("form", Map.of("bindAddress", "0.0.0.0", "port", "2055", "receiveThreads", "2",
                "receiveBuffer", Integer.toString(CollectionService.DEFAULT_RECEIVE_BUFFER)));
        return "collection/listener-form";
    }

    @GetMapping("/collection/listeners/{id}/edit")
    String editListener(@PathVariable long id, Model model) {
        ListenerRow l = service.listener(id);
        model.addAttribute("listener", l);
        model.addAttribute("form", Map.of("name", l.name(), "bindAddress", l.bindAddress(), "port", Integer.toString(l.port()),
                "receiveThreads", Integer.toString(l.receiveThreads()), "receiveBuffer", Integer.toString(l.receiveBuffer())));
        return "collection/listener-form";
    }

    @PostMapping("/collection/listeners")
    String createListener(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            ListenerRow l = service.createListener(listenerInput(form, true));
            redirect.addFlashAttribute("saved", l.name());
            return "redirect:/collection";
        } catch (Invalid | Conflict e) {
            return listenerFormAgain(null, form, e, model);
        }
    }

    @PostMapping("/collection/listeners/{id}")
    String updateListener(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
                          RedirectAttributes redirect) {
        ListenerRow before = service.listener(id);
        try {
            ListenerRow l = service.updateListener(id, listenerInput(form, false));
            redirect.addFlashAttribute("saved", l.name());
            return "redirect:/collection";
        } catch (Invalid | Conflict e) {
            return listenerFormAgain(before, form, e, model);
        }
    }

    @PostMapping("/collection/listeners/{id}/enabled")
    String listenerEnabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        redirect.addFlashAttribute("saved", service.setListenerEnabled(id, enabled).name());
        return "redirect:/collection";
    }

    @PostMapping("/collection/listeners/{id}/delete")
    String deleteListener(@PathVariable long id, RedirectAttributes redirect) {
        String name = service.listener(id).name();
        service.deleteListener(id);
        redirect.addFlashAttribute("deleted", name);
        return "redirect:/collection";
    }

    private String listenerFormAgain(ListenerRow listener, Map<String, String> form, RuntimeException e, Model model) {
        model.addAttribute("listener", listener);
        return formAgain("collection/listener-form", form, e, model);
    }

    private static ListenerInput listenerInput(Map<String, String> f, boolean creating) {
        return new ListenerInput(f.get("name"), f.get("bindAddress"), number(f.get("port")), number(f.get("receiveThreads")),
                number(f.get("receiveBuffer")), creating ? Boolean.valueOf(f.containsKey("enabled")) : null);
    }

    private static Integer number(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // ---- status

    @GetMapping("/collection/status")
    String status(Model model) {
        model.addAttribute("targets", runtime.targetStatus());
        model.addAttribute("listeners", runtime.listenerStatus());
        return "collection/status";
    }

    @GetMapping("/collection/status/fragment")
    String statusFragment(Model model) {
        status(model);
        return "collection/status :: tables";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
