package id.padu.app.review;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Tables {@code review_round} and {@code review_response} (V32__review.sql). */
@Repository
class ReviewStore {

    record Round(long id, long scenarioId, String title, LocalDate dueDate, String status, String openedBy,
                 Instant openedAt, String closedBy, Instant closedAt, Integer adoptedVersion) {

        boolean open() {
            return "open".equals(status);
        }
    }

    record Response(long id, long roundId, String agency, String decision, String comment, String signerName,
                    String signerNip, String signerTitle, String answeredBy, Instant answeredAt) {
    }

    private static final String ROUND = "id, scenario_id, title, due_date, status, opened_by, opened_at, closed_by, "
            + "closed_at, adopted_version";
    private static final String RESPONSE = "id, round_id, agency, decision, comment, signer_name, signer_nip, "
            + "signer_title, answered_by, answered_at";

    private final JdbcClient jdbc;

    ReviewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long open(long scenarioId, String title, LocalDate due, String by, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO review_round (scenario_id, title, due_date, status, opened_by, opened_at) "
                        + "VALUES (?, ?, ?, 'open', ?, ?)")
                .params(scenarioId, title, Date.valueOf(due), by, Timestamp.from(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Round> round(long id) {
        return jdbc.sql("SELECT " + ROUND + " FROM review_round WHERE id = ?").param(id).query(ReviewStore::round).optional();
    }

    List<Round> rounds() {
        return jdbc.sql("SELECT " + ROUND + " FROM review_round ORDER BY id DESC").query(ReviewStore::round).list();
    }

    boolean close(long id, String by, Instant at, Integer adoptedVersion) {
        return jdbc.sql("UPDATE review_round SET status = 'closed', closed_by = ?, closed_at = ?, adopted_version = ? "
                        + "WHERE id = ? AND status = 'open'")
                .params(by, Timestamp.from(at), adoptedVersion, id).update() > 0;
    }

    long answer(long roundId, String agency, String decision, String comment, String name, String nip, String title,
                String by, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO review_response (round_id, agency, decision, comment, signer_name, signer_nip, signer_title, "
                        + "answered_by, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(roundId, agency, decision, comment, name, nip, title, by, Timestamp.from(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Every answer of the round, oldest first: an agency's newest is its answer. */
    List<Response> responses(long roundId) {
        return jdbc.sql("SELECT " + RESPONSE + " FROM review_response WHERE round_id = ? ORDER BY id").param(roundId)
                .query(ReviewStore::response).list();
    }

    private static Round round(ResultSet rs, int n) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        int adopted = rs.getInt("adopted_version");
        return new Round(rs.getLong("id"), rs.getLong("scenario_id"), rs.getString("title"),
                rs.getDate("due_date").toLocalDate(), rs.getString("status"), rs.getString("opened_by"),
                rs.getTimestamp("opened_at").toInstant(), rs.getString("closed_by"), closed == null ? null : closed.toInstant(),
                rs.wasNull() ? null : adopted);
    }

    private static Response response(ResultSet rs, int n) throws SQLException {
        return new Response(rs.getLong("id"), rs.getLong("round_id"), rs.getString("agency"), rs.getString("decision"),
                rs.getString("comment"), rs.getString("signer_name"), rs.getString("signer_nip"),
                rs.getString("signer_title"), rs.getString("answered_by"), rs.getTimestamp("answered_at").toInstant());
    }
}
