package id.padu.app.alerts;

import id.padu.app.inventory.AgencyRenamed;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An agency's alerts follow a rename of its code (its history included), so its operator keeps
 * seeing them and a new agency that takes the old code starts without them. Alerts never keep an
 * agency from being deleted: the next evaluation resolves what no longer applies.
 */
@Component
class AlertAgencyCodes {

    private final JdbcClient jdbc;

    AlertAgencyCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void renamed(AgencyRenamed e) {
        // the key names the agency too (rule|agency|direction|subject): the next evaluation must find it
        e.moved("alerts", jdbc.sql("UPDATE alert SET agency = ?, alert_key = REPLACE(alert_key, ?, ?) WHERE agency = ?")
                .params(e.to(), "|" + e.from() + "|", "|" + e.to() + "|", e.from()).update());
    }
}
