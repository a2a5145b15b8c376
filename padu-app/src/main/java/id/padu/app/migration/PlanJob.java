package id.padu.app.migration;

import id.padu.app.planning.PlanFiles;
import id.padu.app.planning.PlannerQueue;
import id.padu.app.inventory.InventoryService;
import id.padu.plan.PlanResult;
import id.padu.plan.Planner;
import id.padu.plan.PlanningException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Computes a plan from the current inventory off the request thread (the planner can take tens
 * of seconds on 51 agencies) in the server's one {@link PlannerQueue}, and starts tracking its
 * schedule; the page polls {@link #status()}. A second request while one runs just watches it.
 */
@Component
class PlanJob {

    private static final Logger LOG = LoggerFactory.getLogger(PlanJob.class);

    enum Phase { IDLE, RUNNING, DONE, FAILED }

    /** Where the last run stands; {@code message} is the failure, already in the user's language. */
    record Status(Phase phase, String message, Long migrationId) {
    }

    private final InventoryService inventory;
    private final CutoverService service;
    private final MessageSource messages;
    private final PlannerQueue planner;
    private final AtomicReference<Status> status = new AtomicReference<>(new Status(Phase.IDLE, null, null));

    PlanJob(InventoryService inventory, CutoverService service, MessageSource messages, PlannerQueue planner) {
        this.inventory = inventory;
        this.planner = planner;
        this.service = service;
        this.messages = messages;
    }

    Status status() {
        return status.get();
    }

    /** Starts a run unless one is running; returns the status after the request. */
    synchronized Status start(String by, Locale locale) {
        if (status.get().phase() == Phase.RUNNING) {
            return status.get();
        }
        status.set(new Status(Phase.RUNNING, null, null));
        planner.submit(() -> {
            run(by, locale);
            return null;
        });
        return status.get();
    }

    private void run(String by, Locale locale) {
        try {
            PlanResult result = Planner.plan(inventory.current(), service.today(), locale);
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            PlanFiles.write(result, json);
            TrackedMigration m = service.start(result.plan(), json.toByteArray(), "computed", by);
            status.set(new Status(Phase.DONE, null, m.id()));
        } catch (PlanningException e) {
            status.set(new Status(Phase.FAILED, e.message(locale), null));
        } catch (CutoverService.Refused e) {
            status.set(new Status(Phase.FAILED, e.message(messages, locale), null));
        } catch (IOException | RuntimeException e) {
            LOG.error("computing the migration plan failed", e);
            status.set(new Status(Phase.FAILED, messages.getMessage("mig.job.failed", null, locale), null));
        }
    }
}
