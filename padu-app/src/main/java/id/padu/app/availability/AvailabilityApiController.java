package id.padu.app.availability;

import id.padu.app.availability.UplinkReports.MonthReport;
import id.padu.app.availability.UplinkReports.UplinkReport;
import id.padu.app.shared.ApiProblems;
import id.padu.app.shared.Downloads;
import id.padu.app.web.Region;
import id.padu.availability.UplinkMonth;
import id.padu.domain.Wib;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monthly uplink report over the API:
 * <pre>
 * GET /api/uplinks/availability?month=YYYY-MM        JSON (month: WIB calendar month, default the current one)
 * GET /api/uplinks/availability.xlsx?month=YYYY-MM   Excel workbook
 * GET /api/uplinks/availability.pdf?month=YYYY-MM    PDF
 * </pre>
 * Texts (the files' and the SLA's words) in the request's language, Bahasa Indonesia by default.
 */
@RestController
@Tag(name = "availability", description = "Central uplinks' availability per month against the ISP's SLA")
class AvailabilityApiController {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final UplinkReports reports;
    private final MessageSource messages;
    private final Region region;

    AvailabilityApiController(UplinkReports reports, MessageSource messages, Region region) {
        this.reports = reports;
        this.messages = messages;
        this.region = region;
    }

    record Polls(long answered, long up, long idle, long down, long unanswered, long notPolled, long missed) {
    }

    record OutageView(String start, String end, long durationSeconds, boolean fromPreviousMonth, String ended,
                      int downPolls, int idlePolls) {
    }

    record SlaView(String status, String product, Double slaPct, Boolean met, Long monthlyCostIdr) {
    }

    /** {@code availabilityPct}: percent with three decimals, cut (null: no answered poll). */
    record UplinkView(String provider, String product, BigDecimal availabilityPct, Polls polls, long outageSeconds,
                      List<OutageView> outages, SlaView sla) {
    }

    record MonthView(String month, String from, String to, boolean complete, String asOf, List<UplinkView> uplinks,
                     List<String> notMonitored) {
    }

    @GetMapping("/api/uplinks/availability")
    @Operation(summary = "Per monitored uplink and WIB month: availability (answered polls up and passing traffic), "
            + "polls missed by Padu, outages with start/end/duration, the offer's SLA and whether it was met")
    MonthView json(@RequestParam(required = false) String month) {
        return view(reports.month(month(month)));
    }

    @GetMapping("/api/uplinks/availability.xlsx")
    @Operation(summary = "The monthly uplink report as an Excel workbook")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String month) throws IOException {
        MonthReport r = reports.month(month(month));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AvailabilityXlsx.write(r, region.name(), text(), out);
        return Downloads.attachment(fileName(r, "xlsx"), Downloads.XLSX).body(out.toByteArray());
    }

    @GetMapping("/api/uplinks/availability.pdf")
    @Operation(summary = "The monthly uplink report as a PDF, for the SLA claim to the ISP")
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) String month) {
        MonthReport r = reports.month(month(month));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AvailabilityPdf.write(r, region.name(), text(), out);
        return Downloads.attachment(fileName(r, "pdf"), MediaType.APPLICATION_PDF).body(out.toByteArray());
    }

    private ReportText text() {
        return new ReportText(messages, LocaleContextHolder.getLocale());
    }

    static String fileName(MonthReport r, String ext) {
        return "ketersediaan-uplink-" + r.month() + "." + ext;
    }

    /**
     * The month asked for: {@code YYYY-MM} between {@link UplinkReports#FIRST_YEAR} and
     * {@link UplinkReports#LAST_YEAR}; absent or blank: the current month (WIB). A bad value is a
     * 400 naming the field.
     */
    YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            return reports.thisMonth();
        }
        YearMonth m = parseMonth(text);
        if (m == null) {
            throw ApiProblems.invalid("month", text.length() > 40 ? text.substring(0, 40) : text,
                    messages.getMessage("avail.error.month", new Object[] {UplinkReports.FIRST_YEAR, UplinkReports.LAST_YEAR},
                            LocaleContextHolder.getLocale()));
        }
        return m;
    }

    /** {@code YYYY-MM} within the years a report may cover, else null. */
    static YearMonth parseMonth(String text) {
        String s = text.strip();
        if (!s.matches("\\d{4}-\\d{2}")) {
            return null;
        }
        try {
            YearMonth m = YearMonth.parse(s);
            return m.getYear() < UplinkReports.FIRST_YEAR || m.getYear() > UplinkReports.LAST_YEAR ? null : m;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static MonthView view(MonthReport r) {
        List<UplinkView> uplinks = r.uplinks().stream().map(AvailabilityApiController::view).toList();
        return new MonthView(r.month().toString(), time(UplinkMonth.start(r.month())), time(UplinkMonth.end(r.month())),
                r.complete(), time(r.asOf().getEpochSecond()), uplinks, r.notMonitored());
    }

    private static UplinkView view(UplinkReport u) {
        UplinkMonth m = u.month();
        List<OutageView> outages = m.outages().stream().map(o -> new OutageView(time(o.startEpochSecond()),
                time(o.endEpochSecond()), o.durationSeconds(), o.fromPreviousMonth(), o.end().code(), o.downPolls(),
                o.idlePolls())).toList();
        return new UplinkView(u.provider(), u.product(), m.availability() == null ? null : ReportText.pctOf(m.availability()),
                new Polls(m.answeredPolls(), m.upPolls(), m.idlePolls(), m.downPolls(), m.unansweredPolls(), m.notPolled(),
                        m.missedPolls()),
                m.outageSeconds(), outages, new SlaView(u.sla().status().code(), u.sla().product(), u.sla().slaPct(), u.met(),
                        u.sla().monthlyCostIdr() > 0 ? u.sla().monthlyCostIdr() : null));
    }

    private static String time(long epochSecond) {
        return ISO.format(Instant.ofEpochSecond(epochSecond).atZone(Wib.ZONE).toOffsetDateTime());
    }
}
