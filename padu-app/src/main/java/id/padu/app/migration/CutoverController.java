package id.padu.app.migration;

import id.padu.app.shared.Downloads;

import id.padu.app.planning.PlanFiles;
import id.padu.app.planning.PlanOfRecord;
import id.padu.domain.Wib;
import id.padu.migration.ChecklistItem;
import id.padu.migration.MigrationStatus;
import id.padu.migration.Runbook;
import id.padu.migration.RunbookSection;
import id.padu.migration.StatusChange;
import id.padu.plan.Plan;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.Principal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /migration}: the tracked schedule, status per agency, replanning, views and exports. */
@Controller
class CutoverController {

    static final MediaType XLSX = Downloads.XLSX;
    static final MediaType ICS = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private final CutoverService service;
    private final PlanJob job;
    private final MessageSource messages;

    private final PlanOfRecord record;

    CutoverController(CutoverService service, PlanJob job, MessageSource messages, PlanOfRecord record) {
        this.record = record;
        this.service = service;
        this.job = job;
        this.messages = messages;
    }

    // ---- pages

    @GetMapping("/migration")
    String index(Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("job", job.status());
        model.addAttribute("record", record.current().orElse(null));
        service.current().ifPresent(m -> {
            List<TrackedCutover> rows = service.cutovers(m);
            model.addAttribute("m", m);
            model.addAttribute("rows", rows.stream().map(c -> view(c, locale)).toList());
            model.addAttribute("counts", counts(rows, locale));
            model.addAttribute("calendar", Calendar.of(rows));
        });
        return "migration/index";
    }

    @GetMapping("/migration/agencies/{code}")
    String agency(@PathVariable String code, Model model) {
        TrackedMigration m = current();
        agencyModel(m, row(m, code), model);
        return "migration/agency";
    }

    private void agencyModel(TrackedMigration m, TrackedCutover c, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("m", m);
        model.addAttribute("c", view(c, locale));
        List<HistoryView> history = new ArrayList<>(service.history(m).stream().filter(h -> h.code().equals(c.code()))
                .map(h -> new HistoryView(h.change(), label(h.change().from(), locale), label(h.change().to(), locale)))
                .toList());
        java.util.Collections.reverse(history); // newest first
        model.addAttribute("history", history);
        // The usual next step first in the form; going back (planned, a new date) after it.
        List<MigrationStatus> preferred = List.of(MigrationStatus.IN_PROGRESS, MigrationStatus.VERIFIED, MigrationStatus.DONE,
                MigrationStatus.SCHEDULED, MigrationStatus.ROLLED_BACK, MigrationStatus.PLANNED);
        model.addAttribute("next", c.status().next().stream().sorted(Comparator.comparingInt(preferred::indexOf))
                .map(s -> new StatusOption(s.code(), label(s, locale))).toList());
        model.addAttribute("today", LocalDate.now(Wib.ZONE));
        try {
            Runbook rb = service.runbook(m, c);
            Set<String> ticks = service.ticks(m, c.code());
            List<SectionView> sections = new ArrayList<>();
            for (RunbookSection s : rb.sections()) {
                sections.add(new SectionView(s.phase().title().format(locale), s.due(), s.items().stream()
                        .map(i -> new ItemView(i.id(), i.text().format(locale), i.criterion(), ticks.contains(i.id())))
                        .toList()));
            }
            model.addAttribute("sections", sections);
        } catch (CutoverService.Refused e) {
            model.addAttribute("runbookError", e.message(messages, locale));
        }
    }

    // ---- taking a plan

    @PostMapping("/migration/upload")
    String upload(@RequestParam("plan") MultipartFile file, Principal who, RedirectAttributes flash) throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        byte[] bytes = file.getBytes();
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "plan.json" : file.getOriginalFilename();
        try {
            Plan plan = PlanFiles.read(new ByteArrayInputStream(bytes), name);
            service.start(plan, bytes, "upload", who.getName());
            flash.addFlashAttribute("ok", messages.getMessage("mig.flash.started", null, locale));
        } catch (PlanFiles.PlanFileException e) {
            flash.addFlashAttribute("error", e.message(locale));
        } catch (CutoverService.Refused e) {
            flash.addFlashAttribute("error", e.message(messages, locale));
        }
        return "redirect:/migration";
    }

    /** Schedules the cutovers of the live plan of record: the plan the agencies agreed to, not a new search. */
    @PostMapping("/migration/from-record")
    String fromRecord(Principal who, RedirectAttributes flash) {
        Locale locale = LocaleContextHolder.getLocale();
        Optional<Plan> live = record.live();
        if (live.isEmpty()) {
            flash.addFlashAttribute("error", messages.getMessage("por.none", null, locale));
            return "redirect:/migration";
        }
        try {
            service.start(live.get(), PlanOfRecord.json(live.get()), "record", who.getName());
            flash.addFlashAttribute("ok", messages.getMessage("mig.flash.started", null, locale));
        } catch (CutoverService.Refused e) {
            flash.addFlashAttribute("error", e.message(messages, locale));
        }
        return "redirect:/migration";
    }

    @PostMapping("/migration/compute")
    String compute(Principal who, Model model) {
        model.addAttribute("job", job.start(who.getName(), LocaleContextHolder.getLocale()));
        return "migration/job :: job";
    }

    @GetMapping("/migration/job")
    String jobStatus(Model model, HttpServletResponse response) {
        PlanJob.Status s = job.status();
        if (s.phase() == PlanJob.Phase.DONE) {
            // htmx follows this and reloads the page with the new schedule.
            response.setHeader("HX-Redirect", "/migration");
        }
        model.addAttribute("job", s);
        return "migration/job :: job";
    }

    // ---- status and replanning

    @PostMapping("/migration/agencies/{code}/status")
    String status(@PathVariable String code, @RequestParam String to, @RequestParam(required = false) String note,
                  @RequestParam(required = false) LocalDate date, Principal who, Model model,
                  HttpServletResponse response, RedirectAttributes flash) {
        TrackedMigration m = current();
        Locale locale = LocaleContextHolder.getLocale();
        try {
            MigrationStatus target;
            try {
                target = MigrationStatus.fromCode(to);
            } catch (IllegalArgumentException e) {
                throw new CutoverService.Refused("mig.error.status", to);
            }
            StatusChange done = service.change(m, code, target, note, date, who.getName());
            flash.addFlashAttribute("ok", messages.getMessage("mig.flash.status",
                    new Object[] {code, label(done.to(), locale)}, locale));
            return "redirect:/migration/agencies/" + code;
        } catch (CutoverService.Refused e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("error", e.message(messages, locale));
            agencyModel(m, row(m, code), model);
            return "migration/agency";
        }
    }

    @PostMapping("/migration/replan")
    String replan(Principal who, RedirectAttributes flash) {
        TrackedMigration m = current();
        Locale locale = LocaleContextHolder.getLocale();
        try {
            List<CutoverService.Moved> moved = service.replan(m, who.getName());
            flash.addFlashAttribute("moved", moved.stream().map(x -> new MovedView(x.code(), x.name(), x.from(), x.to(),
                    x.reason(locale))).toList());
            flash.addFlashAttribute("ok", messages.getMessage("mig.flash.replanned", new Object[] {moved.size()}, locale));
        } catch (CutoverService.Refused e) {
            flash.addFlashAttribute("error", e.message(messages, locale));
        }
        return "redirect:/migration";
    }

    @PostMapping("/migration/agencies/{code}/checklist")
    String checklist(@PathVariable String code, @RequestParam(name = "item", required = false) List<String> items,
                     Principal who, RedirectAttributes flash) {
        TrackedMigration m = current();
        TrackedCutover c = row(m, code);
        Set<String> known = new HashSet<>();
        for (RunbookSection s : service.runbook(m, c).sections()) {
            for (ChecklistItem i : s.items()) {
                known.add(i.id());
            }
        }
        Set<String> ticked = new HashSet<>(items == null ? List.of() : items);
        ticked.retainAll(known);
        service.saveTicks(m, code, known, ticked, who.getName());
        flash.addFlashAttribute("ok", messages.getMessage("mig.flash.checklist", null, LocaleContextHolder.getLocale()));
        return "redirect:/migration/agencies/" + code + "#runbook";
    }

    // ---- downloads

    @GetMapping("/migration/agencies/{code}/runbook.pdf")
    ResponseEntity<byte[]> runbookPdf(@PathVariable String code) {
        TrackedMigration m = current();
        Runbook rb = service.runbook(m, row(m, code));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunbookPdf.write(List.of(rb), null, LocaleContextHolder.getLocale(), out);
        return file(out.toByteArray(), MediaType.APPLICATION_PDF, "runbook-" + code + ".pdf");
    }

    @GetMapping("/migration/schedule.ics")
    ResponseEntity<byte[]> ics() {
        TrackedMigration m = current();
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, Integer> changes = new HashMap<>();
        for (HistoryEntry h : service.history(m)) {
            changes.merge(h.code(), 1, Integer::sum);
        }
        ScheduleIcs.Labels labels = new ScheduleIcs.Labels(
                c -> messages.getMessage("mig.ics.summary", new Object[] {c.code(), c.name()}, locale),
                c -> messages.getMessage("mig.ics.description", new Object[] {label(c.status(), locale), c.reason(locale)}, locale));
        byte[] body = ScheduleIcs.write(m.id(), service.cutovers(m), changes, labels, Instant.now());
        return file(body, ICS, "jadwal-migrasi.ics");
    }

    @GetMapping("/migration/schedule.xlsx")
    ResponseEntity<byte[]> xlsx() throws IOException {
        TrackedMigration m = current();
        Locale locale = LocaleContextHolder.getLocale();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScheduleXlsx.write(service.cutovers(m), service.history(m), locale,
                k -> messages.getMessage(k, null, locale), s -> label(s, locale), out);
        return file(out.toByteArray(), XLSX, "jadwal-migrasi.xlsx");
    }

    /** Gantt data: per agency the wait from the uplinks being paid to its cutover. */
    record GanttBar(String code, String name, LocalDate from, LocalDate to, String status, String statusLabel,
                    boolean critical) {
    }

    @GetMapping("/migration/gantt.json")
    @ResponseBody
    List<GanttBar> gantt() {
        TrackedMigration m = current();
        Locale locale = LocaleContextHolder.getLocale();
        LocalDate from = service.waitingFrom(m);
        return service.cutovers(m).stream().filter(c -> c.date() != null)
                .map(c -> new GanttBar(c.code(), c.name(), c.date().isBefore(from) ? c.date() : from, c.date(),
                        c.status().code(), label(c.status(), locale), c.critical()))
                .toList();
    }

    // ---- helpers and view records

    record RowView(TrackedCutover c, String statusLabel, String reason, LocalDate week) {
    }

    record StatusOption(String code, String label) {
    }

    record HistoryView(StatusChange c, String fromLabel, String toLabel) {
    }

    record SectionView(String title, LocalDate due, List<ItemView> items) {
    }

    record ItemView(String id, String text, boolean criterion, boolean ticked) {
    }

    record MovedView(String code, String name, LocalDate from, LocalDate to, String reason) {
    }

    record Count(String code, String label, long n) {
    }

    /** Weeks as rows, windows as columns, agencies in the cells. */
    record Calendar(List<String> windows, List<Week> weeks) {
        record Week(LocalDate monday, List<Cell> cells) {
        }

        record Cell(LocalDate date, List<TrackedCutover> agencies) {
        }

        static Calendar of(List<TrackedCutover> rows) {
            Comparator<String> byDayThenTime = Comparator.comparing((String w) -> day(w)).thenComparing(w -> w);
            TreeSet<String> windows = new TreeSet<>(byDayThenTime);
            TreeMap<LocalDate, Map<String, List<TrackedCutover>>> byWeek = new TreeMap<>();
            for (TrackedCutover c : rows) {
                if (c.date() == null || c.window() == null) {
                    continue;
                }
                windows.add(c.window());
                byWeek.computeIfAbsent(c.date().with(DayOfWeek.MONDAY), k -> new LinkedHashMap<>())
                        .computeIfAbsent(c.window(), k -> new ArrayList<>()).add(c);
            }
            List<Week> weeks = new ArrayList<>();
            if (!byWeek.isEmpty()) {
                for (LocalDate w = byWeek.firstKey(); !w.isAfter(byWeek.lastKey()); w = w.plusWeeks(1)) {
                    Map<String, List<TrackedCutover>> in = byWeek.getOrDefault(w, Map.of());
                    List<Cell> cells = new ArrayList<>();
                    for (String win : windows) {
                        cells.add(new Cell(w.plusDays(day(win).getValue() - 1L), in.getOrDefault(win, List.of())));
                    }
                    weeks.add(new Week(w, cells));
                }
            }
            return new Calendar(List.copyOf(windows), weeks);
        }

        private static DayOfWeek day(String window) {
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d.name().startsWith(window.substring(0, 3))) {
                    return d;
                }
            }
            return DayOfWeek.MONDAY;
        }
    }

    private RowView view(TrackedCutover c, Locale locale) {
        return new RowView(c, label(c.status(), locale), c.reason(locale),
                c.date() == null ? null : c.date().with(DayOfWeek.MONDAY));
    }

    private List<Count> counts(List<TrackedCutover> rows, Locale locale) {
        List<Count> out = new ArrayList<>();
        for (MigrationStatus s : MigrationStatus.values()) {
            out.add(new Count(s.code(), label(s, locale), rows.stream().filter(c -> c.status() == s).count()));
        }
        return out;
    }

    private static String label(MigrationStatus s, Locale locale) {
        return s == null ? "" : s.label().format(locale);
    }

    private TrackedMigration current() {
        return service.current().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no migration"));
    }

    private TrackedCutover row(TrackedMigration m, String code) {
        return service.cutovers(m).stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "agency " + code));
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return Downloads.attachment(name, type).body(body);
    }
}
