package id.padu.app.inventory;

import id.padu.app.inventory.InventoryChanged.Part;

import id.padu.app.usage.UsageStore;
import id.padu.domain.Agency;
import id.padu.domain.Dataset;
import id.padu.domain.Link;
import id.padu.domain.Offer;
import id.padu.domain.Rupiah;
import id.padu.domain.OnlineService;
import id.padu.domain.Settings;
import id.padu.domain.Subscription;
import id.padu.domain.UsageSeries;
import id.padu.app.security.UserAccounts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import id.padu.app.audit.AuditableChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The regency's stored inventory as one {@link Dataset}: what other modules (analysis, planner,
 * dashboard) read with {@link #current()}, and what an import writes with {@link #replace} or
 * {@link #merge}. Both writes are one transaction: any failure leaves the stored data as it was.
 *
 * <p>Merge rules (natural keys of dataset format v1): agencies by code; subscriptions by
 * (agency, provider, product); offers by (provider, product); links by agency; services by
 * (agency, name); settings by key; usage per sample time (see {@link UsageStore}). Rows of the
 * incoming dataset replace stored rows with the same key; stored rows with other keys stay.
 */
@Service
public class InventoryService {

    static final String LINKS_FILE_PRESENT = "links_file_present";

    private final InventoryRepository repo;
    private final UsageStore usage;
    private final AtomicLong version = new AtomicLong();
    private final ApplicationEventPublisher events;
    private final UserAccounts accounts;

    InventoryService(InventoryRepository repo, UsageStore usage, ApplicationEventPublisher events, UserAccounts accounts) {
        this.repo = repo;
        this.usage = usage;
        this.events = events;
        this.accounts = accounts;
    }

    /**
     * Every write tells the audit log what changed, and the other modules that {@code part}
     * changed, inside its own transaction.
     */
    private void audit(String action, Part part, Object key, Object before, Object after) {
        events.publishEvent(new AuditableChange(action, part.entity(), key == null ? null : key.toString(), before, after));
        events.publishEvent(new InventoryChanged(part));
    }

    private Map<String, Object> counts() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agencies", repo.agencies().size());
        m.put("subscriptions", repo.subscriptions(null).size());
        m.put("offers", repo.offers().size());
        m.put("links", repo.links().size());
        m.put("services", repo.services(null).size());
        return m;
    }

    /** Everything stored, as a dataset (usage included). */
    @Transactional(readOnly = true)
    public Dataset current() {
        List<Agency> agencies = repo.agencies();
        Map<String, UsageSeries> all = usage.readAll();
        Map<String, UsageSeries> ordered = new LinkedHashMap<>();
        for (Agency a : agencies) {
            UsageSeries s = all.get(a.code());
            if (s != null) {
                ordered.put(a.code(), s);
            }
        }
        boolean linksFile = repo.meta(LINKS_FILE_PRESENT).map(Boolean::parseBoolean).orElse(false);
        return new Dataset(agencies,
                repo.subscriptions(null).stream().map(Identified::value).toList(),
                repo.offers().stream().map(Identified::value).toList(),
                linksFile ? repo.links() : null,
                repo.services(null).stream().map(Identified::value).toList(),
                ordered,
                SettingsCodec.fromRows(repo.settings()));
    }

    /** The stored data becomes exactly {@code dataset}; all or nothing. */
    @Transactional
    public void replace(Dataset dataset) {
        changed();
        Map<String, Object> before = counts();
        usage.deleteAll();
        repo.deleteEverything();
        write(dataset, false);
        checkTotals("subscription", "offer", "link");
        audit("dataset.replace", Part.DATASET, null, before, counts());
    }

    /** Adds {@code dataset} to the stored data by the merge rules of the class comment; all or nothing. */
    @Transactional
    public void merge(Dataset dataset) {
        changed();
        Map<String, Object> before = counts();
        write(dataset, true);
        checkTotals("subscription", "offer", "link");
        audit("dataset.merge", Part.DATASET, null, before, counts());
    }

    private void write(Dataset d, boolean merging) {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (Agency a : d.agencies()) {
            Optional<Long> existing = merging ? repo.agencyId(a.code()) : Optional.empty();
            if (existing.isPresent()) {
                repo.updateAgency(a.code(), a);
                ids.put(a.code(), existing.get());
            } else {
                ids.put(a.code(), repo.insertAgency(a));
            }
        }
        if (merging) {
            Set<String> seen = new HashSet<>();
            for (Subscription s : d.subscriptions()) {
                if (seen.add(s.agency() + "\u0000" + s.provider() + "\u0000" + s.product())) {
                    repo.deleteSubscriptionsByKey(id(ids, s.agency()), s.provider(), s.product());
                }
            }
            for (Offer o : d.offers()) {
                repo.deleteOfferByKey(o.provider(), o.product());
            }
            for (OnlineService s : d.services()) {
                repo.deleteServicesByKey(id(ids, s.agency()), s.name());
            }
        }
        for (Subscription s : d.subscriptions()) {
            repo.insertSubscription(id(ids, s.agency()), s);
        }
        for (Offer o : d.offers()) {
            repo.insertOffer(o);
        }
        if (d.links() != null) {
            for (Link l : d.links()) {
                repo.upsertLink(id(ids, l.agency()), l);
            }
            repo.putMeta(LINKS_FILE_PRESENT, "true");
        } else if (!merging) {
            repo.putMeta(LINKS_FILE_PRESENT, "false");
        }
        for (OnlineService s : d.services()) {
            repo.insertService(id(ids, s.agency()), s);
        }
        Map<String, String> rows = SettingsCodec.toRows(d.settings());
        if (!merging) {
            repo.deleteSettings();
        }
        rows.forEach(repo::putSetting);
        for (UsageSeries s : d.usage().values()) {
            usage.write(s);
        }
    }

    private long id(Map<String, Long> ids, String code) {
        Long id = ids.get(code);
        if (id != null) {
            return id;
        }
        // Merge may refer to an agency stored earlier and not repeated in the incoming file.
        long found = repo.agencyId(code).orElseThrow(() -> new InventoryException("unknown agency " + code));
        ids.put(code, found);
        return found;
    }

    /**
     * Grows whenever anything stored changed, inventory or usage (counted when the writing
     * transaction commits): a reader may cache what it computes from {@link #current()} under it.
     */
    public long version() {
        return version.get() + usage.version();
    }

    private void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    version.incrementAndGet();
                }
            });
        } else {
            version.incrementAndGet();
        }
    }

    // ---- reading pieces (for pages and other modules)

    /** All agencies, ordered by code. */
    @Transactional(readOnly = true)
    public List<Agency> agencies() {
        return repo.agencies();
    }

    @Transactional(readOnly = true)
    public Optional<Agency> agency(String code) {
        return repo.agency(code);
    }

    @Transactional(readOnly = true)
    public List<Identified<Subscription>> subscriptions(String agencyCode) {
        return repo.subscriptions(agencyCode);
    }

    @Transactional(readOnly = true)
    public Settings settings() {
        return SettingsCodec.fromRows(repo.settings());
    }

    /** The offers (offers.csv), without the rest of the dataset. */
    @Transactional(readOnly = true)
    public List<Offer> allOffers() {
        return repo.offers().stream().map(Identified::value).toList();
    }

    // ---- single-row edits (REST API and pages); package-private

    @Transactional
    void createAgency(Agency a) {
        changed();
        if (repo.agencyId(a.code()).isPresent()) {
            throw new InventoryException.Conflict("agency " + a.code() + " exists");
        }
        repo.insertAgency(a);
        audit("agency.create", Part.AGENCY, a.code(), null, a);
    }

    /**
     * Updates an agency; a new code renames it, in one transaction with every row elsewhere that
     * carries the code ({@link AgencyRenamed}): operator accounts (whose sessions then end, their
     * rights changed), requests, SNMP targets, measurements, migration rows, the plan of record and
     * its amendments, scenarios, review answers, gateway configurations. The audit row lists how
     * many rows of each moved. Refused when the new code is taken, or still carried by rows of an
     * agency that is gone ({@link AgencyReferences}).
     */
    @Transactional
    void updateAgency(String code, Agency a) {
        changed();
        Agency before = repo.agency(code).orElse(null);
        if (before == null) {
            throw new InventoryException.NotFound("agency " + code);
        }
        boolean renamed = !code.equals(a.code());
        if (renamed && repo.agencyId(a.code()).isPresent()) {
            throw new InventoryException.Conflict("agency " + a.code() + " exists");
        }
        if (renamed) {
            List<AgencyReferences.Reference> stale = references(a.code(), true);
            if (!stale.isEmpty()) {
                throw new InventoryException.Referenced(a.code(), stale, true);
            }
        }
        if (!repo.updateAgency(code, a)) {
            throw new InventoryException.NotFound("agency " + code);
        }
        Object after = a;
        if (renamed) {
            AgencyRenamed event = new AgencyRenamed(code, a.code(), new LinkedHashMap<>());
            event.moved("operator accounts", accounts.renameAgency(code, a.code()));
            events.publishEvent(event);
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("agency", a);
            described.put("renamedFrom", code);
            described.put("moved", event.moved());
            after = described;
        }
        audit("agency.update", Part.AGENCY, code, before, after);
    }

    /**
     * Deletes an agency with its subscriptions, link, services, usage and measurements; refused
     * (409, naming them) while anything else refers to it: an operator, bandwidth requests, SNMP
     * targets, migration rows, the plan of record in force, review answers.
     */
    @Transactional
    void deleteAgency(String code) {
        changed();
        Agency before = repo.agency(code).orElse(null);
        if (before == null) {
            throw new InventoryException.NotFound("agency " + code);
        }
        List<AgencyReferences.Reference> refs = references(code, false);
        if (!refs.isEmpty()) {
            throw new InventoryException.Referenced(code, refs, false);
        }
        if (!repo.deleteAgency(code)) {
            throw new InventoryException.NotFound("agency " + code);
        }
        events.publishEvent(new AgencyDeleted(code));
        audit("agency.delete", Part.AGENCY, code, before, null);
    }

    /** Everything that still carries {@code code}: operator accounts here, the rest from the modules that keep it. */
    private List<AgencyReferences.Reference> references(String code, boolean renameTarget) {
        AgencyReferences query = new AgencyReferences(code, renameTarget, new ArrayList<>());
        List<String> operators = accounts.operatorsOf(code);
        query.add("operators", operators.size(), examples(operators));
        events.publishEvent(query);
        return List.copyOf(query.found());
    }

    /** Up to three names, then how many more. */
    public static String examples(List<String> names) {
        if (names.size() <= 3) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, 3)) + " ...";
    }

    Optional<Identified<Subscription>> subscription(long id) {
        return repo.subscription(id);
    }

    @Transactional
    long createSubscription(Subscription s) {
        changed();
        long id = repo.insertSubscription(requireAgency(s.agency()), s);
        checkTotals("subscription");
        audit("subscription.create", Part.SUBSCRIPTION, id, null, s);
        return id;
    }

    @Transactional
    void updateSubscription(long id, Subscription s) {
        changed();
        Object before = repo.subscription(id).map(Identified::value).orElse(null);
        if (!repo.updateSubscription(id, requireAgency(s.agency()), s)) {
            throw new InventoryException.NotFound("subscription " + id);
        }
        checkTotals("subscription");
        audit("subscription.update", Part.SUBSCRIPTION, id, before, s);
    }

    @Transactional
    void deleteSubscription(long id) {
        changed();
        Object before = repo.subscription(id).map(Identified::value).orElse(null);
        if (!repo.deleteSubscription(id)) {
            throw new InventoryException.NotFound("subscription " + id);
        }
        audit("subscription.delete", Part.SUBSCRIPTION, id, before, null);
    }

    List<Identified<Offer>> offers() {
        return repo.offers();
    }

    Optional<Identified<Offer>> offer(long id) {
        return repo.offer(id);
    }

    @Transactional
    long createOffer(Offer o) {
        changed();
        if (repo.offers().stream().anyMatch(x -> x.value().provider().equals(o.provider())
                && x.value().product().equals(o.product()))) {
            throw new InventoryException.Conflict("offer " + o.provider() + " / " + o.product() + " exists");
        }
        long id = repo.insertOffer(o);
        checkTotals("offer");
        audit("offer.create", Part.OFFER, id, null, o);
        return id;
    }

    @Transactional
    void updateOffer(long id, Offer o) {
        changed();
        Object before = repo.offer(id).map(Identified::value).orElse(null);
        if (!repo.updateOffer(id, o)) {
            throw new InventoryException.NotFound("offer " + id);
        }
        checkTotals("offer");
        audit("offer.update", Part.OFFER, id, before, o);
    }

    @Transactional
    void deleteOffer(long id) {
        changed();
        Object before = repo.offer(id).map(Identified::value).orElse(null);
        if (!repo.deleteOffer(id)) {
            throw new InventoryException.NotFound("offer " + id);
        }
        audit("offer.delete", Part.OFFER, id, before, null);
    }

    Optional<Link> link(String code) {
        return repo.link(code);
    }

    List<Link> links() {
        return repo.links();
    }

    @Transactional
    void putLink(Link l) {
        changed();
        Link before = repo.link(l.agency()).orElse(null);
        repo.upsertLink(requireAgency(l.agency()), l);
        checkTotals("link");
        audit(before == null ? "link.create" : "link.update", Part.LINK, l.agency(), before, l);
        repo.putMeta(LINKS_FILE_PRESENT, "true");
    }

    @Transactional
    void deleteLink(String code) {
        changed();
        Link before = repo.link(code).orElse(null);
        if (!repo.deleteLink(requireAgency(code))) {
            throw new InventoryException.NotFound("link of " + code);
        }
        audit("link.delete", Part.LINK, code, before, null);
    }

    List<Identified<OnlineService>> services(String agencyCodeOrNull) {
        return repo.services(agencyCodeOrNull);
    }

    Optional<Identified<OnlineService>> service(long id) {
        return repo.service(id);
    }

    @Transactional
    long createService(OnlineService s) {
        changed();
        long id = repo.insertService(requireAgency(s.agency()), s);
        audit("service.create", Part.SERVICE, id, null, s);
        return id;
    }

    @Transactional
    void updateService(long id, OnlineService s) {
        changed();
        Object before = repo.service(id).map(Identified::value).orElse(null);
        if (!repo.updateService(id, requireAgency(s.agency()), s)) {
            throw new InventoryException.NotFound("service " + id);
        }
        audit("service.update", Part.SERVICE, id, before, s);
    }

    @Transactional
    void deleteService(long id) {
        changed();
        Object before = repo.service(id).map(Identified::value).orElse(null);
        if (!repo.deleteService(id)) {
            throw new InventoryException.NotFound("service " + id);
        }
        audit("service.delete", Part.SERVICE, id, before, null);
    }

    /**
     * A money column of a table would add up to more than {@link Rupiah#MAX_IDR} (each amount is
     * bounded where it enters; so are the columns, so that every figure derived from them fits).
     * Thrown inside the writing transaction: nothing is stored.
     */
    public static final class TotalTooLarge extends RuntimeException {
        private final String table;
        private final String column;
        private final BigDecimal total;

        TotalTooLarge(String table, String column, BigDecimal total) {
            super("the " + COLUMN_WORDS.get(column) + " of all " + table + "s together would be "
                    + (total.toBigInteger().bitLength() < Long.SIZE ? Rupiah.format(total.longValue()) : "Rp " + total.toPlainString())
                    + ", more than " + Rupiah.format(Rupiah.MAX_IDR)
                    + " (the most one money column may add up to)");
            this.table = table;
            this.column = column;
            this.total = total;
        }

        /** The dataset file of the table, e.g. {@code subscriptions.csv}. */
        public String file() {
            return table + "s.csv";
        }

        /** The column as the dataset names it, e.g. {@code monthly_cost_idr}. */
        public String column() {
            return column;
        }

        /** The column as the API names it, e.g. {@code monthlyCostIdr}. */
        public String field() {
            StringBuilder sb = new StringBuilder();
            boolean upper = false;
            for (char ch : column.toCharArray()) {
                if (ch == '_') {
                    upper = true;
                } else {
                    sb.append(upper ? Character.toUpperCase(ch) : ch);
                    upper = false;
                }
            }
            return sb.toString();
        }

        public BigDecimal total() {
            return total;
        }
    }

    private static final Map<String, String> COLUMN_WORDS = Map.of("monthly_cost_idr", "monthly costs",
            "install_cost_idr", "install costs", "exit_penalty_idr", "exit penalties");

    /** Every money column of {@code tables} within {@link Rupiah#MAX_IDR}, or {@link TotalTooLarge}. */
    private void checkTotals(String... tables) {
        for (String table : tables) {
            List<String> columns = table.equals("subscription")
                    ? List.of("monthly_cost_idr", "install_cost_idr", "exit_penalty_idr")
                    : List.of("monthly_cost_idr", "install_cost_idr");
            for (String column : columns) {
                BigDecimal total = repo.columnTotal(table, column);
                if (total.compareTo(BigDecimal.valueOf(Rupiah.MAX_IDR)) > 0) {
                    throw new TotalTooLarge(table, column, total);
                }
            }
        }
    }

    private long requireAgency(String code) {
        return repo.agencyId(code).orElseThrow(() -> new InventoryException.UnknownAgency(code));
    }
}
