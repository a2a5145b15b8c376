package id.padu.app.measurement;

import id.padu.app.inventory.AgencyDeleted;
import id.padu.app.inventory.AgencyReferences;
import id.padu.app.inventory.AgencyRenamed;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Measured usage is keyed by the agency's code (so that a dataset import, which re-creates the
 * agencies, keeps it): a rename moves it, a deletion of the agency removes it like the agency's
 * usage, and a rename to a code that measurements of a removed agency still carry is refused.
 */
@Component
class MeasurementAgencyCodes {

    private final JdbcClient jdbc;

    MeasurementAgencyCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void renamed(AgencyRenamed e) {
        e.moved("measurement periods", jdbc.sql("UPDATE measurement SET agency_code = ? WHERE agency_code = ?")
                .params(e.to(), e.from()).update());
    }

    @EventListener
    void deleted(AgencyDeleted e) {
        jdbc.sql("DELETE FROM measurement WHERE agency_code = ?").param(e.code()).update();
    }

    @EventListener
    void references(AgencyReferences q) {
        if (q.renameTarget()) {
            q.add("measurements", jdbc.sql("SELECT COUNT(*) FROM measurement WHERE agency_code = ?").param(q.code())
                    .query(Integer.class).single(), "");
        }
    }
}
