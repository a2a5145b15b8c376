package id.padu.app.budget;

import id.padu.app.inventory.InventoryService;
import id.padu.app.planning.PlanOfRecord;
import id.padu.app.shared.ApiProblems;
import id.padu.app.shared.Downloads;
import id.padu.app.web.Region;
import id.padu.budget.Budget;
import id.padu.budget.BudgetException;
import id.padu.budget.BudgetProposal;
import id.padu.domain.Wib;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /budget}: the budget proposal of the plan of record for a year (next year by default, in
 * WIB), its XLSX and its JSON. Computed from the stored data and the live plan at each request:
 * the proposal is read a few times a year, and one truth (the plan of record) is never copied.
 */
@Controller
class BudgetPages {

    private final InventoryService inventory;
    private final PlanOfRecord record;
    private final Region region;
    private final Clock clock;

    BudgetPages(InventoryService inventory, PlanOfRecord record, Region region, ObjectProvider<Clock> clock) {
        this.inventory = inventory;
        this.record = record;
        this.region = region;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** The year asked for, or next year; a year outside the bounds is a 400 naming the field. */
    int year(String given) {
        if (given == null || given.isBlank()) {
            return LocalDate.now(clock.withZone(Wib.ZONE)).getYear() + 1;
        }
        try {
            int y = Integer.parseInt(given.trim());
            if (y >= BudgetProposal.MIN_YEAR && y <= BudgetProposal.MAX_YEAR) {
                return y;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiProblems.invalid("year", given.length() > 16 ? given.substring(0, 16) + "…" : given, "a year from " + BudgetProposal.MIN_YEAR + " to " + BudgetProposal.MAX_YEAR);
    }

    /** The proposal, or empty when no plan has been adopted; a live plan that no longer fits the inventory is a 409. */
    Optional<Budget> budget(int year, Locale locale) {
        Optional<PlanOfRecord.InForce> f = record.inForce();
        if (f.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(BudgetProposal.propose(inventory.current(), f.get().live(), year, locale));
        } catch (BudgetException e) {
            throw ApiProblems.conflict(e.message(locale));
        }
    }

    @GetMapping("/budget")
    String page(@RequestParam(required = false) String year, Model model) {
        int y = year(year);
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("year", y);
        model.addAttribute("regionName", region.name());
        model.addAttribute("record", record.current().orElse(null));
        Optional<Budget> b = budget(y, locale);
        model.addAttribute("b", b.orElse(null));
        if (b.isPresent()) {
            BudgetTexts t = new BudgetTexts(locale);
            model.addAttribute("periods", b.get().centralLines().stream().map(l -> t.months(l.fromMonth(), l.toMonth())).toList());
            model.addAttribute("kinds", b.get().centralLines().stream().map(l -> t.kind(l.kind())).toList());
            model.addAttribute("noLongerTotal", b.get().agencies().stream().mapToLong(Budget.AgencyLine::noLongerNeededIdr).sum());
            model.addAttribute("paragraphs", List.of(b.get().narrative().split("\n\n")));
        }
        model.addAttribute("years", Arrays.asList(y - 1, y, y + 1));
        return "budget/budget";
    }

    @GetMapping("/budget/export.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String year) throws IOException {
        int y = year(year);
        Locale locale = LocaleContextHolder.getLocale();
        Budget b = budget(y, locale).orElseThrow(() -> ApiProblems.conflict(new BudgetTexts(locale).get("page.noPlan")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BudgetXlsx.write(b, region.name(), locale, out);
        return Downloads.attachment("usulan-anggaran-internet-" + y + ".xlsx", Downloads.XLSX).body(out.toByteArray());
    }
}
