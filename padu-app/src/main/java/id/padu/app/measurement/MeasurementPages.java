package id.padu.app.measurement;

import id.padu.analysis.NearestRank;
import id.padu.app.measurement.MeasuredSeries.Point;
import id.padu.app.measurement.MeasuredSeries.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import id.padu.app.shared.Formats;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The measured-usage page of one agency ({@code /measurements/{code}}): what the server's own SNMP
 * pollers and flow listeners measured over the last day, week, month or year, as a chart and a
 * short summary (how much of the range was measured, by which source, mean, Q95 and peak), with
 * the CSV for a dataset folder one click away. The engineer checks here that a newly configured
 * target really measures; the agency's operator sees their own traffic.
 */
@Controller
class MeasurementPages {

    /** The page's ranges, each ending now, at the resolution that keeps a chart at a few thousand points. */
    enum Range {
        DAY(Duration.ofDays(1), Resolution.MINUTE),
        WEEK(Duration.ofDays(7), Resolution.FIVE_MINUTES),
        MONTH(Duration.ofDays(30), Resolution.HOUR),
        YEAR(Duration.ofDays(365), Resolution.HOUR);

        final Duration length;
        final Resolution resolution;

        Range(Duration length, Resolution resolution) {
            this.length = length;
            this.resolution = resolution;
        }

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Range> parse(String text) {
            return Arrays.stream(values()).filter(r -> r.key().equals(text.trim().toLowerCase(Locale.ROOT))).findFirst();
        }
    }

    /**
     * What the summary shows. Rates in bit/s over the measured buckets only (a bucket nobody
     * measured is not a zero); {@code q95DownBps} by nearest rank over those buckets.
     */
    record Summary(int buckets, int measured, int snmpBuckets, int flowBuckets, Instant lastMeasured, long meanDownBps,
                   long q95DownBps, long peakDownBps, long meanUpBps, long peakUpBps) {

        /** Share of the range's buckets that a source measured, in percent with one decimal. */
        public double coveragePercent() {
            return buckets == 0 ? 0 : Math.round(measured * 1000.0 / buckets) / 10.0;
        }
    }

    /**
     * The chart's data: one value per bucket of the range (null where nothing was measured), in
     * Mbps with two decimals; {@code source} per bucket {@code s} (SNMP), {@code f} (flows) or null.
     * Times are WIB wall time written as UTC, as on the dashboard (ECharts {@code useUTC}).
     */
    record Chart(String agency, String range, String resolution, long startWibMs, long bucketMs, Double[] down,
                 Double[] up, String[] source) {
    }

    static final long WIB_OFFSET_MS = 7 * 3_600_000L;

    private final MeasuredSeries series;
    private final JdbcClient jdbc;
    private final MeasuredBaseline baseline;
    private final MessageSource messages;

    private final Formats formats;

    MeasurementPages(MeasuredSeries series, JdbcClient jdbc, MeasuredBaseline baseline,
                     MessageSource messages, Formats formats) {
        this.formats = formats;
        this.series = series;
        this.jdbc = jdbc;
        this.baseline = baseline;
        this.messages = messages;
    }

    /**
     * Writes the range's closed 5-minute intervals over the agency's stored usage, so that the
     * dashboard, the analysis and the planner use what the server measured (engineers only).
     */
    @PostMapping("/measurements/{code}/use-as-usage")
    String useAsUsage(@PathVariable String code, @RequestParam(defaultValue = "week") String range,
                      RedirectAttributes redirect) {
        Range r = range(range);
        agencyName(code);
        Locale locale = LocaleContextHolder.getLocale();
        Optional<MeasuredBaseline.Written> w;
        try {
            w = baseline.useAsUsage(code, r.length.getSeconds());
        } catch (MeasuredBaseline.OtherGrid e) {
            redirect.addFlashAttribute("problem", messages.getMessage("meas.use.otherGrid",
                    new Object[] {e.storedStepSeconds}, locale));
            return "redirect:/measurements/" + code + "?range=" + r.key();
        }
        if (w.isEmpty()) {
            redirect.addFlashAttribute("problem", messages.getMessage("meas.use.nothing", null, locale));
        } else {
            redirect.addFlashAttribute("used", messages.getMessage("meas.use.done", new Object[] {w.get().measured(),
                    w.get().intervals(), formats.time(w.get().from()), formats.time(w.get().to())}, locale));
        }
        return "redirect:/measurements/" + code + "?range=" + r.key();
    }

    @GetMapping("/measurements/{code}")
    String page(@PathVariable String code, @RequestParam(defaultValue = "day") String range, Model model) {
        Range r = range(range);
        String name = agencyName(code);
        Series s = read(code, r);
        model.addAttribute("code", code);
        model.addAttribute("name", name);
        model.addAttribute("range", r.key());
        model.addAttribute("ranges", Arrays.stream(Range.values()).map(Range::key).toList());
        model.addAttribute("resolution", r.resolution.label());
        model.addAttribute("summary", summary(s, r));
        model.addAttribute("from", Instant.ofEpochSecond(s.from()));
        model.addAttribute("to", Instant.ofEpochSecond(s.to()));
        return "measurement/agency";
    }

    @GetMapping("/measurements/{code}/chart.json")
    @ResponseBody
    Chart chart(@PathVariable String code, @RequestParam(defaultValue = "day") String range) {
        Range r = range(range);
        agencyName(code);
        Series s = read(code, r);
        int n = bucketCount(s, r);
        Double[] down = new Double[n];
        Double[] up = new Double[n];
        String[] source = new String[n];
        int step = r.resolution.seconds();
        for (Point p : s.points()) {
            int i = (int) ((p.start() - s.from()) / step);
            if (i >= 0 && i < n) {
                down[i] = mbps(p.downBps());
                up[i] = mbps(p.upBps());
                source[i] = p.source() == MeasurementSource.SNMP ? "s" : "f";
            }
        }
        return new Chart(code, r.key(), r.resolution.label(), s.from() * 1000 + WIB_OFFSET_MS, step * 1000L, down, up, source);
    }

    private static Range range(String text) {
        return Range.parse(text).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
                "range: day, week, month or year, not " + text));
    }

    private String agencyName(String code) {
        return jdbc.sql("SELECT name FROM agency WHERE code = ?").param(code).query(String.class).optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "agency " + code));
    }

    /** The range ending with the bucket now falls in (so the minute being measured shows as soon as it is stored). */
    private Series read(String code, Range r) {
        int step = r.resolution.seconds();
        long end = Math.floorDiv(series.now().getEpochSecond(), (long) step) * step + step;
        Instant to = Instant.ofEpochSecond(end);
        return series.read(code, to.minus(r.length), to, r.resolution, Optional.empty());
    }

    private static int bucketCount(Series s, Range r) {
        return (int) ((s.to() - s.from()) / r.resolution.seconds());
    }

    static Summary summary(Series s, Range r) {
        List<Point> points = s.points();
        int measured = points.size();
        int snmp = (int) points.stream().filter(p -> p.source() == MeasurementSource.SNMP).count();
        if (measured == 0) {
            return new Summary(bucketCount(s, r), 0, 0, 0, null, 0, 0, 0, 0, 0);
        }
        long[] down = new long[measured];
        long sumDown = 0;
        long sumUp = 0;
        long peakDown = 0;
        long peakUp = 0;
        for (int i = 0; i < measured; i++) {
            Point p = points.get(i);
            down[i] = p.downBps();
            sumDown += p.downBps();
            sumUp += p.upBps();
            peakDown = Math.max(peakDown, p.downBps());
            peakUp = Math.max(peakUp, p.upBps());
        }
        long q95 = NearestRank.quantile(down, 0.95, Long.MIN_VALUE);
        Point last = points.get(measured - 1);
        return new Summary(bucketCount(s, r), measured, snmp, measured - snmp,
                Instant.ofEpochSecond(last.start() + last.coveredSeconds()), Math.round(sumDown / (double) measured), q95,
                peakDown, Math.round(sumUp / (double) measured), peakUp);
    }

    private static double mbps(long bps) {
        return Math.round(bps / 10_000.0) / 100.0;
    }
}
