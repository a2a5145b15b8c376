package id.padu.app.requests;

import id.padu.app.audit.AuditableChange;
import id.padu.app.inventory.InventoryService;
import id.padu.app.planning.PlanOfRecord;
import id.padu.app.shared.Mailer;
import id.padu.app.security.CurrentUser;
import id.padu.app.security.Role;
import id.padu.app.security.UserAccount;
import id.padu.app.security.UserAccounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import id.padu.domain.Agency;
import id.padu.domain.Dataset;
import id.padu.plan.AgencyDecision;
import id.padu.plan.Decision;
import id.padu.plan.Plan;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The request workflow: file (operator), approve or decline (engineer). Once a plan has been
 * adopted, an agency's allocation is the live plan of record's, an approval is an amendment of it
 * (refused when the guarantees no longer fit the uplinks), and the preview replays the central
 * agencies through the plan's uplinks. Before any adoption, the older per-agency overrides apply,
 * with today's packages as the reference.
 */
@Service
class RequestService {

    private final RequestStore store;
    private final InventoryService inventory;
    private final UserAccounts accounts;
    private final Mailer notifier;
    private final ApplicationEventPublisher events;
    private final List<String> alsoNotify;
    private final PlanOfRecord record;

    RequestService(RequestStore store, InventoryService inventory, UserAccounts accounts, Mailer notifier,
                   ApplicationEventPublisher events, @Value("${padu.requests.notify:}") String alsoNotify,
                   PlanOfRecord record) {
        this.record = record;
        this.store = store;
        this.inventory = inventory;
        this.accounts = accounts;
        this.notifier = notifier;
        this.events = events;
        this.alsoNotify = Arrays.stream(alsoNotify.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Requests the current user may see: an operator's own agency's, everyone else all. */
    @Transactional(readOnly = true)
    List<BandwidthRequest> visible() {
        return store.list(CurrentUser.agencyScope().orElse(null));
    }

    @Transactional(readOnly = true)
    List<BandwidthRequest> ofAgency(String agency) {
        return store.list(agency);
    }

    /** One request, if it exists and the current user may see it (another agency's is "not found"). */
    @Transactional(readOnly = true)
    Optional<BandwidthRequest> find(long id) {
        return store.find(id).filter(r -> CurrentUser.maySee(r.agency()));
    }

    /** A filed request and whether Diskominfo was told by e-mail. */
    record Filed(BandwidthRequest request, boolean mailed) {
    }

    @Transactional
    Filed file(String agency, Allocation wanted, String reason) {
        if (inventory.agency(agency).isEmpty()) {
            throw new IllegalArgumentException("agency: no agency " + agency);
        }
        long id = store.insert(agency, CurrentUser.name(), wanted, reason, Instant.now());
        BandwidthRequest r = store.find(id).orElseThrow();
        events.publishEvent(new AuditableChange("request.file", "bandwidth_request", Long.toString(id), null, r));
        List<String> to = new ArrayList<>(alsoNotify);
        accounts.all().stream().filter(u -> u.role() == Role.ENGINEER || u.role() == Role.ADMIN)
                .map(UserAccount::email).forEach(to::add);
        boolean mailed = notifier.send(to, "[Padu] Permintaan bandwidth #" + id + " dari " + agency,
                "Perangkat daerah " + agency + " meminta alokasi baru (oleh " + r.requestedBy() + "):\n"
                        + describe(wanted) + "\nAlasan: " + reason + "\n\nBuka Padu untuk menyetujui atau menolak.");
        return new Filed(r, mailed);
    }

    /**
     * The effect of approving request {@code id} on everyone sharing the uplinks. With a plan of
     * record: its central agencies with their live allocations, through its uplinks' capacity
     * unless another capacity is given. Without: every agency with today's allocations.
     */
    @Transactional(readOnly = true)
    AllocationPreview.Preview preview(long id, long capacityDownBps, long capacityUpBps) {
        BandwidthRequest r = store.find(id).orElseThrow(() -> new NotFound(id));
        Dataset data = inventory.current();
        Optional<Plan> live = record.live();
        if (live.isEmpty()) {
            return AllocationPreview.preview(data, store.overrides(), r.agency(), r.requested(), capacityDownBps, capacityUpBps);
        }
        Plan plan = live.get();
        Map<String, Allocation> allocations = new LinkedHashMap<>();
        plan.centralAgencies().forEach(a -> allocations.put(a.code(), of(a)));
        List<Agency> central = data.agencies().stream().filter(a -> allocations.containsKey(a.code())
                || a.code().equals(r.agency())).toList();
        Dataset sharing = new Dataset(central, data.subscriptions(), data.offers(), data.links(), data.services(),
                data.usage(), data.settings());
        return AllocationPreview.preview(sharing, allocations, r.agency(), r.requested(),
                capacityDownBps > 0 ? capacityDownBps : plan.capacityDownBps(),
                capacityUpBps > 0 ? capacityUpBps : plan.capacityUpBps());
    }

    /** An agency's allocation now: the live plan of record's when it is central there, else its override or package. */
    @Transactional(readOnly = true)
    Allocation allocation(String agency) {
        Optional<AgencyDecision> central = record.live().flatMap(p -> p.agencies().stream()
                .filter(a -> a.code().equals(agency) && a.decision() == Decision.CENTRAL).findFirst());
        if (central.isPresent()) {
            return of(central.get());
        }
        return AllocationPreview.current(inventory.current(), store.overrides(), agency);
    }

    private static Allocation of(AgencyDecision a) {
        return new Allocation(a.cirDownBps(), a.mirDownBps(), a.cirUpBps(), a.mirUpBps());
    }

    /**
     * Approves: the agency's allocation becomes the requested one (an amendment of the plan of
     * record once there is one); both land in the audit log.
     *
     * @throws PlanOfRecord.Refused when the plan of record cannot carry the requested allocation
     */
    @Transactional
    BandwidthRequest approve(long id, String note) {
        BandwidthRequest r = store.find(id).orElseThrow(() -> new NotFound(id));
        if (inventory.agency(r.agency()).isEmpty()) {
            // Its agency was removed (a dataset import that left it out): an allocation for an
            // agency that does not exist would wait for whoever takes the code next.
            throw new AgencyGone(id, r.agency());
        }
        Allocation before = allocation(r.agency());
        if (!store.decide(id, BandwidthRequest.Status.APPROVED, CurrentUser.name(), note, Instant.now())) {
            throw new AlreadyDecided(id);
        }
        BandwidthRequest after = store.find(id).orElseThrow();
        events.publishEvent(new AuditableChange("request.approve", "bandwidth_request", Long.toString(id), r, after));
        if (record.current().isPresent()) {
            // An amendment of the plan of record (audited there); refused, and this approval rolled
            // back with it, when the guarantees would no longer fit the uplinks.
            Allocation a = r.requested();
            record.amend(r.agency(), a.downCirBps(), a.downMirBps(), a.upCirBps(), a.upMirBps(), "request " + id,
                    note == null ? r.reason() : note, CurrentUser.name());
        } else {
            store.putOverride(r.agency(), r.requested(), id, Instant.now());
            events.publishEvent(new AuditableChange("allocation.update", "allocation", r.agency(), before, r.requested()));
        }
        notifyRequester(after);
        return after;
    }

    @Transactional
    BandwidthRequest decline(long id, String note) {
        BandwidthRequest r = store.find(id).orElseThrow(() -> new NotFound(id));
        if (!store.decide(id, BandwidthRequest.Status.DECLINED, CurrentUser.name(), note, Instant.now())) {
            throw new AlreadyDecided(id);
        }
        BandwidthRequest after = store.find(id).orElseThrow();
        events.publishEvent(new AuditableChange("request.decline", "bandwidth_request", Long.toString(id), r, after));
        notifyRequester(after);
        return after;
    }

    private void notifyRequester(BandwidthRequest r) {
        String verdict = r.status() == BandwidthRequest.Status.APPROVED ? "DISETUJUI" : "DITOLAK";
        notifier.send(accounts.find(r.requestedBy()).map(UserAccount::email).stream().toList(),
                "[Padu] Permintaan bandwidth #" + r.id() + " " + verdict,
                "Permintaan #" + r.id() + " untuk " + r.agency() + " " + verdict + " oleh " + r.decidedBy() + ".\n"
                        + describe(r.requested()) + "\nCatatan: " + (r.decisionNote() == null ? "-" : r.decisionNote()));
    }

    static String describe(Allocation a) {
        return "Unduh CIR " + mbps(a.downCirBps()) + " / MIR " + mbps(a.downMirBps()) + "; unggah CIR " + mbps(a.upCirBps())
                + " / MIR " + mbps(a.upMirBps());
    }

    private static String mbps(long bps) {
        return java.math.BigDecimal.valueOf(bps, 6).stripTrailingZeros().toPlainString() + " Mbps";
    }

    static final class NotFound extends RuntimeException {
        NotFound(long id) {
            super("request " + id + " not found");
        }
    }

    static final class AgencyGone extends RuntimeException {
        final String agency;

        AgencyGone(long id, String agency) {
            super("request " + id + " cannot be approved: its agency " + agency + " no longer exists");
            this.agency = agency;
        }
    }

    static final class AlreadyDecided extends RuntimeException {
        AlreadyDecided(long id) {
            super("request " + id + " has already been decided");
        }
    }
}
