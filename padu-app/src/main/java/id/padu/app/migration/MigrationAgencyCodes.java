package id.padu.app.migration;

import id.padu.app.inventory.AgencyReferences;
import id.padu.app.inventory.AgencyRenamed;
import id.padu.app.planning.PlanFiles;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The agency codes of the migration tables: cutover rows, their status history and checklist
 * ticks, and the plan each migration was scheduled from. A rename moves them all in its
 * transaction; an agency with cutover rows cannot be deleted.
 */
@Component
class MigrationAgencyCodes {

    private final JdbcClient jdbc;

    MigrationAgencyCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void renamed(AgencyRenamed e) {
        e.moved("migration cutover rows", jdbc.sql("UPDATE mig_cutover SET agency_code = ? WHERE agency_code = ?")
                .params(e.to(), e.from()).update());
        e.moved("migration status changes", jdbc.sql("UPDATE mig_status_change SET agency_code = ? WHERE agency_code = ?")
                .params(e.to(), e.from()).update());
        e.moved("migration checklist ticks", jdbc.sql("UPDATE mig_checklist_tick SET agency_code = ? WHERE agency_code = ?")
                .params(e.to(), e.from()).update());
        List<Map.Entry<Long, byte[]>> plans = jdbc.sql("SELECT id, plan_json FROM mig_migration")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getBytes(2))).list();
        int changed = 0;
        for (Map.Entry<Long, byte[]> p : plans) {
            byte[] after = PlanFiles.renameAgency(p.getValue(), e.from(), e.to());
            if (after != p.getValue()) {
                jdbc.sql("UPDATE mig_migration SET plan_json = ? WHERE id = ?").params(after, p.getKey()).update();
                changed++;
            }
        }
        e.moved("migration plans", changed);
    }

    @EventListener
    void references(AgencyReferences q) {
        int rows = jdbc.sql("SELECT COUNT(*) FROM mig_cutover WHERE agency_code = ?").param(q.code())
                .query(Integer.class).single();
        q.add("migration", rows, "");
    }
}
