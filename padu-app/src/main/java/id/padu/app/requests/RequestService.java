package id.padu.app.requests;

import id.padu.app.audit.AuditableChange;
import id.padu.app.inventory.InventoryService;
import id.padu.app.security.CurrentUser;
import id.padu.app.security.Role;
import id.padu.app.security.UserAccount;
import id.padu.app.security.UserAccounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The request workflow: file (operator), approve or decline (engineer), allocation overrides. */
@Service
class RequestService {

    private final RequestStore store;
    private final InventoryService inventory;
    private final UserAccounts accounts;
    private final RequestNotifier notifier;
    private final ApplicationEventPublisher events;
    private final List<String> alsoNotify;

    RequestService(RequestStore store, InventoryService inventory, UserAccounts accounts, RequestNotifier notifier,
                   ApplicationEventPublisher events, @Value("${padu.requests.notify:}") String alsoNotify) {
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

    @Transactional
    BandwidthRequest file(String agency, Allocation wanted, String reason) {
        if (inventory.agency(agency).isEmpty()) {
            throw new IllegalArgumentException("agency: no agency " + agency);
        }
        long id = store.insert(agency, CurrentUser.name(), wanted, reason, Instant.now());
        BandwidthRequest r = store.find(id).orElseThrow();
        events.publishEvent(new AuditableChange("request.file", "bandwidth_request", Long.toString(id), null, r));
        List<String> to = new ArrayList<>(alsoNotify);
        accounts.all().stream().filter(u -> u.role() == Role.ENGINEER || u.role() == Role.ADMIN)
                .map(UserAccount::email).forEach(to::add);
        notifier.send(to, "[Padu] Permintaan bandwidth #" + id + " dari " + agency,
                "Perangkat daerah " + agency + " meminta alokasi baru (oleh " + r.requestedBy() + "):\n"
                        + describe(wanted) + "\nAlasan: " + reason + "\n\nBuka Padu untuk menyetujui atau menolak.");
        return r;
    }

    @Transactional(readOnly = true)
    AllocationPreview.Preview preview(long id, long capacityDownBps, long capacityUpBps) {
        BandwidthRequest r = store.find(id).orElseThrow(() -> new NotFound(id));
        return AllocationPreview.preview(inventory.current(), store.overrides(), r.agency(), r.requested(),
                capacityDownBps, capacityUpBps);
    }

    @Transactional(readOnly = true)
    Allocation allocation(String agency) {
        return AllocationPreview.current(inventory.current(), store.overrides(), agency);
    }

    /** Approves: the agency's allocation becomes the requested one; both land in the audit log. */
    @Transactional
    BandwidthRequest approve(long id, String note) {
        BandwidthRequest r = store.find(id).orElseThrow(() -> new NotFound(id));
        Allocation before = allocation(r.agency());
        if (!store.decide(id, BandwidthRequest.Status.APPROVED, CurrentUser.name(), note, Instant.now())) {
            throw new AlreadyDecided(id);
        }
        store.putOverride(r.agency(), r.requested(), id, Instant.now());
        BandwidthRequest after = store.find(id).orElseThrow();
        events.publishEvent(new AuditableChange("request.approve", "bandwidth_request", Long.toString(id), r, after));
        events.publishEvent(new AuditableChange("allocation.update", "allocation", r.agency(), before, r.requested()));
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

    static final class AlreadyDecided extends RuntimeException {
        AlreadyDecided(long id) {
            super("request " + id + " has already been decided");
        }
    }
}
