package id.padu.app.collection;

import id.padu.app.audit.AuditableChange;
import id.padu.app.collection.CollectionInput.Conflict;
import id.padu.app.collection.CollectionInput.Invalid;
import id.padu.app.collection.CollectionInput.ListenerInput;
import id.padu.app.collection.CollectionInput.ListenerView;
import id.padu.app.collection.CollectionInput.NotFound;
import id.padu.app.collection.CollectionInput.TargetInput;
import id.padu.app.collection.CollectionInput.TargetView;
import id.padu.app.collection.CollectionStore.ListenerRow;
import id.padu.app.collection.CollectionStore.TargetRow;
import id.padu.app.inventory.InventoryService;
import id.padu.app.secrets.SecretBox;
import id.padu.app.shared.ApiProblems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Changes to what the server collects: validated (with the same rules as {@code padu collect snmp
 * --targets}), secrets put into the SecretBox under names derived from the row, every change in
 * the audit log (secrets only as "set" / "not set"), and the running collectors told once the
 * change is committed.
 */
@Service
class CollectionService {

    /** JSON names of targets.csv's columns, so that API errors name the field the client sent. */
    private static final Map<String, String> JSON_FIELD = Map.of("auth_protocol", "authProtocol", "auth_key", "authKey",
            "priv_protocol", "privProtocol", "priv_key", "privKey", "wan_direction", "wanDirection");
    private static final String NAME_PATTERN = "[A-Za-z0-9._-]{1,64}";
    static final int DEFAULT_RECEIVE_BUFFER = 16 << 20;

    private final CollectionStore store;
    private final SecretBox secrets;
    private final InventoryService inventory;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final CollectionRuntime runtime;

    CollectionService(CollectionStore store, SecretBox secrets, InventoryService inventory,
                      ApplicationEventPublisher events, MessageSource messages, CollectionRuntime runtime) {
        this.store = store;
        this.secrets = secrets;
        this.inventory = inventory;
        this.events = events;
        this.messages = messages;
        this.runtime = runtime;
    }

    // ---- SNMP targets

    @Transactional(readOnly = true)
    List<TargetRow> targets() {
        return store.targets();
    }

    @Transactional(readOnly = true)
    TargetRow target(long id) {
        return store.target(id).orElseThrow(() -> new NotFound("snmp target " + id));
    }

    @Transactional
    TargetRow createTarget(TargetInput in) {
        Valid v = validate(in, null);
        SnmpTarget t = v.target();
        long id;
        try {
            id = store.insertTarget(row(0, v, null, in.enabled() == null || in.enabled()));
        } catch (DuplicateKeyException e) {
            throw duplicateTarget(t);
        }
        TargetRow saved = withSecrets(store.target(id).orElseThrow(), in, null);
        audit("collection.target.create", "snmp_target", id, null, TargetView.of(saved));
        return saved;
    }

    @Transactional
    TargetRow updateTarget(long id, TargetInput in) {
        TargetRow before = target(id);
        Valid v = validate(in, before);
        SnmpTarget t = v.target();
        try {
            store.updateTarget(row(id, v, before, in.enabled() == null ? before.enabled() : in.enabled()));
        } catch (DuplicateKeyException e) {
            throw duplicateTarget(t);
        }
        TargetRow saved = withSecrets(store.target(id).orElseThrow(), in, before);
        audit("collection.target.update", "snmp_target", id, TargetView.of(before), TargetView.of(saved));
        return saved;
    }

    @Transactional
    TargetRow setTargetEnabled(long id, boolean enabled) {
        TargetRow before = target(id);
        store.setEnabled("snmp_target", id, enabled);
        TargetRow saved = store.target(id).orElseThrow();
        audit(enabled ? "collection.target.enable" : "collection.target.disable", "snmp_target", id,
                TargetView.of(before), TargetView.of(saved));
        return saved;
    }

    @Transactional
    void deleteTarget(long id) {
        TargetRow before = target(id);
        store.deleteTarget(id);
        for (String name : new String[] {before.communitySecret(), before.authKeySecret(), before.privKeySecret()}) {
            if (name != null) {
                secrets.delete(name);
            }
        }
        audit("collection.target.delete", "snmp_target", id, TargetView.of(before), null);
    }

    /**
     * Adds every target of a targets.csv (the columns of {@code padu collect snmp --targets}) or
     * none: a problem anywhere rejects the whole file.
     */
    @Transactional
    List<TargetRow> importTargets(byte[] csv, String fileName) {
        String name = fileName == null || fileName.isBlank() ? "targets.csv" : Path.of(fileName).getFileName().toString();
        List<SnmpTarget.Line> parsed;
        try {
            parsed = SnmpTarget.read(name, csv);
        } catch (InputException e) {
            throw invalid(e.problems(), true);
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        for (SnmpTarget.Line l : parsed) {
            String agency = l.target().agency();
            if (inventory.agency(agency).isEmpty()) {
                errors.add(ApiProblems.error("line " + l.line() + ": agency", agency, text("collection.error.unknownAgency")));
            }
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        List<TargetRow> out = new ArrayList<>();
        for (SnmpTarget.Line l : parsed) {
            SnmpTarget t = l.target();
            TargetInput in = new TargetInput(t.agency(), t.host(), t.port(), t.version(),
                    t.version().equals("2c") ? t.community() : null, t.user(), t.authProtocol(), t.authKey(),
                    t.privProtocol(), t.privKey(), t.iface(), t.inIsDown() ? "in-is-down" : "in-is-up", true, null, null,
                    null);
            out.add(createTarget(in));
        }
        return out;
    }

    /** A target that passed the checks, with what it is for. */
    private record Valid(SnmpTarget target, String kind, String provider, String product) {
    }

    private Valid validate(TargetInput in, TargetRow before) {
        String kind = in.kind() == null || in.kind().isBlank() ? TargetRow.AGENCY : in.kind().trim().toLowerCase(Locale.ROOT);
        boolean uplink = kind.equals(TargetRow.UPLINK);
        List<Map<String, Object>> kindErrors = new ArrayList<>();
        if (!uplink && !kind.equals(TargetRow.AGENCY)) {
            kindErrors.add(ApiProblems.error("kind", bounded(in.kind()), text("collection.error.badKind")));
        }
        String provider = nz(in.provider()).strip();
        String product = nz(in.product()).strip();
        if (uplink) {
            if (provider.isEmpty()) {
                kindErrors.add(ApiProblems.error("provider", provider, text("collection.error.required")));
            } else if (!printable(provider)) {
                kindErrors.add(ApiProblems.error("provider", bounded(provider), text("collection.error.badProvider")));
            }
            if (!product.isEmpty() && !printable(product)) {
                kindErrors.add(ApiProblems.error("product", bounded(product), text("collection.error.badProvider")));
            }
            if (!nz(in.agency()).isBlank()) {
                kindErrors.add(ApiProblems.error("agency", bounded(in.agency()), text("collection.error.agencyOnUplink")));
            }
        } else if (!provider.isEmpty() || !product.isEmpty()) {
            kindErrors.add(ApiProblems.error(provider.isEmpty() ? "product" : "provider", bounded(provider.isEmpty() ? product : provider),
                    text("collection.error.providerOnAgency")));
        }
        Map<String, String> row = new HashMap<>();
        row.put("agency", uplink ? "" : nz(in.agency()).trim());
        row.put("host", nz(in.host()).trim());
        row.put("port", in.port() == null ? "" : in.port().toString());
        row.put("version", nz(in.version()).trim());
        row.put("community", effective(in.community(), before == null ? null : before.communitySecret()));
        row.put("user", nz(in.user()).trim());
        row.put("auth_protocol", nz(in.authProtocol()).trim());
        row.put("auth_key", effective(in.authKey(), before == null ? null : before.authKeySecret()));
        row.put("priv_protocol", nz(in.privProtocol()).trim());
        row.put("priv_key", effective(in.privKey(), before == null ? null : before.privKeySecret()));
        row.put("interface", nz(in.iface()).trim());
        row.put("wan_direction", nz(in.wanDirection()).trim());
        List<InputProblem> problems = new ArrayList<>();
        SnmpTarget t = SnmpTarget.fromRow(c -> row.getOrDefault(c, ""), "request", 0, problems, !uplink);
        List<Map<String, Object>> errors = new ArrayList<>(kindErrors);
        errors.addAll(invalid(problems, false).errors);
        if (!uplink && !t.agency().isEmpty() && t.agency().matches(id.padu.domain.Agency.CODE_PATTERN)
                && inventory.agency(t.agency()).isEmpty()) {
            errors.add(ApiProblems.error("agency", t.agency(), text("collection.error.unknownAgency")));
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        if (uplink) {
            // One target per uplink: two would each count the other's polls as the uplink's.
            for (TargetRow other : store.targets()) {
                if (other.uplink() && (before == null || other.id() != before.id())
                        && other.provider().equalsIgnoreCase(provider) && other.product().equalsIgnoreCase(product)) {
                    throw new Conflict(text("collection.error.duplicateUplink", (provider + " " + product).strip(),
                            other.host() + ":" + other.port(), other.iface()));
                }
            }
        }
        return new Valid(t, kind, uplink ? provider : null, uplink ? product : "");
    }

    /** Names as typed, without control characters, at most as long as the column. */
    private static boolean printable(String s) {
        return s.length() <= 200 && s.chars().noneMatch(Character::isISOControl);
    }

    /** An input echoed back in an error, cut so that a huge value never comes back whole. */
    private static String bounded(String s) {
        return s == null ? null : s.length() > 100 ? s.substring(0, 100) : s;
    }

    /** The value a secret will have: the one sent, else the stored one (null keeps, "" removes). */
    private String effective(String sent, String storedName) {
        if (sent != null) {
            return sent;
        }
        return storedName == null ? "" : secrets.get(storedName).orElse("");
    }

    private Invalid invalid(List<InputProblem> problems, boolean withLine) {
        TelemetryText words = new TelemetryText(LocaleContextHolder.getLocale());
        List<Map<String, Object>> errors = new ArrayList<>();
        for (InputProblem p : problems) {
            String field = p.column() == null ? "file" : withLine ? p.column() : JSON_FIELD.getOrDefault(p.column(), p.column());
            if (withLine && p.line() > 0) {
                field = "line " + p.line() + ": " + field;
            }
            // Keys are never echoed: the problems of key columns carry no value.
            errors.add(ApiProblems.error(field, p.value(), words.get(p.key(), p.args())));
        }
        return new Invalid(errors);
    }

    private static TargetRow row(long id, Valid v, TargetRow before, boolean enabled) {
        SnmpTarget t = v.target();
        boolean v3 = t.version().equals("3");
        return new TargetRow(id, v.provider() != null ? null : t.agency(), t.host(), t.port(), t.version(),
                before == null ? null : before.communitySecret(), v3 ? t.user() : null,
                v3 && !t.authProtocol().isEmpty() ? t.authProtocol() : null, before == null ? null : before.authKeySecret(),
                v3 && !t.privProtocol().isEmpty() ? t.privProtocol() : null, before == null ? null : before.privKeySecret(),
                t.iface(), t.inIsDown() ? "in-is-down" : "in-is-up", enabled, null, v.kind(), v.provider(), v.product());
    }

    /** Stores the secrets sent (null keeps, "" removes) under names derived from the target's id. */
    private TargetRow withSecrets(TargetRow t, TargetInput in, TargetRow before) {
        String prefix = "collection.snmp." + t.id() + ".";
        String community = applySecret(prefix + "community", in.community(), before == null ? null : before.communitySecret());
        String auth = applySecret(prefix + "auth-key", in.authKey(), before == null ? null : before.authKeySecret());
        String priv = applySecret(prefix + "priv-key", in.privKey(), before == null ? null : before.privKeySecret());
        TargetRow next = new TargetRow(t.id(), t.agency(), t.host(), t.port(), t.version(), community, t.user(),
                t.authProtocol(), auth, t.privProtocol(), priv, t.iface(), t.wanDirection(), t.enabled(), t.updatedAt(),
                t.kind(), t.provider(), t.product());
        store.updateTarget(next);
        return store.target(t.id()).orElseThrow();
    }

    private String applySecret(String name, String sent, String stored) {
        if (sent == null) {
            return stored;
        }
        if (sent.isEmpty()) {
            if (stored != null) {
                secrets.delete(stored);
            }
            return null;
        }
        secrets.put(name, sent);
        return name;
    }

    private Conflict duplicateTarget(SnmpTarget t) {
        return new Conflict(text("collection.error.duplicateTarget", t.host() + ":" + t.port(), t.iface()));
    }

    // ---- flow listeners

    @Transactional(readOnly = true)
    List<ListenerRow> listeners() {
        return store.listeners();
    }

    @Transactional(readOnly = true)
    ListenerRow listener(long id) {
        return store.listener(id).orElseThrow(() -> new NotFound("flow listener " + id));
    }

    @Transactional
    ListenerRow createListener(ListenerInput in) {
        ListenerRow l = validate(0, in, null);
        long id;
        try {
            id = store.insertListener(l);
        } catch (DuplicateKeyException e) {
            throw new Conflict(text("collection.error.duplicateListener", l.name()));
        }
        ListenerRow saved = store.listener(id).orElseThrow();
        audit("collection.listener.create", "flow_listener", id, null, ListenerView.of(saved));
        return saved;
    }

    @Transactional
    ListenerRow updateListener(long id, ListenerInput in) {
        ListenerRow before = listener(id);
        ListenerRow l = validate(id, in, before);
        try {
            store.updateListener(l);
        } catch (DuplicateKeyException e) {
            throw new Conflict(text("collection.error.duplicateListener", l.name()));
        }
        ListenerRow saved = store.listener(id).orElseThrow();
        audit("collection.listener.update", "flow_listener", id, ListenerView.of(before), ListenerView.of(saved));
        return saved;
    }

    @Transactional
    ListenerRow setListenerEnabled(long id, boolean enabled) {
        ListenerRow b = listener(id);
        store.setEnabled("flow_listener", id, enabled);
        ListenerRow saved = store.listener(id).orElseThrow();
        audit(enabled ? "collection.listener.enable" : "collection.listener.disable", "flow_listener", id,
                ListenerView.of(b), ListenerView.of(saved));
        return saved;
    }

    @Transactional
    void deleteListener(long id) {
        ListenerRow before = listener(id);
        store.deleteListener(id);
        audit("collection.listener.delete", "flow_listener", id, ListenerView.of(before), null);
    }

    private ListenerRow validate(long id, ListenerInput in, ListenerRow before) {
        List<Map<String, Object>> errors = new ArrayList<>();
        String name = nz(in.name()).trim();
        if (name.isEmpty()) {
            errors.add(ApiProblems.error("name", name, text("collection.error.required")));
        } else if (!name.matches(NAME_PATTERN)) {
            errors.add(ApiProblems.error("name", name, text("collection.error.badName")));
        }
        String address = in.bindAddress() == null || in.bindAddress().isBlank() ? "0.0.0.0" : in.bindAddress().trim();
        if (!isAddressLiteral(address)) {
            errors.add(ApiProblems.error("bindAddress", address, text("collection.error.badAddress")));
        }
        if (in.port() == null || in.port() < 1 || in.port() > 65535) {
            errors.add(ApiProblems.error("port", in.port(), text("collection.error.badPort")));
        }
        int threads = in.receiveThreads() == null ? 2 : in.receiveThreads();
        if (threads < 1 || threads > 16) {
            errors.add(ApiProblems.error("receiveThreads", in.receiveThreads(), text("collection.error.badThreads")));
        }
        int buffer = in.receiveBuffer() == null ? DEFAULT_RECEIVE_BUFFER : in.receiveBuffer();
        if (buffer < 65_536 || buffer > 1 << 30) {
            errors.add(ApiProblems.error("receiveBuffer", in.receiveBuffer(), text("collection.error.badBuffer")));
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        boolean enabled = in.enabled() != null ? in.enabled() : before == null || before.enabled();
        return new ListenerRow(id, name, address, in.port(), threads, buffer, enabled, null);
    }

    /** An IPv4 or IPv6 literal: a host name would need a resolver the server should not depend on. */
    static boolean isAddressLiteral(String s) {
        if (s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            for (String part : s.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return false;
                }
            }
            return true;
        }
        if (s.contains(":") && s.matches("[0-9A-Fa-f:.]+")) {
            try {
                return java.net.InetAddress.getByName(s) instanceof java.net.Inet6Address;
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    // ---- shared

    private void audit(String action, String entity, long id, Object before, Object after) {
        events.publishEvent(new AuditableChange(action, entity, Long.toString(id), before, after));
        // The collectors follow the stored configuration once it is committed.
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    runtime.reconcileSoon();
                }
            });
        } else {
            runtime.reconcileSoon();
        }
    }

    private String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
