package id.padu.app.gateway;

import id.padu.app.inventory.AgencyRenamed;
import id.padu.app.planning.PlanFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A rename reaches the plans of the configurations marked applied (the counters page compares
 * the measured rates with them by agency code). Their rendered text stays as it was applied: it
 * is what the gateway runs until the next configuration is applied.
 */
@Component
class GatewayAgencyCodes {

    private final JdbcClient jdbc;

    GatewayAgencyCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void renamed(AgencyRenamed e) {
        List<Map.Entry<Long, String>> rows = jdbc.sql("SELECT id, plan_json FROM gateway_config")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
        int changed = 0;
        for (Map.Entry<Long, String> r : rows) {
            byte[] before = r.getValue().getBytes(StandardCharsets.UTF_8);
            byte[] after = PlanFiles.renameAgency(before, e.from(), e.to());
            if (after != before) {
                jdbc.sql("UPDATE gateway_config SET plan_json = ? WHERE id = ?")
                        .params(new String(after, StandardCharsets.UTF_8), r.getKey()).update();
                changed++;
            }
        }
        e.moved("gateway configuration plans", changed);
    }
}
