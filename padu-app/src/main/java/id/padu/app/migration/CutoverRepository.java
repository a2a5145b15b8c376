package id.padu.app.migration;

import id.padu.migration.MigrationStatus;
import id.padu.migration.StatusChange;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of the tracking tables (V7_1__migration_tracking.sql). */
@Repository
class CutoverRepository {

    private final JdbcClient jdbc;

    CutoverRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertMigration(Instant at, String by, String source, byte[] planJson, boolean optimal, long totalCostIdr) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO mig_migration (created_at, created_by, source, plan_json, optimal, total_cost_idr) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(utc(at), by, source, planJson, optimal, totalCostIdr)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<TrackedMigration> latest() {
        return jdbc.sql("SELECT id, created_at, created_by, source, optimal, total_cost_idr, replanned_at "
                        + "FROM mig_migration ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .query((rs, n) -> new TrackedMigration(rs.getLong(1), instant(rs, 2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getLong(6), instant(rs, 7)))
                .optional();
    }

    byte[] planJson(long migration) {
        return jdbc.sql("SELECT plan_json FROM mig_migration WHERE id = ?").param(migration)
                .query((rs, n) -> rs.getBytes(1)).single();
    }

    void replanned(long migration, Instant at, boolean optimal, long totalCostIdr) {
        jdbc.sql("UPDATE mig_migration SET replanned_at = ?, optimal = ?, total_cost_idr = ? WHERE id = ?")
                .params(utc(at), optimal, totalCostIdr, migration).update();
    }

    void upsertCutover(long migration, TrackedCutover c) {
        int n = jdbc.sql("UPDATE mig_cutover SET agency_name = ?, position = ?, cutover_date = ?, window_text = ?, "
                        + "critical = ?, pilot = ?, status = ?, penalty_idr = ?, paid_twice_idr = ?, reason_id = ?, reason_en = ? "
                        + "WHERE migration_id = ? AND agency_code = ?")
                .params(c.name(), c.position(), date(c.date()), c.window(), c.critical(), c.pilot(), c.status().code(),
                        c.penaltyIdr(), c.paidTwiceIdr(), cut(c.reasonId()), cut(c.reasonEn()), migration, c.code())
                .update();
        if (n == 0) {
            jdbc.sql("INSERT INTO mig_cutover (migration_id, agency_code, agency_name, position, cutover_date, window_text, "
                            + "critical, pilot, status, penalty_idr, paid_twice_idr, reason_id, reason_en) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(migration, c.code(), c.name(), c.position(), date(c.date()), c.window(), c.critical(), c.pilot(),
                            c.status().code(), c.penaltyIdr(), c.paidTwiceIdr(), cut(c.reasonId()), cut(c.reasonEn()))
                    .update();
        }
    }

    void updateStatus(long migration, String code, MigrationStatus status, LocalDate date) {
        jdbc.sql("UPDATE mig_cutover SET status = ?, cutover_date = COALESCE(?, cutover_date) "
                        + "WHERE migration_id = ? AND agency_code = ?")
                .params(status.code(), date(date), migration, code).update();
    }

    List<TrackedCutover> cutovers(long migration) {
        return jdbc.sql("SELECT agency_code, agency_name, position, cutover_date, window_text, critical, pilot, status, "
                        + "penalty_idr, paid_twice_idr, reason_id, reason_en FROM mig_cutover WHERE migration_id = ? "
                        + "ORDER BY cutover_date, position, agency_code")
                .param(migration)
                .query((rs, n) -> new TrackedCutover(rs.getString(1), rs.getString(2), rs.getInt(3),
                        localDate(rs.getDate(4)), rs.getString(5), rs.getBoolean(6), rs.getBoolean(7),
                        MigrationStatus.fromCode(rs.getString(8)), rs.getLong(9), rs.getLong(10),
                        rs.getString(11), rs.getString(12)))
                .list();
    }

    void appendHistory(long migration, String code, StatusChange c) {
        jdbc.sql("INSERT INTO mig_status_change (migration_id, agency_code, changed_at, changed_by, from_status, "
                        + "to_status, note, cutover_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(migration, code, utc(c.at()), c.by(), c.from() == null ? null : c.from().code(), c.to().code(),
                        cut(c.note()), date(c.cutoverDate()))
                .update();
    }

    /** Every change in the order it was recorded. */
    List<HistoryEntry> history(long migration) {
        return jdbc.sql("SELECT agency_code, changed_at, changed_by, from_status, to_status, note, cutover_date "
                        + "FROM mig_status_change WHERE migration_id = ? ORDER BY id")
                .param(migration)
                .query((rs, n) -> new HistoryEntry(rs.getString(1), new StatusChange(
                        rs.getString(4) == null ? null : MigrationStatus.fromCode(rs.getString(4)),
                        MigrationStatus.fromCode(rs.getString(5)), instant(rs, 2), rs.getString(3), rs.getString(6),
                        localDate(rs.getDate(7)))))
                .list();
    }

    Set<String> ticks(long migration, String code) {
        return jdbc.sql("SELECT item_id FROM mig_checklist_tick WHERE migration_id = ? AND agency_code = ?")
                .params(migration, code).query((rs, n) -> rs.getString(1)).list().stream().collect(Collectors.toSet());
    }

    void tick(long migration, String code, String item, boolean ticked, String by, Instant at) {
        jdbc.sql("DELETE FROM mig_checklist_tick WHERE migration_id = ? AND agency_code = ? AND item_id = ?")
                .params(migration, code, item).update();
        if (ticked) {
            jdbc.sql("INSERT INTO mig_checklist_tick (migration_id, agency_code, item_id, ticked_by, ticked_at) "
                            + "VALUES (?, ?, ?, ?, ?)")
                    .params(migration, code, item, by, utc(at)).update();
        }
    }

    private static String cut(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 1999) + "…";
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static LocalDate localDate(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
