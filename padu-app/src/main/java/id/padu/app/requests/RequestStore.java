package id.padu.app.requests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code bandwidth_request} and {@code allocation_override}. */
@Repository
class RequestStore {

    private static final String COLUMNS = """
            id, agency_code, requested_by, down_cir_bps, down_mir_bps, up_cir_bps, up_mir_bps, reason, status,
            decided_by, decision_note, created_at, decided_at""";

    private final JdbcClient jdbc;

    RequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static BandwidthRequest row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime decided = rs.getObject(13, OffsetDateTime.class);
        return new BandwidthRequest(rs.getLong(1), rs.getString(2), rs.getString(3),
                new Allocation(rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)), rs.getString(8),
                BandwidthRequest.Status.valueOf(rs.getString(9)), rs.getString(10), rs.getString(11),
                rs.getObject(12, OffsetDateTime.class).toInstant(), decided == null ? null : decided.toInstant());
    }

    long insert(String agency, String by, Allocation a, String reason, Instant now) {
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO bandwidth_request (agency_code, requested_by, down_cir_bps, down_mir_bps, up_cir_bps, up_mir_bps,
                                               reason, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)""")
                .params(agency, by, a.downCirBps(), a.downMirBps(), a.upCirBps(), a.upMirBps(), reason,
                        OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update(key, "id");
        return key.getKey().longValue();
    }

    Optional<BandwidthRequest> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bandwidth_request WHERE id = ?").param(id).query(RequestStore::row).optional();
    }

    /** Newest first; only {@code agency}'s when it is not null. */
    List<BandwidthRequest> list(String agency) {
        return agency == null
                ? jdbc.sql("SELECT " + COLUMNS + " FROM bandwidth_request ORDER BY id DESC").query(RequestStore::row).list()
                : jdbc.sql("SELECT " + COLUMNS + " FROM bandwidth_request WHERE agency_code = ? ORDER BY id DESC")
                        .param(agency).query(RequestStore::row).list();
    }

    /** Marks a pending request decided; false when it was not pending any more (decided meanwhile). */
    boolean decide(long id, BandwidthRequest.Status status, String by, String note, Instant now) {
        return jdbc.sql("""
                UPDATE bandwidth_request SET status = ?, decided_by = ?, decision_note = ?, decided_at = ?
                WHERE id = ? AND status = 'PENDING'""")
                .params(status.name(), by, note, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), id).update() == 1;
    }

    Map<String, Allocation> overrides() {
        return jdbc.sql("SELECT agency_code, down_cir_bps, down_mir_bps, up_cir_bps, up_mir_bps FROM allocation_override")
                .query((rs, n) -> Map.entry(rs.getString(1), new Allocation(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void putOverride(String agency, Allocation a, long requestId, Instant now) {
        jdbc.sql("DELETE FROM allocation_override WHERE agency_code = ?").param(agency).update();
        jdbc.sql("""
                INSERT INTO allocation_override (agency_code, down_cir_bps, down_mir_bps, up_cir_bps, up_mir_bps, request_id, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(agency, a.downCirBps(), a.downMirBps(), a.upCirBps(), a.upMirBps(), requestId,
                        OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
    }
}
