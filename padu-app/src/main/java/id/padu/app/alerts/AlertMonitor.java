package id.padu.app.alerts;

import id.padu.alert.Alert;
import id.padu.alert.AlertEvaluator;
import id.padu.alert.AlertSettings;
import id.padu.alert.AlertTracker;
import id.padu.alert.UplinkDown;
import id.padu.app.availability.UplinkPolls;
import id.padu.app.audit.AuditableChange;
import id.padu.app.inventory.InventoryService;
import id.padu.app.measurement.MeasuredSeries;
import id.padu.app.measurement.Resolution;
import id.padu.app.planning.PlanOfRecord;
import id.padu.app.security.Role;
import id.padu.app.security.UserAccount;
import id.padu.app.security.UserAccounts;
import id.padu.app.shared.Mailer;
import id.padu.domain.Agency;
import id.padu.domain.Dataset;
import id.padu.domain.UsageSeries;
import id.padu.plan.Plan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import id.padu.app.inventory.InventoryChanged;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates the alert rules every {@code padu.alerts.interval} (5 minutes) on what the server
 * measured and the live plan of record, and keeps each alert's life in the {@code alert} table
 * through {@link AlertTracker}: it opens once its condition has held for
 * {@code alert.open_after_minutes}, resolves once it has been clear for
 * {@code alert.clear_after_minutes}; also soon after an import or an edit of the inventory.
 * Engineers and admins with an address are e-mailed on open
 * and resolve (only when SMTP is configured); every opening and resolving is audited.
 *
 * <p>The usage it evaluates is the agencies' stored usage, replaced for the last
 * {@link #MEASURED_DAYS} days by the server's own five-minute measurements for every agency the
 * collectors measured (SNMP where it measured, flows otherwise, as the measurement pages show).
 * {@code uplink-down} (server only) is evaluated on the last hour's polls of the central uplinks'
 * WAN interfaces ({@link UplinkPolls}) and goes through the same tracker, mail, audit and metrics.
 */
@Service
public class AlertMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(AlertMonitor.class);
    /** How the audit log names this job. */
    static final String ACTOR = "alerts";
    /** Days of the server's measurements the rules look at (the longest rule window is 30 days). */
    static final int MEASURED_DAYS = 31;

    private final boolean enabled;
    private final InventoryService inventory;
    private final MeasuredSeries measured;
    private final UplinkPolls uplinks;
    private final PlanOfRecord record;
    private final AlertStore store;
    private final AlertMetrics metrics;
    private final Mailer mail;
    private final UserAccounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "alerts-after-change");
        t.setDaemon(true);
        return t;
    });

    AlertMonitor(@Value("${padu.alerts.enabled:true}") boolean enabled, InventoryService inventory, MeasuredSeries measured,
                 UplinkPolls uplinks, PlanOfRecord record, AlertStore store, AlertMetrics metrics, Mailer mail,
                 UserAccounts accounts, ApplicationEventPublisher events, ObjectProvider<Clock> clock,
                 PlatformTransactionManager transactions) {
        this.enabled = enabled;
        this.inventory = inventory;
        this.measured = measured;
        this.uplinks = uplinks;
        this.record = record;
        this.store = store;
        this.metrics = metrics;
        this.mail = mail;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.tx = new TransactionTemplate(transactions);
    }

    /** What one evaluation did. */
    public record Result(int firing, int opened, int resolved) {
    }

    @Scheduled(initialDelayString = "${padu.alerts.initial-delay:PT5M}", fixedDelayString = "${padu.alerts.interval:PT5M}")
    void scheduled() {
        if (enabled) {
            evaluateAndLog();
        }
    }

    /**
     * An import or an edit changed the data (once committed): evaluate again soon, off the
     * importer's thread, so that e.g. a contract ending soon shows at once, not at the next
     * scheduled run. Several changes in a row give one evaluation.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void onInventoryChanged(InventoryChanged change) {
        if (enabled && pending.compareAndSet(false, true)) {
            worker.execute(() -> {
                pending.set(false);
                evaluateAndLog();
            });
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private void evaluateAndLog() {
        try {
            Result r = evaluate();
            if (r.opened() > 0 || r.resolved() > 0) {
                LOG.info("alerts: {} firing, {} opened, {} resolved", r.firing(), r.opened(), r.resolved());
            }
        } catch (AlertSettings.BadSetting e) {
            LOG.warn("alerts not evaluated: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("alerts not evaluated", e);
        }
    }

    /**
     * Evaluates the rules now and records what opened and resolved, in one transaction. One
     * evaluation at a time (the schedule, an import, the API): the lock is held until the
     * transaction has committed, so the next one reads what this one wrote.
     */
    public Result evaluate() {
        lock.lock();
        try {
            return tx.execute(status -> evaluateNow());
        } finally {
            lock.unlock();
        }
    }

    private Result evaluateNow() {
        Instant now = clock.instant();
        Dataset data = withMeasurements(inventory.current(), now);
        AlertSettings settings = AlertSettings.of(data.settings().raw());
        Plan plan = record.inForce().map(PlanOfRecord.InForce::live).orElse(null);
        List<Alert> firing = new ArrayList<>(AlertEvaluator.evaluate(data, plan, now.getEpochSecond(), settings));
        // The last of the rules (in rule order): it needs the uplinks' polls, which only the server has.
        firing.addAll(UplinkDown.evaluate(uplinks.recent(now, Duration.ofSeconds(UplinkDown.RECENT_SECONDS)).stream()
                .map(u -> new UplinkDown.Uplink(u.name(), u.polls())).toList(), now.getEpochSecond()));

        Map<String, AlertStore.Row> rows = new LinkedHashMap<>();
        Map<String, AlertTracker.State> before = new LinkedHashMap<>();
        for (AlertStore.Row r : store.live()) {
            rows.put(r.key(), r);
            before.put(r.key(), new AlertTracker.State(r.key(), r.firstSeen().getEpochSecond(),
                    r.openedAt() == null ? null : r.openedAt().getEpochSecond(),
                    r.clearSince() == null ? null : r.clearSince().getEpochSecond(), null));
        }
        AlertTracker.Step step = AlertTracker.step(before, firing, now.getEpochSecond(), settings.openAfterMinutes() * 60L,
                settings.clearAfterMinutes() * 60L);
        Map<String, Alert> byKey = new HashMap<>();
        firing.forEach(a -> byKey.put(a.key(), a));
        for (AlertTracker.State s : step.states().values()) {
            AlertStore.Row was = rows.get(s.key());
            Alert a = byKey.get(s.key());
            Instant opened = s.openedAt() == null ? null : Instant.ofEpochSecond(s.openedAt());
            Instant clearSince = s.clearSince() == null ? null : Instant.ofEpochSecond(s.clearSince());
            String state = s.open() ? "open" : "pending";
            if (was == null) {
                store.insert(s.key(), a.rule().code(), a.agency(), dir(a), a.subject(), state,
                        Instant.ofEpochSecond(s.firstSeen()), opened, since(a), a.value(), a.threshold(),
                        a.message(Locale.forLanguageTag("id")), a.message(Locale.ENGLISH));
            } else if (a != null) {
                store.update(was.id(), state, opened, clearSince, null, since(a), a.value(), a.threshold(),
                        a.message(Locale.forLanguageTag("id")), a.message(Locale.ENGLISH));
            } else {
                // clearing: the last figures stay as they were when it last fired
                store.update(was.id(), state, opened, clearSince, null, was.since(), was.value(), was.threshold(),
                        was.messageId(), was.messageEn());
            }
        }
        for (AlertStore.Row r : rows.values()) {
            if (!step.states().containsKey(r.key()) && !r.open()) {
                store.delete(r.id()); // pending, cleared before it opened: never an alert
            }
        }
        for (AlertTracker.State s : step.resolved()) {
            AlertStore.Row was = rows.get(s.key());
            store.update(was.id(), "resolved", was.openedAt(), Instant.ofEpochSecond(s.clearSince()), now, was.since(),
                    was.value(), was.threshold(), was.messageId(), was.messageEn());
            AlertStore.Row after = store.find(was.id()).orElseThrow();
            events.publishEvent(new AuditableChange("alert.resolve", "alert", Long.toString(was.id()), null, view(after), ACTOR));
            notify("[Padu] Selesai: ", after);
        }
        for (AlertTracker.State s : step.opened()) {
            AlertStore.Row row = store.live().stream().filter(r -> r.key().equals(s.key())).findFirst().orElseThrow();
            events.publishEvent(new AuditableChange("alert.open", "alert", Long.toString(row.id()), null, view(row), ACTOR));
            notify("[Padu] Peringatan: ", row);
        }
        metrics.update(store.live().stream().filter(AlertStore.Row::open).toList(), firing);
        return new Result(firing.size(), step.opened().size(), step.resolved().size());
    }

    /** The audit's picture of an alert: rule, agency, direction, state and the sentence. */
    private static Map<String, Object> view(AlertStore.Row r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("rule", r.rule());
        v.put("agency", r.agency());
        v.put("direction", r.direction());
        v.put("subject", r.subject());
        v.put("state", r.state());
        v.put("message", r.messageId());
        return v;
    }

    private void notify(String prefix, AlertStore.Row r) {
        List<String> to = accounts.all().stream().filter(u -> u.role() == Role.ENGINEER || u.role() == Role.ADMIN)
                .map(UserAccount::email).toList();
        // An uplink's alert names the uplink, an agency's the agency.
        String about = r.agency() != null ? " " + r.agency() : r.subject() != null ? " " + r.subject() : "";
        mail.send(to, prefix + r.rule() + about, r.messageId() + "\n\n" + r.messageEn()
                + "\n\nBuka Padu: /alerts");
    }

    private static String dir(Alert a) {
        return a.direction() == null ? null : a.direction().name().toLowerCase(Locale.ROOT);
    }

    private static Instant since(Alert a) {
        return a.sinceEpochSecond() == null ? null : Instant.ofEpochSecond(a.sinceEpochSecond());
    }

    /**
     * The dataset with each measured agency's usage of the last {@link #MEASURED_DAYS} days taken
     * from the server's five-minute measurements (closed buckets only).
     */
    private Dataset withMeasurements(Dataset data, Instant now) {
        long to = Math.floorDiv(now.getEpochSecond(), 300L) * 300L;
        long from = to - MEASURED_DAYS * 86_400L;
        Map<String, UsageSeries> usage = new LinkedHashMap<>(data.usage());
        int n = (int) ((to - from) / 300);
        boolean any = false;
        for (Agency a : data.agencies()) {
            MeasuredSeries.Series s = measured.read(a.code(), Instant.ofEpochSecond(from), Instant.ofEpochSecond(to),
                    Resolution.FIVE_MINUTES, Optional.empty());
            if (s.points().isEmpty()) {
                continue;
            }
            long[] down = new long[n];
            long[] up = new long[n];
            Arrays.fill(down, UsageSeries.MISSING);
            Arrays.fill(up, UsageSeries.MISSING);
            for (MeasuredSeries.Point p : s.points()) {
                int i = (int) ((p.start() - from) / 300);
                if (i >= 0 && i < n) {
                    down[i] = p.downBps();
                    up[i] = p.upBps();
                }
            }
            usage.put(a.code(), new UsageSeries(a.code(), from, 300, down, up));
            any = true;
        }
        if (!any) {
            return data;
        }
        return new Dataset(data.agencies(), data.subscriptions(), data.offers(), data.links(), data.services(), usage,
                data.settings());
    }
}
