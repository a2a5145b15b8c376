package id.padu.app.planning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code plan_of_record} and {@code plan_amendment} (V30__plan_of_record.sql); rows are only
 * ever added (an agency's rename rewrites the code in them, {@link PlanAgencyCodes}).
 */
@Repository
class PlanOfRecordRepository {

    private static final String VERSION_COLUMNS = "version, scenario_id, scenario, plan_json, note, adopted_by, adopted_at";
    private static final String AMENDMENT_COLUMNS = "id, version, agency, cir_down_bps, mir_down_bps, cir_up_bps, "
            + "mir_up_bps, source, reason, amended_by, amended_at";

    private final JdbcClient jdbc;

    PlanOfRecordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(int version, long scenarioId, String scenario, byte[] planJson, String note, String by, Instant at) {
        jdbc.sql("INSERT INTO plan_of_record (" + VERSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(version, scenarioId, scenario, planJson, note, by, Timestamp.from(at)).update();
    }

    Optional<PlanOfRecord.Version> newest() {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM plan_of_record ORDER BY version DESC FETCH FIRST 1 ROWS ONLY")
                .query(PlanOfRecordRepository::version).optional();
    }

    List<PlanOfRecord.Version> all() {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM plan_of_record ORDER BY version DESC")
                .query(PlanOfRecordRepository::version).list();
    }

    long insertAmendment(int version, String agency, long cirDown, long mirDown, long cirUp, long mirUp, String source,
                         String reason, String by, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO plan_amendment (version, agency, cir_down_bps, mir_down_bps, cir_up_bps, mir_up_bps, source, "
                        + "reason, amended_by, amended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(version, agency, cirDown, mirDown, cirUp, mirUp, source, reason, by, Timestamp.from(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<PlanOfRecord.Amendment> amendments(int version) {
        return jdbc.sql("SELECT " + AMENDMENT_COLUMNS + " FROM plan_amendment WHERE version = ? ORDER BY id").param(version)
                .query(PlanOfRecordRepository::amendment).list();
    }

    private static PlanOfRecord.Version version(ResultSet rs, int n) throws SQLException {
        int v = rs.getInt("version");
        return new PlanOfRecord.Version(v, rs.getLong("scenario_id"), rs.getString("scenario"),
                PlanOfRecord.read(rs.getBytes("plan_json"), "plan of record " + v), rs.getString("note"),
                rs.getString("adopted_by"), rs.getTimestamp("adopted_at").toInstant());
    }

    private static PlanOfRecord.Amendment amendment(ResultSet rs, int n) throws SQLException {
        return new PlanOfRecord.Amendment(rs.getLong("id"), rs.getInt("version"), rs.getString("agency"),
                rs.getLong("cir_down_bps"), rs.getLong("mir_down_bps"), rs.getLong("cir_up_bps"), rs.getLong("mir_up_bps"),
                rs.getString("source"), rs.getString("reason"), rs.getString("amended_by"),
                rs.getTimestamp("amended_at").toInstant());
    }
}
