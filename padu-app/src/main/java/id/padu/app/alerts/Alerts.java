package id.padu.app.alerts;

import id.padu.app.audit.AuditableChange;
import id.padu.app.security.CurrentUser;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading and acknowledging alerts, scoped to the caller: an agency's operator sees its own agency's alerts only. */
@Service
class Alerts {

    /** An acknowledgement that cannot be taken; {@code field} null: the alert's state. */
    static final class Refused extends RuntimeException {
        final String field;

        Refused(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    static final class NotFound extends RuntimeException {
        NotFound(long id) {
            super("alert " + id);
        }
    }

    static final int HISTORY = 200;

    private final AlertStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Alerts(AlertStore store, ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
        this.store = store;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Open alerts first (newest first), then the newest resolved ones. */
    List<AlertStore.Row> visible() {
        return store.page(CurrentUser.agencyScope(), HISTORY);
    }

    long openCount() {
        return store.countOpen(CurrentUser.agencyScope());
    }

    AlertStore.Row find(long id) {
        AlertStore.Row r = store.find(id).filter(x -> !"pending".equals(x.state())).orElseThrow(() -> new NotFound(id));
        Optional<String> scope = CurrentUser.agencyScope();
        if (scope.isPresent() && !scope.get().equals(r.agency())) {
            throw new NotFound(id); // another agency's alert does not exist for this operator
        }
        return r;
    }

    @Transactional
    AlertStore.Row acknowledge(long id, String note, String by) {
        AlertStore.Row r = find(id);
        String n = note == null ? "" : note.strip();
        if (n.isEmpty() || n.length() > 2000) {
            throw new Refused("note", "required, 1 to 2000 characters");
        }
        if (!r.open()) {
            throw new Refused(null, "the alert is resolved");
        }
        if (r.acknowledged()) {
            throw new Refused(null, "the alert was acknowledged by " + r.ackBy());
        }
        store.acknowledge(id, by, clock.instant(), n);
        AlertStore.Row after = store.find(id).orElseThrow();
        events.publishEvent(new AuditableChange("alert.acknowledge", "alert", Long.toString(id), null,
                java.util.Map.of("rule", r.rule(), "agency", r.agency() == null ? "" : r.agency(), "note", n), by));
        return after;
    }
}
