package id.padu.app.planning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Table {@code planning_scenario} (V10__planning.sql). */
@Repository
class ScenarioRepository {

    private static final String COLUMNS = "id, name, settings_text, plan_json, data_version, created_by, created_at";

    private final JdbcClient jdbc;

    ScenarioRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String name, Map<String, String> settings, byte[] json, long dataVersion, String createdBy, Instant createdAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO planning_scenario (name, settings_text, plan_json, data_version, created_by, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(name, PlanSettings.serialize(settings), json, dataVersion, createdBy, Timestamp.from(createdAt))
                .update(keys, "id");
        return keys.getKey().longValue();
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

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM planning_scenario WHERE id = ?").param(id).update() > 0;
    }

    private static Scenario row(ResultSet rs, int n) throws SQLException {
        return Scenario.of(rs.getLong("id"), rs.getString("name"), PlanSettings.parse(rs.getString("settings_text")),
                rs.getBytes("plan_json"), rs.getLong("data_version"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
