package id.padu.app.inventory;

import id.padu.domain.Agency;
import id.padu.domain.AgencyKind;
import id.padu.domain.BitRate;
import id.padu.domain.ConnectionKind;
import id.padu.domain.IpPrefix;
import id.padu.domain.Link;
import id.padu.domain.LinkType;
import id.padu.domain.Offer;
import id.padu.domain.OnlineService;
import id.padu.domain.Priority;
import id.padu.domain.Rupiah;
import id.padu.domain.Subscription;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of the inventory tables (V1__inventory.sql). Plain JDBC, portable between H2 and PostgreSQL. */
@Repository
class InventoryRepository {

    private final JdbcClient jdbc;

    InventoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- agencies

    List<Agency> agencies() {
        Map<Long, List<IpPrefix>> prefixes = new LinkedHashMap<>();
        jdbc.sql("SELECT agency_id, cidr FROM agency_prefix ORDER BY agency_id, position")
                .query((rs, n) -> {
                    prefixes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(IpPrefix.parse(rs.getString(2)).orElseThrow());
                    return null;
                }).list();
        return jdbc.sql("SELECT id, code, name, kind, priority FROM agency ORDER BY code")
                .query((rs, n) -> agency(rs, prefixes.getOrDefault(rs.getLong(1), List.of()))).list();
    }

    Optional<Agency> agency(String code) {
        return agencyId(code).map(id -> {
            List<IpPrefix> prefixes = jdbc.sql("SELECT cidr FROM agency_prefix WHERE agency_id = ? ORDER BY position")
                    .param(id).query((rs, n) -> IpPrefix.parse(rs.getString(1)).orElseThrow()).list();
            return jdbc.sql("SELECT id, code, name, kind, priority FROM agency WHERE id = ?").param(id)
                    .query((rs, n) -> agency(rs, prefixes)).single();
        });
    }

    Optional<Long> agencyId(String code) {
        return jdbc.sql("SELECT id FROM agency WHERE code = ?").param(code).query(Long.class).optional();
    }

    private static Agency agency(ResultSet rs, List<IpPrefix> prefixes) throws SQLException {
        return new Agency(rs.getString(2), rs.getString(3), AgencyKind.fromCode(rs.getString(4)).orElseThrow(),
                Priority.fromCode(rs.getString(5)).orElseThrow(), prefixes);
    }

    long insertAgency(Agency a) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO agency (code, name, kind, priority) VALUES (?, ?, ?, ?)")
                .params(a.code(), a.name(), a.kind().code(), a.priority().code())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        insertPrefixes(id, a.prefixes());
        return id;
    }

    /** Updates name, kind, priority and prefixes of the agency with {@code code}; renames it to {@code a.code()}. */
    boolean updateAgency(String code, Agency a) {
        Optional<Long> id = agencyId(code);
        if (id.isEmpty()) {
            return false;
        }
        jdbc.sql("UPDATE agency SET code = ?, name = ?, kind = ?, priority = ? WHERE id = ?")
                .params(a.code(), a.name(), a.kind().code(), a.priority().code(), id.get()).update();
        jdbc.sql("DELETE FROM agency_prefix WHERE agency_id = ?").param(id.get()).update();
        insertPrefixes(id.get(), a.prefixes());
        return true;
    }

    private void insertPrefixes(long agencyId, List<IpPrefix> prefixes) {
        int pos = 0;
        for (IpPrefix p : prefixes) {
            jdbc.sql("INSERT INTO agency_prefix (agency_id, position, cidr) VALUES (?, ?, ?)")
                    .params(agencyId, pos++, p.toString()).update();
        }
    }

    /** The sum of a money column of {@code subscription}, {@code offer} or {@code link} (0 when empty). */
    java.math.BigDecimal columnTotal(String table, String column) {
        if (!java.util.Set.of("subscription", "offer", "link").contains(table)
                || !java.util.Set.of("monthly_cost_idr", "install_cost_idr", "exit_penalty_idr").contains(column)) {
            throw new IllegalArgumentException(table + "." + column);
        }
        return jdbc.sql("SELECT COALESCE(SUM(" + column + "), 0) FROM " + table).query(java.math.BigDecimal.class).single();
    }

    boolean deleteAgency(String code) {
        return jdbc.sql("DELETE FROM agency WHERE code = ?").param(code).update() > 0;
    }

    /** Deletes every inventory row; usage must be deleted first (UsageStore.deleteAll). */
    void deleteEverything() {
        // Children first keeps this independent of ON DELETE CASCADE support details.
        for (String table : List.of("agency_prefix", "subscription", "link", "online_service", "offer",
                "setting", "inventory_meta", "agency")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    // ---- subscriptions

    private static final String SUBSCRIPTION_COLUMNS = """
            s.id, a.code, s.provider, s.product, s.kind, s.down_bps, s.up_bps, s.monthly_cost_idr,
            s.install_cost_idr, s.start_date, s.end_date, s.exit_penalty_idr""";

    List<Identified<Subscription>> subscriptions(String agencyCodeOrNull) {
        String sql = "SELECT " + SUBSCRIPTION_COLUMNS + " FROM subscription s JOIN agency a ON a.id = s.agency_id"
                + (agencyCodeOrNull == null ? "" : " WHERE a.code = ?") + " ORDER BY a.code, s.id";
        var spec = jdbc.sql(sql);
        if (agencyCodeOrNull != null) {
            spec = spec.param(agencyCodeOrNull);
        }
        return spec.query((rs, n) -> new Identified<>(rs.getLong(1), subscription(rs))).list();
    }

    Optional<Identified<Subscription>> subscription(long id) {
        return jdbc.sql("SELECT " + SUBSCRIPTION_COLUMNS + " FROM subscription s JOIN agency a ON a.id = s.agency_id WHERE s.id = ?")
                .param(id).query((rs, n) -> new Identified<>(rs.getLong(1), subscription(rs))).optional();
    }

    private static Subscription subscription(ResultSet rs) throws SQLException {
        return new Subscription(rs.getString(2), rs.getString(3), rs.getString(4),
                ConnectionKind.fromCode(rs.getString(5)).orElseThrow(), BitRate.ofBps(rs.getLong(6)),
                BitRate.ofBps(rs.getLong(7)), Rupiah.of(rs.getLong(8)), Rupiah.of(rs.getLong(9)),
                date(rs, 10), date(rs, 11), Rupiah.of(rs.getLong(12)));
    }

    long insertSubscription(long agencyId, Subscription s) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO subscription (agency_id, provider, product, kind, down_bps, up_bps, monthly_cost_idr,
                  install_cost_idr, start_date, end_date, exit_penalty_idr) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(agencyId, s.provider(), s.product(), s.kind().code(), s.down().bps(), s.up().bps(),
                        s.monthlyCost().value(), s.installCost().value(), sqlDate(s.startDate()), sqlDate(s.endDate()),
                        s.exitPenalty().value())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean updateSubscription(long id, long agencyId, Subscription s) {
        return jdbc.sql("""
                UPDATE subscription SET agency_id = ?, provider = ?, product = ?, kind = ?, down_bps = ?, up_bps = ?,
                  monthly_cost_idr = ?, install_cost_idr = ?, start_date = ?, end_date = ?, exit_penalty_idr = ?
                WHERE id = ?""")
                .params(agencyId, s.provider(), s.product(), s.kind().code(), s.down().bps(), s.up().bps(),
                        s.monthlyCost().value(), s.installCost().value(), sqlDate(s.startDate()), sqlDate(s.endDate()),
                        s.exitPenalty().value(), id)
                .update() > 0;
    }

    boolean deleteSubscription(long id) {
        return jdbc.sql("DELETE FROM subscription WHERE id = ?").param(id).update() > 0;
    }

    void deleteSubscriptionsByKey(long agencyId, String provider, String product) {
        jdbc.sql("DELETE FROM subscription WHERE agency_id = ? AND provider = ? AND product = ?")
                .params(agencyId, provider, product).update();
    }

    // ---- offers

    private static final String OFFER_COLUMNS = """
            id, provider, product, kind, down_bps, up_bps, monthly_cost_idr, install_cost_idr, min_term_months, sla_pct""";

    List<Identified<Offer>> offers() {
        return jdbc.sql("SELECT " + OFFER_COLUMNS + " FROM offer ORDER BY provider, product")
                .query((rs, n) -> new Identified<>(rs.getLong(1), offer(rs))).list();
    }

    Optional<Identified<Offer>> offer(long id) {
        return jdbc.sql("SELECT " + OFFER_COLUMNS + " FROM offer WHERE id = ?").param(id)
                .query((rs, n) -> new Identified<>(rs.getLong(1), offer(rs))).optional();
    }

    private static Offer offer(ResultSet rs) throws SQLException {
        double sla = rs.getDouble(10);
        Double slaPct = rs.wasNull() ? null : sla;
        return new Offer(rs.getString(2), rs.getString(3), ConnectionKind.fromCode(rs.getString(4)).orElseThrow(),
                BitRate.ofBps(rs.getLong(5)), BitRate.ofBps(rs.getLong(6)), Rupiah.of(rs.getLong(7)),
                Rupiah.of(rs.getLong(8)), rs.getInt(9), slaPct);
    }

    long insertOffer(Offer o) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO offer (provider, product, kind, down_bps, up_bps, monthly_cost_idr, install_cost_idr,
                  min_term_months, sla_pct) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(o.provider(), o.product(), o.kind().code(), o.down().bps(), o.up().bps(), o.monthlyCost().value(),
                        o.installCost().value(), o.minTermMonths(), o.slaPct())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean updateOffer(long id, Offer o) {
        return jdbc.sql("""
                UPDATE offer SET provider = ?, product = ?, kind = ?, down_bps = ?, up_bps = ?, monthly_cost_idr = ?,
                  install_cost_idr = ?, min_term_months = ?, sla_pct = ? WHERE id = ?""")
                .params(o.provider(), o.product(), o.kind().code(), o.down().bps(), o.up().bps(), o.monthlyCost().value(),
                        o.installCost().value(), o.minTermMonths(), o.slaPct(), id)
                .update() > 0;
    }

    boolean deleteOffer(long id) {
        return jdbc.sql("DELETE FROM offer WHERE id = ?").param(id).update() > 0;
    }

    void deleteOfferByKey(String provider, String product) {
        jdbc.sql("DELETE FROM offer WHERE provider = ? AND product = ?").params(provider, product).update();
    }

    // ---- links

    List<Link> links() {
        return jdbc.sql("""
                SELECT a.code, l.link_type, l.monthly_cost_idr, l.install_cost_idr, l.capacity_bps
                FROM link l JOIN agency a ON a.id = l.agency_id ORDER BY a.code""")
                .query((rs, n) -> link(rs)).list();
    }

    Optional<Link> link(String code) {
        return jdbc.sql("""
                SELECT a.code, l.link_type, l.monthly_cost_idr, l.install_cost_idr, l.capacity_bps
                FROM link l JOIN agency a ON a.id = l.agency_id WHERE a.code = ?""")
                .param(code).query((rs, n) -> link(rs)).optional();
    }

    private static Link link(ResultSet rs) throws SQLException {
        long cap = rs.getLong(5);
        BitRate capacity = rs.wasNull() ? null : BitRate.ofBps(cap);
        return new Link(rs.getString(1), LinkType.fromCode(rs.getString(2)).orElseThrow(), Rupiah.of(rs.getLong(3)),
                Rupiah.of(rs.getLong(4)), capacity);
    }

    void upsertLink(long agencyId, Link l) {
        jdbc.sql("DELETE FROM link WHERE agency_id = ?").param(agencyId).update();
        jdbc.sql("INSERT INTO link (agency_id, link_type, monthly_cost_idr, install_cost_idr, capacity_bps) VALUES (?, ?, ?, ?, ?)")
                .params(agencyId, l.type().code(), l.monthlyCost().value(), l.installCost().value(),
                        l.capacity() == null ? null : l.capacity().bps())
                .update();
    }

    boolean deleteLink(long agencyId) {
        return jdbc.sql("DELETE FROM link WHERE agency_id = ?").param(agencyId).update() > 0;
    }

    // ---- services

    private static final String SERVICE_COLUMNS = "o.id, a.code, o.name, o.criticality, o.hostname, o.public_ip";

    List<Identified<OnlineService>> services(String agencyCodeOrNull) {
        String sql = "SELECT " + SERVICE_COLUMNS + " FROM online_service o JOIN agency a ON a.id = o.agency_id"
                + (agencyCodeOrNull == null ? "" : " WHERE a.code = ?") + " ORDER BY a.code, o.id";
        var spec = jdbc.sql(sql);
        if (agencyCodeOrNull != null) {
            spec = spec.param(agencyCodeOrNull);
        }
        return spec.query((rs, n) -> new Identified<>(rs.getLong(1), service(rs))).list();
    }

    Optional<Identified<OnlineService>> service(long id) {
        return jdbc.sql("SELECT " + SERVICE_COLUMNS + " FROM online_service o JOIN agency a ON a.id = o.agency_id WHERE o.id = ?")
                .param(id).query((rs, n) -> new Identified<>(rs.getLong(1), service(rs))).optional();
    }

    private static OnlineService service(ResultSet rs) throws SQLException {
        return new OnlineService(rs.getString(2), rs.getString(3), Priority.fromCode(rs.getString(4)).orElseThrow(),
                rs.getString(5), rs.getString(6));
    }

    long insertService(long agencyId, OnlineService s) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO online_service (agency_id, name, criticality, hostname, public_ip) VALUES (?, ?, ?, ?, ?)")
                .params(agencyId, s.name(), s.criticality().code(), s.hostname(), s.publicIp())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean updateService(long id, long agencyId, OnlineService s) {
        return jdbc.sql("UPDATE online_service SET agency_id = ?, name = ?, criticality = ?, hostname = ?, public_ip = ? WHERE id = ?")
                .params(agencyId, s.name(), s.criticality().code(), s.hostname(), s.publicIp(), id).update() > 0;
    }

    boolean deleteService(long id) {
        return jdbc.sql("DELETE FROM online_service WHERE id = ?").param(id).update() > 0;
    }

    void deleteServicesByKey(long agencyId, String name) {
        jdbc.sql("DELETE FROM online_service WHERE agency_id = ? AND name = ?").params(agencyId, name).update();
    }

    // ---- settings and meta

    Map<String, String> settings() {
        Map<String, String> out = new LinkedHashMap<>();
        jdbc.sql("SELECT setting_key, setting_value FROM setting ORDER BY setting_key")
                .query((rs, n) -> out.put(rs.getString(1), rs.getString(2))).list();
        return out;
    }

    void putSetting(String key, String value) {
        jdbc.sql("DELETE FROM setting WHERE setting_key = ?").param(key).update();
        jdbc.sql("INSERT INTO setting (setting_key, setting_value) VALUES (?, ?)").params(key, value).update();
    }

    void deleteSettings() {
        jdbc.sql("DELETE FROM setting").update();
    }

    Optional<String> meta(String key) {
        return jdbc.sql("SELECT meta_value FROM inventory_meta WHERE meta_key = ?").param(key).query(String.class).optional();
    }

    void putMeta(String key, String value) {
        jdbc.sql("DELETE FROM inventory_meta WHERE meta_key = ?").param(key).update();
        jdbc.sql("INSERT INTO inventory_meta (meta_key, meta_value) VALUES (?, ?)").params(key, value).update();
    }

    private static LocalDate date(ResultSet rs, int col) throws SQLException {
        Date d = rs.getDate(col);
        return d == null ? null : d.toLocalDate();
    }

    private static Date sqlDate(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
