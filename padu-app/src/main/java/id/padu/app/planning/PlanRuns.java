package id.padu.app.planning;

import id.padu.app.inventory.InventoryService;
import id.padu.app.shared.Formats;
import id.padu.domain.Dataset;
import id.padu.domain.Settings;
import id.padu.domain.Wib;
import id.padu.plan.PlanResult;
import id.padu.plan.Planner;
import id.padu.plan.PlanningException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Runs the planner off the request threads, through the server's one {@link PlannerQueue}. A finished run is stored as a named scenario; the
 * run itself (status, scenario id or error) is kept in memory for those polling it.
 */
@Service
class PlanRuns {

    private static final Logger log = LoggerFactory.getLogger(PlanRuns.class);
    /** Planner texts (reasons) are stored in the language of the study document. */
    static final Locale ID = Locale.forLanguageTag("id");
    private static final int KEEP_RUNS = 200;

    enum Status { QUEUED, RUNNING, DONE, FAILED }

    /** One run as its poller sees it. */
    record Run(String id, String name, Status status, Instant submittedAt, Instant startedAt, Instant finishedAt,
               Long scenarioId, String errorId, String errorEn) {

        /** Why no plan came out, in the user's language. */
        String error(Locale locale) {
            return "en".equals(locale.getLanguage()) ? errorEn : errorId;
        }
    }

    private final InventoryService inventory;
    private final ScenarioRepository scenarios;
    private final Clock clock;
    private final PlannerQueue queue;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final Map<String, Future<?>> futures = new ConcurrentHashMap<>();

    @Autowired
    PlanRuns(InventoryService inventory, ScenarioRepository scenarios, PlannerQueue queue) {
        this(inventory, scenarios, queue, Clock.systemUTC());
    }

    PlanRuns(InventoryService inventory, ScenarioRepository scenarios, PlannerQueue queue, Clock clock) {
        this.inventory = inventory;
        this.scenarios = scenarios;
        this.queue = queue;
        this.clock = clock;
    }

    /**
     * Checks the settings now (a bad value is the caller's answer at once) and queues the run.
     *
     * @param values plan.* keys to values; blank keeps the stored setting
     */
    Run submit(String name, Map<String, String> values, String user) throws PlanSettings.Invalid {
        return submit(name, values, user, DEFAULT_TIME_LIMIT_SECONDS);
    }

    /** The planner's default search time; a planner may give it up to {@link #MAX_TIME_LIMIT_SECONDS}. */
    static final int DEFAULT_TIME_LIMIT_SECONDS = (int) (Planner.Limits.DEFAULT.timeLimitMillis() / 1000);
    static final int MAX_TIME_LIMIT_SECONDS = 3600;

    /** Nothing to plan: no agency is stored yet (a plan of zeros would read as a proven optimum). */
    static final class NoData extends RuntimeException {
        NoData() {
            super("no agencies stored: import a dataset first");
        }
    }

    /** As above, with the search allowed {@code timeLimitSeconds} before it reports its gap. */
    Run submit(String name, Map<String, String> values, String user, int timeLimitSeconds) throws PlanSettings.Invalid {
        if (inventory.agencies().isEmpty()) {
            throw new NoData();
        }
        Settings stored = inventory.settings();
        PlanSettings.apply(stored, values);
        String id = UUID.randomUUID().toString();
        String title = name == null || name.isBlank() ? null : name.strip();
        Run run = new Run(id, title, Status.QUEUED, clock.instant(), null, null, null, null, null);
        runs.put(id, run);
        trim();
        futures.put(id, queue.submit(() -> {
            execute(id, title, values, user, timeLimitSeconds);
            return null;
        }));
        return run;
    }

    /** Waits at most {@code millis} for the run to finish: small datasets answer in one request. */
    Run await(String id, long millis) {
        Future<?> f = futures.get(id);
        if (f != null) {
            try {
                f.get(millis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // still running: the caller polls
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                // recorded in the run
            }
        }
        return runs.get(id);
    }

    Run get(String id) {
        return runs.get(id);
    }

    private void execute(String id, String name, Map<String, String> values, String user, int timeLimitSeconds) {
        Run queued = runs.get(id);
        Instant started = clock.instant();
        runs.put(id, new Run(id, name, Status.RUNNING, queued.submittedAt(), started, null, null, null, null));
        try {
            long version = inventory.version();
            Dataset data = inventory.current();
            LocalDate today = LocalDate.now(clock.withZone(Wib.ZONE));
            Map<String, String> used = new LinkedHashMap<>(PlanSettings.effective(data.settings(), values));
            // "today" is written down, so that the stored scenario says which start it assumed
            if (used.get("plan.start_date").isEmpty()) {
                used.put("plan.start_date", today.toString());
            }
            Settings settings = PlanSettings.apply(data.settings(), used);
            long t0 = System.nanoTime();
            Dataset planned = data.withSettings(settings);
            PlanResult result = Planner.plan(planned, today, ID,
                    Planner.Limits.DEFAULT.withTimeLimitMillis(timeLimitSeconds * 1000L));
            log.info("Planning: run {} solved in {} ms (optimal: {})", id, (System.nanoTime() - t0) / 1_000_000,
                    result.plan().optimal());
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            PlanFiles.write(result, planned, json);
            String title = name != null ? name : "Skenario " + today + " " + started.atZone(Wib.ZONE).toLocalTime().withNano(0);
            long scenarioId = scenarios.insert(title, used, json.toByteArray(), version, user, clock.instant());
            runs.put(id, new Run(id, title, Status.DONE, queued.submittedAt(), started, clock.instant(), scenarioId, null, null));
        } catch (PlanningException e) {
            runs.put(id, failed(id, name, queued, started, e.message(ID), e.message(Locale.ENGLISH), e));
        } catch (PlanSettings.Invalid e) {
            runs.put(id, failed(id, name, queued, started, e.message(ID), e.message(Locale.ENGLISH), e));
        } catch (IOException | RuntimeException e) {
            log.error("Planning: run {} failed", id, e);
            String m = "Kesalahan internal / internal error: " + e.getMessage();
            runs.put(id, failed(id, name, queued, started, m, m, e));
        } finally {
            futures.remove(id);
        }
    }

    private Run failed(String id, String name, Run queued, Instant started, String messageId, String messageEn, Exception e) {
        log.info("Planning: run {} found no plan: {}", id, e.getMessage());
        return new Run(id, name, Status.FAILED, queued.submittedAt(), started, clock.instant(), null, messageId, messageEn);
    }

    /** Forgets the oldest finished runs (their scenarios stay stored). */
    private void trim() {
        if (runs.size() <= KEEP_RUNS) {
            return;
        }
        runs.values().stream().filter(r -> r.status() == Status.DONE || r.status() == Status.FAILED)
                .sorted(java.util.Comparator.comparing(Run::submittedAt)).limit(runs.size() - KEEP_RUNS)
                .forEach(r -> runs.remove(r.id()));
    }
}
