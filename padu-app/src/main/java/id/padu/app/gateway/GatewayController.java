package id.padu.app.gateway;

import id.padu.app.shared.Downloads;

import id.padu.app.planning.PlanFiles;
import id.padu.app.inventory.InventoryService;
import id.padu.plan.Decision;
import id.padu.plan.Plan;
import id.padu.shaping.LeafQdisc;
import id.padu.shaping.RouterOsMode;
import id.padu.shaping.ShapingException;
import id.padu.shaping.ShapingOptions;
import id.padu.shaping.ShapingWarning;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/** The gateway page: take a plan, render, download, mark as applied with a diff, counters. */
@Controller
class GatewayController {

    /** The options of {@code padu shape render}, bound from the query or form (blank = default). */
    record Options(String wan, String ifb, String leaf, String mode) {

        /** From request parameters, blank meaning "the default". */
        static Options of(String wan, String ifb, String leaf, String mode) {
            return new Options(blankToNull(wan), blankToNull(ifb), blankToNull(leaf), blankToNull(mode));
        }

        public String wanOrBlank() {
            return wan == null ? "" : wan;
        }

        public String ifbOrDefault() {
            return ifb == null || ifb.isBlank() ? ShapingOptions.DEFAULT_IFB : ifb;
        }

        public String leafOrDefault() {
            return leaf == null || leaf.isBlank() ? LeafQdisc.FQ_CODEL.code() : leaf;
        }

        public String modeOrDefault() {
            return mode == null || mode.isBlank() ? "tree" : mode;
        }

        /** How the configuration was rendered, stored beside it. */
        String describe() {
            return "wan-if=" + (wan == null || wan.isBlank() ? "(default)" : wan) + " ifb-if=" + ifbOrDefault()
                    + " leaf=" + leafOrDefault() + " routeros-mode=" + modeOrDefault();
        }

        String query() {
            return UriComponentsBuilder.newInstance().queryParam("wan", wanOrBlank()).queryParam("ifb", ifbOrDefault())
                    .queryParam("leaf", leafOrDefault()).queryParam("mode", modeOrDefault()).build().encode().toUriString();
        }
    }

    /** What the page shows of one target. */
    record TargetView(String code, String fileName, String content, List<String> diff, AppliedConfigs.Applied applied) {
        public boolean unchanged() {
            return applied != null && diff.isEmpty();
        }
    }

    private final WorkingPlans plans;
    private final InventoryService inventory;
    private final AppliedConfigs applied;
    private final CountersImport counters;
    private final AgencyLoads loads;
    private final MessageSource messages;
    private final Clock clock = Clock.systemUTC();

    GatewayController(WorkingPlans plans, InventoryService inventory, AppliedConfigs applied, CountersImport counters,
                      AgencyLoads loads, MessageSource messages) {
        this.plans = plans;
        this.inventory = inventory;
        this.applied = applied;
        this.counters = counters;
        this.loads = loads;
        this.messages = messages;
    }

    @ModelAttribute("opts")
    Options options(@RequestParam(required = false) String wan, @RequestParam(required = false) String ifb,
                    @RequestParam(required = false) String leaf, @RequestParam(required = false) String mode) {
        return Options.of(wan, ifb, leaf, mode);
    }

    @GetMapping("/gateway")
    String page(@ModelAttribute("opts") Options opts, Principal user, Model model) {
        fill(model, opts, user);
        return "gateway/gateway";
    }

    /** Polled by the page while a plan is being computed; a finished plan reloads the page. */
    @GetMapping("/gateway/status")
    String status(Principal user, Model model, HttpServletResponse response) {
        WorkingPlans.Taken t = plans.get(user.getName());
        if (t == null || t.status() != WorkingPlans.Status.PENDING) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("taken", t);
        return "gateway/gateway :: pending";
    }

    @PostMapping("/gateway/plan")
    String upload(@RequestParam("plan") MultipartFile file, @ModelAttribute("opts") Options opts, Principal user, Model model,
                  HttpServletResponse response) throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "plan.json" : file.getOriginalFilename();
        try (InputStream in = file.getInputStream()) {
            Plan plan = PlanFiles.read(in, name);
            plans.uploaded(user.getName(), plan, name);
        } catch (PlanFiles.PlanFileException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("planError", e.message(locale));
            fill(model, opts, user);
            return "gateway/gateway";
        }
        return "redirect:/gateway" + opts.query();
    }

    @PostMapping("/gateway/plan/compute")
    String compute(@ModelAttribute("opts") Options opts, Principal user) {
        plans.compute(user.getName(), LocaleContextHolder.getLocale());
        return "redirect:/gateway" + opts.query();
    }

    /** Back from an uploaded or computed plan to the plan of record. */
    @PostMapping("/gateway/plan/record")
    String backToRecord(@ModelAttribute("opts") Options opts, Principal user) {
        plans.backToRecord(user.getName());
        return "redirect:/gateway" + opts.query();
    }

    @GetMapping("/gateway/download/{target}")
    ResponseEntity<byte[]> download(@PathVariable String target, @ModelAttribute("opts") Options opts, Principal user) {
        Target t = Target.fromCode(target).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, target));
        Rendering r = renderOrFail(opts, user);
        MediaType type = MediaType.parseMediaType(t == Target.LIBREQOS ? t.mediaType : t.mediaType + ";charset=UTF-8");
        return Downloads.attachment(t.fileName, type).body(r.download(t));
    }

    @PostMapping("/gateway/applied")
    String markApplied(@RequestParam String target, @ModelAttribute("opts") Options opts, Principal user) throws IOException {
        Target t = Target.fromCode(target).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, target));
        Rendering r = renderOrFail(opts, user);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        PlanFiles.write(plans.get(user.getName()).plan(), json);
        applied.markApplied(t, opts.describe(), r.text(t), json.toString(StandardCharsets.UTF_8), user.getName(), clock.instant());
        return "redirect:/gateway" + opts.query() + "#target-" + t.code;
    }

    @PostMapping("/gateway/counters")
    String uploadCounters(@RequestParam("counters") MultipartFile file, @ModelAttribute("opts") Options opts, Principal user,
                          Model model, HttpServletResponse response) throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "counters.csv" : file.getOriginalFilename();
        try {
            CountersImport.Imported done = counters.importCsv(new String(file.getBytes(), StandardCharsets.UTF_8));
            model.addAttribute("countersDone", messages.getMessage("gw.counters.done",
                    new Object[] {done.agencies(), done.samples()}, locale));
        } catch (CountersImport.CountersException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("countersError", describe(name, e, locale));
        }
        fill(model, opts, user);
        return "gateway/gateway";
    }

    String describe(String file, CountersImport.CountersException e, Locale locale) {
        String where = file + (e.line > 0 ? ":" + e.line : "") + (e.field.isEmpty() ? "" : " [" + e.field + "]")
                + (e.value == null || e.value.isEmpty() ? "" : " \"" + e.value + "\"");
        return where + ": " + e.reason(messages, locale);
    }

    private Rendering renderOrFail(Options opts, Principal user) {
        WorkingPlans.Taken t = plans.get(user.getName());
        if (t == null || t.plan() == null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "no plan taken yet");
        }
        Optional<ShapingOptions> o = shapingOptions(opts, new ArrayList<>(), Locale.ENGLISH);
        if (o.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "bad shaping options " + opts.describe());
        }
        try {
            return Rendering.of(inventory.current().agencies(), t.plan(), o.get());
        } catch (ShapingException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    ShapingWarning.of(e.key(), e.args().toArray()).message(Locale.ENGLISH));
        }
    }

    private Optional<ShapingOptions> shapingOptions(Options opts, List<String> errors, Locale locale) {
        return shapingOptions(opts, errors, locale, messages);
    }

    /** The options of {@code padu shape render} from the page's (or the API's) parameters; errors name the option. */
    static Optional<ShapingOptions> shapingOptions(Options opts, List<String> errors, Locale locale, MessageSource messages) {
        ShapingOptions o = ShapingOptions.defaults();
        Optional<LeafQdisc> leaf = LeafQdisc.fromCode(opts.leafOrDefault());
        if (leaf.isEmpty()) {
            errors.add(messages.getMessage("gw.options.bad", new Object[] {"--leaf", opts.leaf()}, locale));
        } else {
            o = o.withLeaf(leaf.get());
        }
        switch (opts.modeOrDefault()) {
            case "tree" -> o = o.withRouterOsMode(RouterOsMode.TREE);
            case "simple" -> o = o.withRouterOsMode(RouterOsMode.SIMPLE);
            default -> errors.add(messages.getMessage("gw.options.bad", new Object[] {"--routeros-mode", opts.mode()}, locale));
        }
        if (opts.wan() != null) {
            if (ShapingOptions.INTERFACE_NAME.matcher(opts.wan()).matches()) {
                o = o.withWan(opts.wan());
            } else {
                errors.add(messages.getMessage("gw.options.bad", new Object[] {"--wan-if", opts.wan()}, locale));
            }
        }
        if (ShapingOptions.INTERFACE_NAME.matcher(opts.ifbOrDefault()).matches()) {
            o = o.withIfb(opts.ifbOrDefault());
        } else {
            errors.add(messages.getMessage("gw.options.bad", new Object[] {"--ifb-if", opts.ifb()}, locale));
        }
        return errors.isEmpty() ? Optional.of(o) : Optional.empty();
    }

    private void fill(Model model, Options opts, Principal user) {
        Locale locale = LocaleContextHolder.getLocale();
        WorkingPlans.Taken t = plans.get(user.getName());
        model.addAttribute("taken", t);
        model.addAttribute("leaves", List.of("fq_codel", "cake", "pfifo"));
        model.addAttribute("query", opts.query());
        Plan plan = t == null ? null : t.plan();
        if (plan != null) {
            model.addAttribute("centralCount", plan.agencies().stream().filter(a -> a.decision() == Decision.CENTRAL).count());
            model.addAttribute("capacityDownBps", Math.round(plan.uplinks().stream().mapToDouble(u -> u.downMbps()).sum() * 1_000_000));
            model.addAttribute("capacityUpBps", Math.round(plan.uplinks().stream().mapToDouble(u -> u.upMbps()).sum() * 1_000_000));
            List<String> optionErrors = new ArrayList<>();
            Optional<ShapingOptions> o = shapingOptions(opts, optionErrors, locale);
            model.addAttribute("optionErrors", optionErrors);
            if (o.isPresent()) {
                try {
                    Rendering r = Rendering.of(inventory.current().agencies(), plan, o.get());
                    model.addAttribute("warnings", r.warnings().stream().map(w -> w.message(locale)).toList());
                    List<TargetView> views = new ArrayList<>();
                    for (Target target : Target.values()) {
                        Optional<AppliedConfigs.Applied> last = applied.lastApplied(target);
                        List<String> diff = last.map(a -> ConfigDiff.unified(
                                "applied " + a.createdAt() + " " + a.createdBy(), a.content(), "rendered", r.text(target)))
                                .orElse(List.of());
                        views.add(new TargetView(target.code, target.fileName, r.text(target), diff, last.orElse(null)));
                    }
                    model.addAttribute("targets", views);
                } catch (ShapingException e) {
                    model.addAttribute("renderError", ShapingWarning.of(e.key(), e.args().toArray()).message(locale));
                }
            }
        }
        // Counters are compared with the plan the gateway enforces: the last applied one, else the working plan.
        Plan reference = plan;
        String referenceSource = "working";
        Optional<AppliedConfigs.Applied> newest = applied.newestApplied();
        if (newest.isPresent()) {
            try {
                reference = PlanFiles.read(new ByteArrayInputStream(newest.get().planJson().getBytes(StandardCharsets.UTF_8)), "gateway_config");
                referenceSource = "applied";
                model.addAttribute("referenceApplied", newest.get());
            } catch (PlanFiles.PlanFileException e) {
                // stored by this page, so readable; fall back to the working plan if the contract changed
            }
        }
        if (reference != null) {
            model.addAttribute("loads", loads.of(reference));
            model.addAttribute("referenceSource", referenceSource);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
