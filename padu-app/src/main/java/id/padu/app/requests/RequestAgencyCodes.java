package id.padu.app.requests;

import id.padu.app.inventory.AgencyReferences;
import id.padu.app.inventory.AgencyRenamed;
import id.padu.app.inventory.InventoryService;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Bandwidth requests and the allocations they set belong to an agency: a rename moves them, so
 * that an agency that later takes the old code sees none of them; an agency with requests is not
 * deleted (they are its record).
 */
@Component
class RequestAgencyCodes {

    private final JdbcClient jdbc;

    RequestAgencyCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void renamed(AgencyRenamed e) {
        e.moved("bandwidth requests", jdbc.sql("UPDATE bandwidth_request SET agency_code = ? WHERE agency_code = ?")
                .params(e.to(), e.from()).update());
        e.moved("allocation overrides", jdbc.sql("UPDATE allocation_override SET agency_code = ? WHERE agency_code = ?")
                .params(e.to(), e.from()).update());
    }

    @EventListener
    void references(AgencyReferences q) {
        List<String> requests = jdbc.sql("SELECT id FROM bandwidth_request WHERE agency_code = ? ORDER BY id")
                .param(q.code()).query(Long.class).list().stream().map(id -> "#" + id).toList();
        int count = requests.size();
        if (count == 0 && jdbc.sql("SELECT COUNT(*) FROM allocation_override WHERE agency_code = ?").param(q.code())
                .query(Integer.class).single() > 0) {
            count = 1; // an allocation an approved request set, its request gone: still the agency's record
        }
        q.add("requests", count, InventoryService.examples(requests));
    }
}
