package id.padu.app.dashboard;

import id.padu.analysis.AgencyAnalysis;
import id.padu.analysis.ContractEnding;
import id.padu.analysis.HourlyProfile;
import id.padu.domain.Agency;
import id.padu.domain.Subscription;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import id.padu.app.planning.PlanOfRecord;
import id.padu.app.review.AgencyReviews;
import id.padu.plan.Plan;
import id.padu.domain.BitRate;
import id.padu.domain.Rupiah;
import org.springframework.context.i18n.LocaleContextHolder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/** The dashboard pages and the JSON their charts load (already bucketed on the server). */
@Controller
class DashboardController {

    /** Columns the agencies table sorts by; nulls (no usage data) always last. */
    enum Sort {
        SPEND(a -> (double) a.annualSpendIdr()),
        UTIL(AgencyAnalysis::utilizationDown),
        IDLE(a -> a.idleAnnualIdr() == null ? null : (double) a.idleAnnualIdr()),
        CODE(null);

        final Function<AgencyAnalysis, Double> key;

        Sort(Function<AgencyAnalysis, Double> key) {
            this.key = key;
        }

        static Sort parse(String s) {
            for (Sort v : values()) {
                if (v.name().equalsIgnoreCase(s)) {
                    return v;
                }
            }
            return SPEND;
        }
    }

    private final SpendSnapshots snapshots;
    private final ReportHeader header;
    private final PlanOfRecord record;
    private final AgencyReviews reviews;
    private final ForecastCharts forecasts;

    DashboardController(SpendSnapshots snapshots, ReportHeader header, PlanOfRecord record, AgencyReviews reviews,
                        ForecastCharts forecasts) {
        this.snapshots = snapshots;
        this.header = header;
        this.record = record;
        this.reviews = reviews;
        this.forecasts = forecasts;
    }

    /**
     * The plan of record as the dashboard shows it beside today's spend: the figures after
     * consolidation come from the one adopted plan (with its amendments), never from a page's own.
     */
    private void planOfRecord(Model model, String agency) {
        Optional<PlanOfRecord.InForce> f = record.inForce();
        if (f.isEmpty()) {
            return;
        }
        Plan live = f.get().live();
        model.addAttribute("record", f.get().version());
        model.addAttribute("recordPlan", live);
        model.addAttribute("recordCentral", live.centralAgencies().size());
        if (agency != null) {
            live.agencies().stream().filter(a -> a.code().equals(agency)).findFirst()
                    .ifPresent(a -> model.addAttribute("inPlan", a));
        }
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestParam(required = false) String sort, @RequestParam(required = false) String dir, Model model) {
        SpendSnapshot s = snapshots.current();
        Sort by = Sort.parse(sort);
        boolean asc = by == Sort.CODE ? !"desc".equals(dir) : "asc".equals(dir);
        model.addAttribute("s", s);
        model.addAttribute("report", s.report());
        model.addAttribute("agg", s.report().aggregate());
        model.addAttribute("rows", sorted(s.report().agencies(), by, asc).stream().map(DashboardController::row).toList());
        model.addAttribute("sort", by.name().toLowerCase(Locale.ROOT));
        model.addAttribute("asc", asc);
        model.addAttribute("calendar", calendarRows(calendar(s.report().contractsEnding()), s, LocaleContextHolder.getLocale()));
        model.addAttribute("penaltyTotal", s.report().contractsEnding().stream().mapToLong(ContractEnding::exitPenaltyIdr).sum());
        header(model, s);
        planOfRecord(model, null);
        return "dashboard/dashboard";
    }

    @GetMapping("/dashboard/agencies/{code}")
    String agency(@PathVariable String code, Model model) {
        SpendSnapshot s = snapshots.current();
        AgencyAnalysis a = s.agency(code);
        Agency agency = s.agencies().get(code);
        if (a == null || agency == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "agency " + code);
        }
        List<Subscription> subs = s.subscriptions().stream().filter(x -> x.agency().equals(code)).toList();
        model.addAttribute("s", s);
        model.addAttribute("a", a);
        model.addAttribute("agency", agency);
        model.addAttribute("openReviews", reviews.open(code));
        model.addAttribute("subscriptions", subs);
        model.addAttribute("contracts", s.report().contractsEnding().stream().filter(c -> c.agency().equals(code)).toList());
        model.addAttribute("ranges", java.util.Arrays.stream(ChartRange.values()).map(ChartRange::key).toList());
        model.addAttribute("hasCharts", s.usageCharts().containsKey(code));
        header(model, s);
        planOfRecord(model, code);
        return "dashboard/agency";
    }

    @GetMapping("/dashboard/charts/aggregate.json")
    @ResponseBody
    UsageChart aggregate() {
        return snapshots.current().aggregateChart();
    }

    /** The capacity forecast: monthly Q95 of the central aggregate, its trend, the capacity (docs/forecast-budget.md). */
    @GetMapping("/dashboard/charts/forecast.json")
    @ResponseBody
    ForecastChart forecast() {
        return forecasts.chart(LocaleContextHolder.getLocale());
    }

    @GetMapping("/dashboard/agencies/{code}/usage.json")
    @ResponseBody
    UsageChart usage(@PathVariable String code, @RequestParam(defaultValue = "week") String range) {
        ChartRange r = ChartRange.parse(range);
        if (r == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "range: day, week, month or year, not " + range);
        }
        Map<ChartRange, UsageChart> charts = snapshots.current().usageCharts().get(code);
        if (charts == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no usage for agency " + code);
        }
        return charts.get(r);
    }

    /** Mean rate per hour of day (WIB), weekdays and weekends, in Mbps (null: no samples). */
    record Hourly(Double[] weekdayDown, Double[] weekendDown, Double[] weekdayUp, Double[] weekendUp) {
    }

    @GetMapping("/dashboard/agencies/{code}/hourly.json")
    @ResponseBody
    Hourly hourly(@PathVariable String code) {
        AgencyAnalysis a = snapshots.current().agency(code);
        if (a == null || a.hourly() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no usage for agency " + code);
        }
        HourlyProfile h = a.hourly();
        return new Hourly(mbps(h.weekdayDownBps()), mbps(h.weekendDownBps()), mbps(h.weekdayUpBps()), mbps(h.weekendUpBps()));
    }

    private void header(Model model, SpendSnapshot s) {
        model.addAttribute("demo", header.demo());
        model.addAttribute("demoTitle", header.demoTitle());
        model.addAttribute("regionName", header.regionName());
        model.addAttribute("quantile", s.report().quantile());
    }

    private static Double[] mbps(long[] bps) {
        Double[] out = new Double[bps.length];
        for (int i = 0; i < bps.length; i++) {
            out[i] = bps[i] < 0 ? null : UsageChart.mbps(bps[i]);
        }
        return out;
    }

    static List<AgencyAnalysis> sorted(List<AgencyAnalysis> agencies, Sort by, boolean asc) {
        List<AgencyAnalysis> rows = new ArrayList<>(agencies);
        Comparator<AgencyAnalysis> byCode = Comparator.comparing(AgencyAnalysis::code);
        if (by == Sort.CODE) {
            rows.sort(asc ? byCode : byCode.reversed());
            return rows;
        }
        Comparator<Double> values = asc ? Comparator.naturalOrder() : Comparator.reverseOrder();
        rows.sort(Comparator.comparing(by.key, Comparator.nullsLast(values)).thenComparing(byCode));
        return rows;
    }

    /*
     * Table cells as text, formatted here rather than in the template: a page of 50 agencies and
     * 60 contracts has about 700 cells, and each formatting call in a template expression costs
     * more than the whole row costs in Java (the dashboard is benchmarked at 20 concurrent users).
     */
    static Map<String, String> row(AgencyAnalysis a) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("code", a.code());
        r.put("name", a.name());
        r.put("spend", Rupiah.format(a.annualSpendIdr()));
        r.put("purchased", BitRate.ofBps(a.purchasedDownBps()).format(LocaleContextHolder.getLocale()));
        r.put("used", a.hasUsage() ? BitRate.ofBps(a.down().q()).format(LocaleContextHolder.getLocale()) : "–");
        r.put("util", a.utilizationDown() == null ? "–" : Math.round(a.utilizationDown() * 100) + " %");
        r.put("idle", a.idleAnnualIdr() == null ? "–" : Rupiah.format(a.idleAnnualIdr()));
        return r;
    }

    /** Month heading to the contracts of that month, each a row of texts. */
    static Map<String, List<Map<String, String>>> calendarRows(Map<YearMonth, List<ContractEnding>> calendar, SpendSnapshot s,
                                                              Locale locale) {
        DateTimeFormatter month = DateTimeFormatter.ofPattern("LLLL yyyy", locale);
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        Map<String, List<Map<String, String>>> out = new LinkedHashMap<>();
        calendar.forEach((ym, contracts) -> {
            List<Map<String, String>> rows = new ArrayList<>();
            for (ContractEnding c : contracts) {
                Agency a = s.agencies().get(c.agency());
                Map<String, String> r = new LinkedHashMap<>();
                r.put("end", day.format(c.endDate()));
                r.put("code", c.agency());
                r.put("agency", a == null ? c.agency() : a.name());
                r.put("contract", c.provider() + " · " + c.product());
                r.put("monthly", Rupiah.format(c.monthlyCostIdr()));
                r.put("penalty", Rupiah.format(c.exitPenaltyIdr()));
                r.put("hasPenalty", Boolean.toString(c.exitPenaltyIdr() > 0));
                rows.add(r);
            }
            out.put(month.format(ym), rows);
        });
        return out;
    }

    /** Contracts ending, grouped by month, soonest first. */
    static Map<YearMonth, List<ContractEnding>> calendar(List<ContractEnding> contracts) {
        Map<YearMonth, List<ContractEnding>> out = new LinkedHashMap<>();
        contracts.stream().sorted(Comparator.comparing(ContractEnding::endDate).thenComparing(ContractEnding::agency))
                .forEach(c -> out.computeIfAbsent(YearMonth.from(c.endDate()), k -> new ArrayList<>()).add(c));
        return out;
    }

}
