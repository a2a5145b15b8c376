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

/**
 * Tables {@code review_round}, {@code review_revision}, {@code review_response} and
 * {@code review_reply} (V32__review.sql, V33__review_revisions.sql). A round's
 * {@code scenario_id} is its newest revision's scenario.
 */
@Repository
class ReviewStore {

    record Round(long id, long scenarioId, String title, LocalDate dueDate, String status, String openedBy,
                 Instant openedAt, String closedBy, Instant closedAt, Integer adoptedVersion) {

        boolean open() {
            return "open".equals(status);
        }
    }

    /** A scenario the round was put on: revision 1 is the one it was opened on. */
    record Revision(long roundId, int revision, long scenarioId, String note, String revisedBy, Instant revisedAt) {
    }

    /** What an agency says it needs besides agree/object; every part may be empty. */
    record Needs(String text, Integer staffAtPeak, String hostedServices, String events) {

        static final Needs NONE = new Needs(null, null, null, null);

        public boolean isEmpty() {
            return text == null && staffAtPeak == null && hostedServices == null && events == null;
        }
    }

    record Response(long id, long roundId, String agency, int revision, String decision, String comment,
                    String signerName, String signerNip, String signerTitle, Needs needs, String answeredBy,
                    Instant answeredAt) {
    }

    /** Diskominfo's reply to an agency's answer. */
    record Reply(long id, long roundId, String agency, long responseId, String comment, String repliedBy,
                 Instant repliedAt) {
    }

    private static final String ROUND = "id, scenario_id, title, due_date, status, opened_by, opened_at, closed_by, "
            + "closed_at, adopted_version";
    private static final String RESPONSE = "id, round_id, agency, revision, decision, comment, signer_name, signer_nip, "
            + "signer_title, needs, staff_at_peak, hosted_services, events, answered_by, answered_at";
    private static final String REVISION = "round_id, revision, scenario_id, note, revised_by, revised_at";
    private static final String REPLY = "id, round_id, agency, response_id, comment, replied_by, replied_at";

    private final JdbcClient jdbc;

    ReviewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long open(long scenarioId, String title, LocalDate due, String by, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO review_round (scenario_id, title, due_date, status, opened_by, opened_at) "
                        + "VALUES (?, ?, ?, 'open', ?, ?)")
                .params(scenarioId, title, Date.valueOf(due), by, Timestamp.from(at)).update(keys, "id");
        long id = keys.getKey().longValue();
        addRevision(id, 1, scenarioId, "", by, at);
        return id;
    }

    /** Puts the open round on another scenario as its next revision. */
    void revise(long roundId, int revision, long scenarioId, String note, String by, Instant at) {
        addRevision(roundId, revision, scenarioId, note, by, at);
        jdbc.sql("UPDATE review_round SET scenario_id = ? WHERE id = ? AND status = 'open'").params(scenarioId, roundId).update();
    }

    private void addRevision(long roundId, int revision, long scenarioId, String note, String by, Instant at) {
        jdbc.sql("INSERT INTO review_revision (" + REVISION + ") VALUES (?, ?, ?, ?, ?, ?)")
                .params(roundId, revision, scenarioId, note, by, Timestamp.from(at)).update();
    }

    /** The round's revisions, oldest first. */
    List<Revision> revisions(long roundId) {
        return jdbc.sql("SELECT " + REVISION + " FROM review_revision WHERE round_id = ? ORDER BY revision").param(roundId)
                .query((rs, n) -> new Revision(rs.getLong("round_id"), rs.getInt("revision"), rs.getLong("scenario_id"),
                        rs.getString("note"), rs.getString("revised_by"), rs.getTimestamp("revised_at").toInstant()))
                .list();
    }

    long reply(long roundId, String agency, long responseId, String comment, String by, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO review_reply (round_id, agency, response_id, comment, replied_by, replied_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(roundId, agency, responseId, comment, by, Timestamp.from(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Every reply of the round, oldest first. */
    List<Reply> replies(long roundId) {
        return jdbc.sql("SELECT " + REPLY + " FROM review_reply WHERE round_id = ? ORDER BY id").param(roundId)
                .query((rs, n) -> new Reply(rs.getLong("id"), rs.getLong("round_id"), rs.getString("agency"),
                        rs.getLong("response_id"), rs.getString("comment"), rs.getString("replied_by"),
                        rs.getTimestamp("replied_at").toInstant()))
                .list();
    }

    /** Keeps the minutes as they stood when the round was closed. */
    void keepMinutes(long roundId, byte[] pdf) {
        jdbc.sql("UPDATE review_round SET minutes_pdf = ? WHERE id = ?").params(pdf, roundId).update();
    }

    Optional<byte[]> keptMinutes(long roundId) {
        return jdbc.sql("SELECT minutes_pdf FROM review_round WHERE id = ? AND minutes_pdf IS NOT NULL").param(roundId)
                .query((rs, n) -> rs.getBytes(1)).optional();
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

    long answer(long roundId, String agency, int revision, String decision, String comment, String name, String nip,
                String title, Needs needs, String by, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO review_response (round_id, agency, revision, decision, comment, signer_name, signer_nip, "
                        + "signer_title, needs, staff_at_peak, hosted_services, events, answered_by, answered_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(roundId, agency, revision, decision, comment, name, nip, title, needs.text(), needs.staffAtPeak(),
                        needs.hostedServices(), needs.events(), by, Timestamp.from(at)).update(keys, "id");
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
        int staff = rs.getInt("staff_at_peak");
        Integer staffAtPeak = rs.wasNull() ? null : staff;
        return new Response(rs.getLong("id"), rs.getLong("round_id"), rs.getString("agency"), rs.getInt("revision"),
                rs.getString("decision"), rs.getString("comment"), rs.getString("signer_name"), rs.getString("signer_nip"),
                rs.getString("signer_title"), new Needs(rs.getString("needs"), staffAtPeak, rs.getString("hosted_services"),
                        rs.getString("events")),
                rs.getString("answered_by"), rs.getTimestamp("answered_at").toInstant());
    }
}
