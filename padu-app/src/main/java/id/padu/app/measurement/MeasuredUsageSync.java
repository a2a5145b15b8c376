package id.padu.app.measurement;

import id.padu.domain.Wib;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the agencies' usage (what the dashboard, the analysis and the planner read) up to date
 * with what the server measured, without anyone pressing the page's button: once a day, for every
 * agency measured in the last {@code padu.measurement.usage-sync.days} days, those days' closed
 * 5-minute intervals are written over its usage ({@link MeasuredBaseline}; the overlap makes late
 * minutes count and writing the same interval twice harmless). Off by default: a regency that
 * plans from ISP reports decides itself when its own measurements take over. An agency whose
 * stored usage is on another grid is left alone and logged, as on the page.
 */
@Component
class MeasuredUsageSync {

    private static final Logger LOG = LoggerFactory.getLogger(MeasuredUsageSync.class);
    /** How the audit log names this job. */
    static final String ACTOR = "usage-sync";

    /** What one run did: agencies written, and agencies left alone because of their usage's grid. */
    record Result(List<String> written, List<String> otherGrid) {
    }

    private final boolean enabled;
    private final int days;
    private final MeasurementStore store;
    private final MeasuredBaseline baseline;
    private final MeasuredSeries series;

    MeasuredUsageSync(@Value("${padu.measurement.usage-sync.enabled:false}") boolean enabled,
                      @Value("${padu.measurement.usage-sync.days:2}") int days,
                      MeasurementStore store, MeasuredBaseline baseline, MeasuredSeries series) {
        if (days < 1 || days > 365) {
            throw new IllegalArgumentException("padu.measurement.usage-sync.days: 1 to 365, not " + days);
        }
        this.enabled = enabled;
        this.days = days;
        this.store = store;
        this.baseline = baseline;
        this.series = series;
    }

    boolean enabled() {
        return enabled;
    }

    /** 00:20 WIB: yesterday's last minutes have been handed over and rolled up by then. */
    @Scheduled(cron = "${padu.measurement.usage-sync.cron:0 20 0 * * *}", zone = Wib.ID)
    void daily() {
        if (enabled) {
            Result r = run();
            LOG.info("measured usage sync: {} agencies written, {} left alone (usage on another grid: {})",
                    r.written().size(), r.otherGrid().size(), r.otherGrid());
        }
    }

    Result run() {
        long length = Duration.ofDays(days).getSeconds();
        long since = series.now().getEpochSecond() - length;
        List<String> written = new ArrayList<>();
        List<String> otherGrid = new ArrayList<>();
        for (String agency : store.agenciesWithFiveMinuteDataSince(since)) {
            if (!store.agencyExists(agency)) {
                continue; // measured under a code the inventory no longer has
            }
            try {
                if (baseline.useAsUsage(agency, length, ACTOR).isPresent()) {
                    written.add(agency);
                }
            } catch (MeasuredBaseline.OtherGrid e) {
                otherGrid.add(agency);
            }
        }
        return new Result(written, otherGrid);
    }
}
