package id.padu.app.dashboard;

import id.padu.analysis.AgencyAnalysis;
import id.padu.analysis.ContractEnding;
import id.padu.analysis.HourlyProfile;
import id.padu.domain.Agency;
import id.padu.domain.Subscription;
import java.time.YearMonth;
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

    DashboardController(SpendSnapshots snapshots, ReportHeader header) {
        this.snapshots = snapshots;
        this.header = header;
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestParam(required = false) String sort, @RequestParam(required = false) String dir, Model model) {
        SpendSnapshot s = snapshots.current();
        Sort by = Sort.parse(sort);
        boolean asc = by == Sort.CODE ? !"desc".equals(dir) : "asc".equals(dir);
        model.addAttribute("s", s);
        model.addAttribute("report", s.report());
        model.addAttribute("agg", s.report().aggregate());
        model.addAttribute("rows", sorted(s.report().agencies(), by, asc));
        model.addAttribute("sort", by.name().toLowerCase(java.util.Locale.ROOT));
        model.addAttribute("asc", asc);
        model.addAttribute("calendar", calendar(s.report().contractsEnding()));
        model.addAttribute("penaltyTotal", s.report().contractsEnding().stream().mapToLong(ContractEnding::exitPenaltyIdr).sum());
        model.addAttribute("names", names(s));
        header(model, s);
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
        model.addAttribute("subscriptions", subs);
        model.addAttribute("contracts", s.report().contractsEnding().stream().filter(c -> c.agency().equals(code)).toList());
        model.addAttribute("ranges", java.util.Arrays.stream(ChartRange.values()).map(ChartRange::key).toList());
        model.addAttribute("hasCharts", s.usageCharts().containsKey(code));
        header(model, s);
        return "dashboard/agency";
    }

    @GetMapping("/dashboard/charts/aggregate.json")
    @ResponseBody
    UsageChart aggregate() {
        return snapshots.current().aggregateChart();
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

    /** Contracts ending, grouped by month, soonest first. */
    static Map<YearMonth, List<ContractEnding>> calendar(List<ContractEnding> contracts) {
        Map<YearMonth, List<ContractEnding>> out = new LinkedHashMap<>();
        contracts.stream().sorted(Comparator.comparing(ContractEnding::endDate).thenComparing(ContractEnding::agency))
                .forEach(c -> out.computeIfAbsent(YearMonth.from(c.endDate()), k -> new ArrayList<>()).add(c));
        return out;
    }

    private static Map<String, String> names(SpendSnapshot s) {
        Map<String, String> names = new LinkedHashMap<>();
        s.agencies().forEach((code, a) -> names.put(code, a.name()));
        return names;
    }
}
