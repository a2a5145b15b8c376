package id.padu.app.collection;

import id.padu.app.inventory.AgencyReferences;
import id.padu.app.inventory.AgencyRenamed;
import id.padu.app.inventory.InventoryService;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SNMP targets measure one agency: a rename moves them (the pollers pick the new code up at their
 * next reconcile), and an agency with targets is not deleted.
 */
@Component
class CollectionAgencyCodes {

    private final JdbcClient jdbc;

    CollectionAgencyCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void renamed(AgencyRenamed e) {
        e.moved("SNMP targets", jdbc.sql("UPDATE snmp_target SET agency_code = ? WHERE agency_code = ?")
                .params(e.to(), e.from()).update());
    }

    @EventListener
    void references(AgencyReferences q) {
        List<String> targets = jdbc.sql("SELECT host || ':' || port || ' ' || interface_name FROM snmp_target "
                + "WHERE agency_code = ? ORDER BY id").param(q.code()).query(String.class).list();
        q.add("snmpTargets", targets.size(), InventoryService.examples(targets));
    }
}
