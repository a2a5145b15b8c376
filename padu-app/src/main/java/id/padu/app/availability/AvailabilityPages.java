package id.padu.app.availability;

import java.time.YearMonth;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /availability?month=YYYY-MM} (menu "Ketersediaan"): the monthly uplink report on a page,
 * with the month to show and the XLSX and PDF downloads of the same report.
 */
@Controller
class AvailabilityPages {

    private final UplinkReports reports;
    private final MessageSource messages;

    AvailabilityPages(UplinkReports reports, MessageSource messages) {
        this.reports = reports;
        this.messages = messages;
    }

    @GetMapping("/availability")
    String month(@RequestParam(required = false) String month, Model model) {
        YearMonth m = month == null || month.isBlank() ? reports.thisMonth() : AvailabilityApiController.parseMonth(month);
        if (m == null) {
            model.addAttribute("problem", messages.getMessage("avail.error.month",
                    new Object[] {UplinkReports.FIRST_YEAR, UplinkReports.LAST_YEAR}, LocaleContextHolder.getLocale()));
            m = reports.thisMonth();
        }
        model.addAttribute("report", reports.month(m));
        model.addAttribute("text", new ReportText(messages, LocaleContextHolder.getLocale()));
        return "availability/month";
    }
}
