package id.padu.app.gateway;

import id.padu.app.inventory.InventoryService;
import id.padu.app.planning.PlanOfRecord;
import id.padu.app.planning.PlannerQueue;
import id.padu.app.shared.Formats;
import id.padu.domain.Wib;
import id.padu.plan.Plan;
import id.padu.plan.Planner;
import id.padu.plan.PlanningException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The plan each engineer is working on: the plan of record unless the engineer uploaded or
 * computed another, which is kept in memory per user name (a workbench, clearly labelled as not
 * the plan of record; what was applied is stored in {@code gateway_config}). Computing a plan from the
 * inventory can take seconds (the planner's default time limit is 10 s), so it runs in the
 * server's one {@link PlannerQueue}; the page polls until it is ready.
 */
@Component
class WorkingPlans {

    private static final Logger log = LoggerFactory.getLogger(WorkingPlans.class);

    enum Status { PENDING, READY, FAILED }

    /**
     * @param source        the uploaded file name, or null for a plan computed from the inventory
     * @param recordVersion the plan of record's version when this is the live plan of record, else 0
     */
    record Taken(Status status, Plan plan, String source, Instant at, String error, int recordVersion) {

        Taken(Status status, Plan plan, String source, Instant at, String error) {
            this(status, plan, source, at, error, 0);
        }

        /** Whether the engineer works on the plan of record (not an uploaded or computed one). */
        public boolean ofRecord() {
            return recordVersion > 0;
        }
    }

    private final Map<String, Taken> byUser = new ConcurrentHashMap<>();
    private final InventoryService inventory;
    private final MessageSource messages;
    private final Clock clock = Clock.systemUTC();
    private final PlannerQueue planner;
    private final PlanOfRecord record;

    WorkingPlans(InventoryService inventory, MessageSource messages, PlannerQueue planner, PlanOfRecord record) {
        this.inventory = inventory;
        this.messages = messages;
        this.planner = planner;
        this.record = record;
    }

    /**
     * What the engineer works on: the plan they uploaded or computed, else the live plan of record
     * (the adopted plan with its amendments, read afresh), else nothing.
     */
    Taken get(String user) {
        Taken own = byUser.get(user);
        if (own != null) {
            return own;
        }
        return record.inForce().map(f -> new Taken(Status.READY, f.live(), null, f.version().adoptedAt(), null,
                f.version().version())).orElse(null);
    }

    /** Drops the engineer's own plan: the page shows the plan of record again. */
    void backToRecord(String user) {
        byUser.remove(user);
    }

    void uploaded(String user, Plan plan, String fileName) {
        byUser.put(user, new Taken(Status.READY, plan, fileName, clock.instant(), null));
    }

    /** Starts computing a plan from the current inventory unless one is already pending for the user. */
    void compute(String user, Locale locale) {
        Taken now = byUser.get(user);
        if (now != null && now.status() == Status.PENDING) {
            return;
        }
        Instant started = clock.instant();
        byUser.put(user, new Taken(Status.PENDING, null, null, started, null));
        planner.submit(() -> {
            Taken result;
            try {
                LocalDate today = LocalDate.now(clock.withZone(Wib.ZONE));
                Plan plan = Planner.plan(inventory.current(), today, locale).plan();
                result = new Taken(Status.READY, plan, null, clock.instant(), null);
            } catch (PlanningException e) {
                result = new Taken(Status.FAILED, null, null, clock.instant(), e.message(locale));
            } catch (RuntimeException e) {
                log.error("Gateway: planning failed", e);
                result = new Taken(Status.FAILED, null, null, clock.instant(),
                        messages.getMessage("gw.plan.computeFailed", new Object[] {String.valueOf(e.getMessage())}, locale));
            }
            // Only the run the user is waiting for may replace the state (not one overtaken by an upload).
            Taken r = result;
            byUser.computeIfPresent(user, (u, t) -> t.status() == Status.PENDING && t.at().equals(started) ? r : t);
            return null;
        });
    }
}
