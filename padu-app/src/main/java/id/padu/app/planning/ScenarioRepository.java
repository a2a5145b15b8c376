package id.padu.app.planning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import id.padu.app.audit.AuditableChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Table {@code planning_scenario} (V10__planning.sql). */
@Repository
class ScenarioRepository {

    private static final String COLUMNS = "id, name, settings_text, plan_json, data_version, created_by, created_at";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ScenarioRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Stores a scenario; the audit log records it in the same transaction. */
    @Transactional
    long insert(String name, Map<String, String> settings, byte[] json, long dataVersion, String createdBy, Instant createdAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO planning_scenario (name, settings_text, plan_json, data_version, created_by, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(name, PlanSettings.serialize(settings), json, dataVersion, createdBy, Timestamp.from(createdAt))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        events.publishEvent(new AuditableChange("plan.scenario.create", "planning_scenario", Long.toString(id), null,
                Map.of("name", name, "settings", settings, "dataVersion", dataVersion), createdBy));
        return id;
    }

    /** Newest first. */
    List<Scenario> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM planning_scenario ORDER BY created_at DESC, id DESC")
                .query(ScenarioRepository::row).list();
    }

    Optional<Scenario> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM planning_scenario WHERE id = ?").param(id)
                .query(ScenarioRepository::row).optional();
    }

    @Transactional
    boolean delete(long id) {
        Optional<Scenario> was = find(id);
        boolean deleted = jdbc.sql("DELETE FROM planning_scenario WHERE id = ?").param(id).update() > 0;
        if (deleted) {
            events.publishEvent(new AuditableChange("plan.scenario.delete", "planning_scenario", Long.toString(id),
                    Map.of("name", was.map(Scenario::name).orElse("")), null));
        }
        return deleted;
    }

    private static Scenario row(ResultSet rs, int n) throws SQLException {
        return Scenario.of(rs.getLong("id"), rs.getString("name"), PlanSettings.parse(rs.getString("settings_text")),
                rs.getBytes("plan_json"), rs.getLong("data_version"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
