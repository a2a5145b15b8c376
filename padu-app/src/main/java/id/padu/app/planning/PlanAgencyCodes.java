package id.padu.app.planning;

import id.padu.app.inventory.AgencyReferences;
import id.padu.app.inventory.AgencyRenamed;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The agency codes planning keeps: the plans of record and their amendments, and the scenarios
 * (whose plans the review rounds read). A rename rewrites them in its transaction; the plan of
 * record in force refers to every agency it names, which therefore cannot be deleted.
 */
@Component
class PlanAgencyCodes {

    private final JdbcClient jdbc;
    private final PlanOfRecord record;

    PlanAgencyCodes(JdbcClient jdbc, PlanOfRecord record) {
        this.jdbc = jdbc;
        this.record = record;
    }

    @EventListener
    void renamed(AgencyRenamed e) {
        e.moved("plan amendments", jdbc.sql("UPDATE plan_amendment SET agency = ? WHERE agency = ?")
                .params(e.to(), e.from()).update());
        e.moved("plan of record versions", rewrite("plan_of_record", "version", e));
        e.moved("planning scenarios", rewrite("planning_scenario", "id", e));
    }

    /** Rewrites the plan of each row that names the old code; the number of rows changed. */
    private int rewrite(String table, String key, AgencyRenamed e) {
        List<Map.Entry<Long, byte[]>> rows = jdbc.sql("SELECT " + key + ", plan_json FROM " + table)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getBytes(2))).list();
        int changed = 0;
        for (Map.Entry<Long, byte[]> row : rows) {
            byte[] after = PlanFiles.renameAgency(row.getValue(), e.from(), e.to());
            if (after != row.getValue()) {
                jdbc.sql("UPDATE " + table + " SET plan_json = ? WHERE " + key + " = ?").params(after, row.getKey()).update();
                changed++;
            }
        }
        return changed;
    }

    @EventListener
    void references(AgencyReferences q) {
        record.inForce().ifPresent(f -> {
            boolean named = f.live().agencies().stream().anyMatch(a -> a.code().equals(q.code()));
            boolean amended = record.amendments().stream().anyMatch(a -> a.agency().equals(q.code()));
            if (named || amended) {
                q.add("planOfRecord", 1, "version " + f.version().version());
            }
        });
    }
}
