package id.padu.app.collection;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The rows of {@code snmp_target} and {@code flow_listener}; secrets appear only by name. */
@Repository
class CollectionStore {

    /**
     * A stored SNMP target; {@code *Secret} are SecretBox names (null: none set). {@code kind}
     * {@link #AGENCY} (an agency's WAN interface: {@code agency} set, measured as its usage) or
     * {@link #UPLINK} (a central uplink's WAN interface: {@code provider} set, {@code product} ""
     * when none is named, {@code agency} null; polled for the uplink's availability).
     */
    record TargetRow(long id, String agency, String host, int port, String version, String communitySecret,
                     String user, String authProtocol, String authKeySecret, String privProtocol,
                     String privKeySecret, String iface, String wanDirection, boolean enabled, Instant updatedAt,
                     String kind, String provider, String product) {

        static final String AGENCY = "agency";
        static final String UPLINK = "uplink";

        public boolean uplink() {
            return UPLINK.equals(kind);
        }

        /** What the target is for, as pages and logs name it: the agency's code, or "uplink Telkom". */
        public String label() {
            return uplink() ? "uplink " + provider + (product.isEmpty() ? "" : " " + product) : agency;
        }
    }

    record ListenerRow(long id, String name, String bindAddress, int port, int receiveThreads, int receiveBuffer,
                       boolean enabled, Instant updatedAt) {
    }

    private static final String TARGET_COLUMNS = "id, agency_code, host, port, snmp_version, community_secret, snmp_user, "
            + "auth_protocol, auth_key_secret, priv_protocol, priv_key_secret, interface_name, wan_direction, enabled, updated_at, "
            + "target_kind, provider, product";
    private static final String LISTENER_COLUMNS = "id, name, bind_address, port, receive_threads, receive_buffer, enabled, updated_at";

    private final JdbcClient jdbc;

    CollectionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
    }

    List<TargetRow> targets() {
        // Agencies' targets by agency, then the uplinks' by provider.
        return jdbc.sql("SELECT " + TARGET_COLUMNS + " FROM snmp_target ORDER BY target_kind, agency_code, provider, product, id")
                .query(this::mapTarget).list();
    }

    Optional<TargetRow> target(long id) {
        return jdbc.sql("SELECT " + TARGET_COLUMNS + " FROM snmp_target WHERE id = ?").param(id).query(this::mapTarget).optional();
    }

    private TargetRow mapTarget(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new TargetRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getString(12), rs.getString(13), rs.getBoolean(14), rs.getObject(15, OffsetDateTime.class).toInstant(),
                rs.getString(16), rs.getString(17), rs.getString(18));
    }

    /** Inserts without secrets (they need the id for their names) and returns the id. */
    long insertTarget(TargetRow t) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO snmp_target (agency_code, host, port, snmp_version, snmp_user, auth_protocol, priv_protocol, "
                        + "interface_name, wan_direction, enabled, updated_at, target_kind, provider, product) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(t.agency(), t.host(), t.port(), t.version(), t.user(), t.authProtocol(), t.privProtocol(),
                        t.iface(), t.wanDirection(), t.enabled(), now(), t.kind(), t.provider(), t.product())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void updateTarget(TargetRow t) {
        jdbc.sql("UPDATE snmp_target SET agency_code = ?, host = ?, port = ?, snmp_version = ?, community_secret = ?, "
                        + "snmp_user = ?, auth_protocol = ?, auth_key_secret = ?, priv_protocol = ?, priv_key_secret = ?, "
                        + "interface_name = ?, wan_direction = ?, enabled = ?, updated_at = ?, target_kind = ?, provider = ?, "
                        + "product = ? WHERE id = ?")
                .params(t.agency(), t.host(), t.port(), t.version(), t.communitySecret(), t.user(), t.authProtocol(),
                        t.authKeySecret(), t.privProtocol(), t.privKeySecret(), t.iface(), t.wanDirection(), t.enabled(),
                        now(), t.kind(), t.provider(), t.product(), t.id())
                .update();
    }

    /** Switches a target or a listener on or off; nothing else of it changes. */
    void setEnabled(String table, long id, boolean enabled) {
        if (!table.equals("snmp_target") && !table.equals("flow_listener")) {
            throw new IllegalArgumentException(table);
        }
        jdbc.sql("UPDATE " + table + " SET enabled = ?, updated_at = ? WHERE id = ?").params(enabled, now(), id).update();
    }

    boolean deleteTarget(long id) {
        return jdbc.sql("DELETE FROM snmp_target WHERE id = ?").param(id).update() > 0;
    }

    List<ListenerRow> listeners() {
        return jdbc.sql("SELECT " + LISTENER_COLUMNS + " FROM flow_listener ORDER BY name").query(this::mapListener).list();
    }

    Optional<ListenerRow> listener(long id) {
        return jdbc.sql("SELECT " + LISTENER_COLUMNS + " FROM flow_listener WHERE id = ?").param(id).query(this::mapListener).optional();
    }

    private ListenerRow mapListener(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ListenerRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getInt(6),
                rs.getBoolean(7), rs.getObject(8, OffsetDateTime.class).toInstant());
    }

    long insertListener(ListenerRow l) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO flow_listener (name, bind_address, port, receive_threads, receive_buffer, enabled, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(l.name(), l.bindAddress(), l.port(), l.receiveThreads(), l.receiveBuffer(), l.enabled(), now())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void updateListener(ListenerRow l) {
        jdbc.sql("UPDATE flow_listener SET name = ?, bind_address = ?, port = ?, receive_threads = ?, receive_buffer = ?, "
                        + "enabled = ?, updated_at = ? WHERE id = ?")
                .params(l.name(), l.bindAddress(), l.port(), l.receiveThreads(), l.receiveBuffer(), l.enabled(), now(), l.id())
                .update();
    }

    boolean deleteListener(long id) {
        return jdbc.sql("DELETE FROM flow_listener WHERE id = ?").param(id).update() > 0;
    }
}
