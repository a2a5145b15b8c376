package id.padu.app.budget;

import id.padu.app.shared.ApiProblems;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/budget?year=YYYY}: the proposal of the plan of record in the JSON contract of {@code padu budget}. */
@RestController
class BudgetApiController {

    private final BudgetPages pages;

    BudgetApiController(BudgetPages pages) {
        this.pages = pages;
    }

    @GetMapping("/api/budget")
    BudgetJson budget(@RequestParam(required = false) String year) {
        int y = pages.year(year);
        Locale locale = LocaleContextHolder.getLocale();
        return BudgetJson.of(pages.budget(y, locale)
                .orElseThrow(() -> ApiProblems.conflict(new BudgetTexts(locale).get("page.noPlan"))));
    }
}
