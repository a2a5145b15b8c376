package id.padu.app.planning;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import id.padu.app.security.Role;

import id.padu.app.security.CurrentUser;

import id.padu.app.inventory.InventoryService;
import id.padu.app.shared.Formats;
import id.padu.app.web.Region;
import id.padu.domain.Agency;
import id.padu.domain.Wib;
import id.padu.plan.PlanResult;
import id.padu.simulation.Simulator;
import java.security.Principal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/** The planning pages: settings and runs, scenarios, a plan in full, scenarios side by side. */
@Controller
class PlanningController {

    /** How long a request waits for a run before handing over to polling. */
    static final long WAIT_MILLIS = 1500;
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PlanRuns runs;
    private final ScenarioRepository scenarios;
    private final Simulations simulations;
    private final InventoryService inventory;
    private final Region region;
    private final MessageSource messages;
    private final PlanOfRecord record;

    PlanningController(PlanRuns runs, ScenarioRepository scenarios, Simulations simulations, InventoryService inventory,
                       Region region, MessageSource messages, PlanOfRecord record) {
        this.record = record;
        this.runs = runs;
        this.scenarios = scenarios;
        this.simulations = simulations;
        this.inventory = inventory;
        this.region = region;
        this.messages = messages;
    }

    @GetMapping("/planning")
    String planning(Model model) {
        return form(model, PlanSettings.text(inventory.settings()), "", Integer.toString(PlanRuns.DEFAULT_TIME_LIMIT_SECONDS),
                null, null);
    }

    private String form(Model model, Map<String, String> values, String name, String timeLimit, String errorKey,
                        String error) {
        model.addAttribute("values", values);
        model.addAttribute("timeLimit", timeLimit);
        model.addAttribute("keys", PlanSettings.KEYS);
        model.addAttribute("name", name);
        model.addAttribute("errorKey", errorKey);
        model.addAttribute("error", error);
        model.addAttribute("scenarios", scenarios.all().stream().map(PlanningController::listRow).toList());
        model.addAttribute("regionName", region.name());
        model.addAttribute("empty", inventory.agencies().isEmpty());
        return "planning/planning";
    }

    static Map<String, String> listRow(Scenario s) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("id", Long.toString(s.id()));
        r.put("name", s.name());
        r.put("created", CREATED.format(s.createdAt().atZone(Wib.ZONE)) + " WIB");
        r.put("createdBy", s.createdBy());
        r.put("planAnnual", PlanRows.money(s.plan().planAnnualIdr()));
        r.put("savings", PlanRows.money(s.plan().savingsAnnualIdr()));
        r.put("central", s.centralCount() + " / " + s.plan().agencies().size());
        return r;
    }

    @PostMapping("/planning/run")
    String run(@RequestParam Map<String, String> params, Principal user, Model model, HttpServletResponse response) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String k : PlanSettings.KEYS) {
            values.put(k, params.getOrDefault(k, ""));
        }
        String name = params.getOrDefault("name", "");
        String timeLimit = params.getOrDefault("time_limit", "").strip();
        int seconds = timeLimitSeconds(timeLimit);
        if (seconds < 0) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, values, name, timeLimit, "time_limit", messages.getMessage("planning.timeLimit.invalid",
                    new Object[] {timeLimit, PlanRuns.MAX_TIME_LIMIT_SECONDS}, LocaleContextHolder.getLocale()));
        }
        PlanRuns.Run run;
        try {
            run = runs.submit(name, values, user == null ? "?" : user.getName(), seconds);
        } catch (PlanSettings.Invalid e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, values, name, timeLimit, e.key, e.message(LocaleContextHolder.getLocale()));
        } catch (PlanRuns.NoData e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return form(model, values, name, timeLimit, null, messages.getMessage("planning.empty", null,
                    LocaleContextHolder.getLocale()));
        }
        // a plain form post: a full page back (the run page polls with htmx while it runs)
        return status(runs.await(run.id(), WAIT_MILLIS), model, response, false);
    }

    /** Seconds from the form (blank: the default), or -1 when it is not a whole number from 1 to the maximum. */
    static int timeLimitSeconds(String text) {
        if (text.isEmpty()) {
            return PlanRuns.DEFAULT_TIME_LIMIT_SECONDS;
        }
        try {
            int s = Integer.parseInt(text);
            return s >= 1 && s <= PlanRuns.MAX_TIME_LIMIT_SECONDS ? s : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @GetMapping("/planning/runs/{id}")
    String runStatus(@PathVariable String id, Model model, HttpServletResponse response,
                     @RequestHeader(value = "HX-Request", required = false) String htmx) {
        PlanRuns.Run run = runs.get(id);
        if (run == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "run " + id);
        }
        return status(run, model, response, htmx != null);
    }

    /** Done: on to the scenario (htmx follows HX-Redirect); otherwise the status, polled while running. */
    private String status(PlanRuns.Run run, Model model, HttpServletResponse response, boolean htmx) {
        if (run.status() == PlanRuns.Status.DONE) {
            String url = "/planning/scenarios/" + run.scenarioId();
            if (htmx) {
                response.setHeader("HX-Redirect", url);
                model.addAttribute("url", url);
                return "planning/run :: done";
            }
            return "redirect:" + url;
        }
        model.addAttribute("run", run);
        model.addAttribute("error", run.status() == PlanRuns.Status.FAILED ? run.error(LocaleContextHolder.getLocale()) : null);
        model.addAttribute("elapsed", run.startedAt() == null ? 0
                : java.time.Duration.between(run.startedAt(), java.time.Instant.now()).toSeconds());
        return htmx ? "planning/run :: status" : "planning/run";
    }

    @GetMapping("/planning/scenarios/{id}")
    String scenario(@PathVariable long id, Model model) {
        Scenario s = scenario(id);
        Locale locale = LocaleContextHolder.getLocale();
        // names and priorities only: the agencies, not the whole dataset with a year of usage
        Map<String, Agency> agencies = PlanRows.agencies(inventory.agencies());
        Simulations.Replay replay = simulations.of(s);
        model.addAttribute("s", s);
        model.addAttribute("p", s.plan());
        model.addAttribute("inForce", record.current().filter(v -> v.scenarioId() == s.id()).orElse(null));
        model.addAttribute("mayAdopt", CurrentUser.role().map(r -> r == Role.ADMIN || r == Role.ENGINEER).orElse(false));
        model.addAttribute("regionName", region.name());
        model.addAttribute("settings", s.settings());
        model.addAttribute("created", listRow(s));
        model.addAttribute("payback", PlanRows.payback(s.plan().paybackMonths(), locale, text("planning.never"),
                text("planning.months")));
        model.addAttribute("years", PlanRows.years(s.years()));
        model.addAttribute("uplinks", PlanRows.uplinks(s.plan()));
        model.addAttribute("offers", PlanRows.offers(s.offers(), text("planning.offer.taken"), text("planning.offer.notTaken")));
        model.addAttribute("decisions", PlanRows.decisions(s.plan(), agencies, text("planning.central"), text("planning.local")));
        model.addAttribute("closeCalls", PlanRows.closeCalls(s.closeCalls(), s.plan().planAnnualIdr(), agencies,
                text("planning.central"), text("planning.local")));
        model.addAttribute("allocation", PlanRows.allocation(s.plan(), agencies));
        model.addAttribute("simulation", PlanRows.simulation(replay, agencies));
        model.addAttribute("replay", replay);
        model.addAttribute("capacityDown", PlanRows.mbps(s.plan().capacityDownBps()));
        model.addAttribute("capacityUp", PlanRows.mbps(s.plan().capacityUpBps()));
        model.addAttribute("requiredDown", PlanRows.mbps(s.plan().requiredDownBps()));
        model.addAttribute("requiredUp", PlanRows.mbps(s.plan().requiredUpBps()));
        model.addAttribute("centralAnnual", s.centralAnnualIdr() == null ? null : PlanRows.money(s.centralAnnualIdr()));
        String ceiling = s.settings().getOrDefault("plan.central_budget_idr", "");
        model.addAttribute("ceiling", ceiling.isBlank() ? null : PlanRows.money(Long.parseLong(ceiling)));
        model.addAttribute("carried", PlanRows.percent(s.carriedShare()));
        return "planning/scenario";
    }

    /** Chart data of a scenario: years (Rupiah) and the simulation (percent, intervals). */
    record Charts(List<Integer> years, List<Long> statusQuo, List<Long> plan, List<String> codes,
                  List<Double> servedDown, List<Double> servedUp, List<Integer> congestedDown, List<Integer> congestedUp,
                  String failedProvider, List<Double> failedServedDown, List<Double> failedServedUp,
                  List<Integer> failedCongestedDown, List<Integer> failedCongestedUp) {
    }

    @GetMapping("/planning/scenarios/{id}/charts.json")
    @ResponseBody
    Charts charts(@PathVariable long id) {
        Scenario s = scenario(id);
        Simulations.Replay r = simulations.of(s);
        List<Integer> years = new ArrayList<>();
        List<Long> sq = new ArrayList<>();
        List<Long> plan = new ArrayList<>();
        for (PlanResult.Year y : s.years()) {
            years.add(y.year());
            sq.add(y.statusQuoIdr());
            plan.add(y.planIdr());
        }
        List<String> codes = new ArrayList<>();
        List<Double> sd = new ArrayList<>(), su = new ArrayList<>(), fsd = new ArrayList<>(), fsu = new ArrayList<>();
        List<Integer> cd = new ArrayList<>(), cu = new ArrayList<>(), fcd = new ArrayList<>(), fcu = new ArrayList<>();
        if (r.normal() != null) {
            for (Simulator.AgencyResult a : r.normal().agencies()) {
                codes.add(a.code());
                sd.add(pct(a.servedFractionDown()));
                su.add(pct(a.servedFractionUp()));
                cd.add(a.congestedIntervalsDown());
                cu.add(a.congestedIntervalsUp());
            }
        }
        if (r.failed() != null) {
            for (Simulator.AgencyResult a : r.failed().agencies()) {
                fsd.add(pct(a.servedFractionDown()));
                fsu.add(pct(a.servedFractionUp()));
                fcd.add(a.congestedIntervalsDown());
                fcu.add(a.congestedIntervalsUp());
            }
        }
        return new Charts(years, sq, plan, codes, sd, su, cd, cu, r.failedProvider(), fsd, fsu, fcd, fcu);
    }

    private static double pct(double fraction) {
        return Math.round(fraction * 10000) / 100.0;
    }

    /** Adopts the scenario as the plan of record ("ditetapkan"); the note says why, for the record. */
    @PostMapping("/planning/scenarios/{id}/adopt")
    String adopt(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            record.adopt(id, note, CurrentUser.name());
            redirect.addFlashAttribute("adopted", true);
        } catch (PlanOfRecord.Refused e) {
            redirect.addFlashAttribute("adoptProblem", messages.getMessage(e.key(), e.args(), e.key(),
                    LocaleContextHolder.getLocale()));
        }
        return "redirect:/planning/scenarios/" + id;
    }

    @PostMapping("/planning/scenarios/{id}/delete")
    String delete(@PathVariable long id) {
        scenarios.delete(id);
        return "redirect:/planning";
    }

    @GetMapping("/planning/compare")
    String compare(@RequestParam(name = "ids", required = false) List<Long> ids, Model model) {
        List<Scenario> list = new ArrayList<>();
        if (ids != null) {
            for (Long id : ids) {
                scenarios.find(id).ifPresent(list::add);
            }
        }
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("columns", list.stream().map(s -> compareColumn(s, locale)).toList());
        model.addAttribute("settingKeys", PlanSettings.KEYS);
        return "planning/compare";
    }

    private Map<String, Object> compareColumn(Scenario s, Locale locale) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", s.id());
        c.put("name", s.name());
        c.put("statusQuo", PlanRows.money(s.plan().statusQuoAnnualIdr()));
        c.put("planAnnual", PlanRows.money(s.plan().planAnnualIdr()));
        c.put("savings", PlanRows.money(s.plan().savingsAnnualIdr()));
        c.put("oneOff", PlanRows.money(s.plan().oneOffCostIdr()));
        c.put("payback", PlanRows.payback(s.plan().paybackMonths(), locale, text("planning.never"), text("planning.months")));
        c.put("uplinks", s.plan().uplinks().stream()
                .map(u -> u.provider() + " " + u.product() + " (" + PlanRows.mbps(u.downMbps()) + ")").toList());
        c.put("capacity", PlanRows.mbps(s.plan().capacityDownBps()) + " / " + PlanRows.mbps(s.plan().capacityUpBps()));
        c.put("central", s.centralCount() + " / " + s.plan().agencies().size());
        c.put("optimal", s.plan().optimal());
        c.put("settings", s.settings());
        return c;
    }

    private Scenario scenario(long id) {
        return scenarios.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "scenario " + id));
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
