package id.padu.app.alerts;

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

/** Table {@code alert} (V60__alerts.sql): the live alerts (pending, open) and the resolved history. */
@Repository
class AlertStore {

    /** One stored alert; acknowledged when {@code ackBy} is set. */
    record Row(long id, String key, String rule, String agency, String direction, String subject, String state,
               Instant firstSeen, Instant openedAt, Instant clearSince, Instant resolvedAt, Instant since, double value,
               double threshold, String messageId, String messageEn, String ackBy, Instant ackAt, String ackNote) {

        public boolean open() {
            return "open".equals(state);
        }

        public boolean acknowledged() {
            return ackBy != null;
        }

        public String message(java.util.Locale l) {
            return l != null && "en".equals(l.getLanguage()) ? messageEn : messageId;
        }
    }

    private static final String COLUMNS = "id, alert_key, rule, agency, direction, subject, state, first_seen, opened_at, "
            + "clear_since, resolved_at, since, measured, threshold, message_id, message_en, ack_by, ack_at, ack_note";

    private final JdbcClient jdbc;

    AlertStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The pending and open alerts. */
    List<Row> live() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert WHERE state IN ('pending', 'open') ORDER BY id")
                .query(AlertStore::row).list();
    }

    /** Open alerts, then the newest resolved ones (at most {@code history}), optionally of one agency only. */
    List<Row> page(Optional<String> agency, int history) {
        String where = agency.isPresent() ? " AND agency = :agency" : "";
        var open = jdbc.sql("SELECT " + COLUMNS + " FROM alert WHERE state = 'open'" + where + " ORDER BY opened_at DESC, id DESC");
        var resolved = jdbc.sql("SELECT " + COLUMNS + " FROM alert WHERE state = 'resolved'" + where
                + " ORDER BY resolved_at DESC, id DESC FETCH FIRST " + history + " ROWS ONLY");
        if (agency.isPresent()) {
            open = open.param("agency", agency.get());
            resolved = resolved.param("agency", agency.get());
        }
        List<Row> out = new java.util.ArrayList<>(open.query(AlertStore::row).list());
        out.addAll(resolved.query(AlertStore::row).list());
        return out;
    }

    Optional<Row> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert WHERE id = ?").param(id).query(AlertStore::row).optional();
    }

    long countOpen(Optional<String> agency) {
        if (agency.isPresent()) {
            return jdbc.sql("SELECT COUNT(*) FROM alert WHERE state = 'open' AND agency = ?").param(agency.get())
                    .query(Long.class).single();
        }
        return jdbc.sql("SELECT COUNT(*) FROM alert WHERE state = 'open'").query(Long.class).single();
    }

    long insert(String key, String rule, String agency, String direction, String subject, String state, Instant firstSeen,
                Instant openedAt, Instant since, double value, double threshold, String messageId, String messageEn) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO alert (alert_key, rule, agency, direction, subject, state, first_seen, opened_at, since, measured, "
                        + "threshold, message_id, message_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(key, rule, agency, direction, subject, state, ts(firstSeen), ts(openedAt), ts(since), value, threshold,
                        messageId, messageEn)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(long id, String state, Instant openedAt, Instant clearSince, Instant resolvedAt, Instant since, double value,
                double threshold, String messageId, String messageEn) {
        jdbc.sql("UPDATE alert SET state = ?, opened_at = ?, clear_since = ?, resolved_at = ?, since = ?, measured = ?, "
                        + "threshold = ?, message_id = ?, message_en = ? WHERE id = ?")
                .params(state, ts(openedAt), ts(clearSince), ts(resolvedAt), ts(since), value, threshold, messageId, messageEn, id)
                .update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM alert WHERE id = ? AND state = 'pending'").param(id).update();
    }

    boolean acknowledge(long id, String by, Instant at, String note) {
        return jdbc.sql("UPDATE alert SET ack_by = ?, ack_at = ?, ack_note = ? WHERE id = ? AND state = 'open'")
                .params(by, ts(at), note, id).update() > 0;
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("alert_key"), rs.getString("rule"), rs.getString("agency"),
                rs.getString("direction"), rs.getString("subject"), rs.getString("state"), instant(rs, "first_seen"),
                instant(rs, "opened_at"), instant(rs, "clear_since"), instant(rs, "resolved_at"), instant(rs, "since"),
                rs.getDouble("measured"), rs.getDouble("threshold"), rs.getString("message_id"), rs.getString("message_en"),
                rs.getString("ack_by"), instant(rs, "ack_at"), rs.getString("ack_note"));
    }
}
