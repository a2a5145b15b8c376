package id.padu.app.availability;

import id.padu.availability.Observation;
import id.padu.availability.Poll;
import id.padu.availability.PollOutcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code uplink_poll} (V62__uplink_polls.sql). */
@Repository
class UplinkPollStore {

    /** One poll to store: the observation and the outcome given to it. */
    record NewPoll(UplinkObservation seen, PollOutcome outcome) {
    }

    /** An uplink as the polls name it. */
    record UplinkName(String provider, String product) {

        String label() {
            return product.isEmpty() ? provider : provider + " " + product;
        }
    }

    private final JdbcClient jdbc;

    UplinkPollStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static OffsetDateTime at(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    void insert(List<NewPoll> polls) {
        for (NewPoll p : polls) {
            Observation o = p.seen().observation();
            String error = p.seen().error();
            jdbc.sql("INSERT INTO uplink_poll (provider, product, target_id, polled_at, outcome, interval_s, oper_status, "
                            + "in_octets, out_octets, sys_uptime, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(p.seen().provider(), p.seen().product(), p.seen().targetId(),
                            at(Instant.ofEpochMilli(p.seen().sentAtMillis())), p.outcome().code(), p.seen().intervalSeconds(),
                            o.answered() ? o.operStatus() : null, o.answered() ? o.inOctets() : null,
                            o.answered() ? o.outOctets() : null, o.answered() ? o.sysUpTimeTicks() : null,
                            error == null ? null : error.length() > 300 ? error.substring(0, 300) : error)
                    .update();
        }
    }

    /** The target's last answered poll: what the next poll's counters are compared with. */
    Optional<Observation> lastAnswered(long targetId) {
        return jdbc.sql("SELECT oper_status, in_octets, out_octets, sys_uptime FROM uplink_poll "
                        + "WHERE target_id = ? AND outcome <> 'missed' ORDER BY polled_at DESC, id DESC FETCH FIRST 1 ROWS ONLY")
                .param(targetId)
                .query((rs, n) -> new Observation(true, rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .optional();
    }

    /** The uplinks with a poll in [from, to), by provider and product. */
    List<UplinkName> uplinks(Instant from, Instant to) {
        return jdbc.sql("SELECT DISTINCT provider, product FROM uplink_poll WHERE polled_at >= ? AND polled_at < ? "
                        + "ORDER BY provider, product")
                .params(at(from), at(to)).query((rs, n) -> new UplinkName(rs.getString(1), rs.getString(2))).list();
    }

    /**
     * The uplink's polls in [from, to), with the last poll before {@code from} and the first one at
     * or after {@code to} (the context {@link id.padu.availability.UplinkMonth#of} needs).
     */
    List<Poll> pollsWithContext(UplinkName u, Instant from, Instant to) {
        List<Poll> out = new ArrayList<>();
        jdbc.sql("SELECT polled_at, outcome, interval_s FROM uplink_poll WHERE provider = ? AND product = ? AND polled_at < ? "
                        + "ORDER BY polled_at DESC, id DESC FETCH FIRST 1 ROWS ONLY")
                .params(u.provider(), u.product(), at(from)).query(UplinkPollStore::poll).optional().ifPresent(out::add);
        out.addAll(jdbc.sql("SELECT polled_at, outcome, interval_s FROM uplink_poll WHERE provider = ? AND product = ? "
                        + "AND polled_at >= ? AND polled_at < ? ORDER BY polled_at, id")
                .params(u.provider(), u.product(), at(from), at(to)).query(UplinkPollStore::poll).list());
        jdbc.sql("SELECT polled_at, outcome, interval_s FROM uplink_poll WHERE provider = ? AND product = ? AND polled_at >= ? "
                        + "ORDER BY polled_at, id FETCH FIRST 1 ROWS ONLY")
                .params(u.provider(), u.product(), at(to)).query(UplinkPollStore::poll).optional().ifPresent(out::add);
        return out;
    }

    /** Every poll since {@code from} (inclusive), per uplink. */
    List<UplinkPolls.Recent> since(Instant from) {
        List<UplinkPolls.Recent> out = new ArrayList<>();
        List<UplinkName> uplinks = jdbc.sql("SELECT DISTINCT provider, product FROM uplink_poll WHERE polled_at >= ? "
                        + "ORDER BY provider, product")
                .param(at(from)).query((rs, n) -> new UplinkName(rs.getString(1), rs.getString(2))).list();
        for (UplinkName u : uplinks) {
            List<Poll> polls = jdbc.sql("SELECT polled_at, outcome, interval_s FROM uplink_poll WHERE provider = ? AND product = ? "
                            + "AND polled_at >= ? ORDER BY polled_at, id")
                    .params(u.provider(), u.product(), at(from)).query(UplinkPollStore::poll).list();
            out.add(new UplinkPolls.Recent(u.provider(), u.product(), polls));
        }
        return out;
    }

    /** Deletes the polls before {@code before}; how many. */
    int purge(Instant before) {
        return jdbc.sql("DELETE FROM uplink_poll WHERE polled_at < ?").param(at(before)).update();
    }

    private static Poll poll(ResultSet rs, int n) throws SQLException {
        Instant t = rs.getObject(1, OffsetDateTime.class).toInstant();
        return new Poll(t.getEpochSecond(), PollOutcome.of(rs.getString(2)).orElseThrow(), rs.getInt(3));
    }
}
