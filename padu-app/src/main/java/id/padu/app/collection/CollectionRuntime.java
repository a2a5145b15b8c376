package id.padu.app.collection;

import id.padu.app.availability.UplinkObservation;
import id.padu.app.availability.UplinkPollSink;
import id.padu.app.inventory.InventoryChanged;
import id.padu.app.collection.CollectionStore.ListenerRow;
import id.padu.app.collection.CollectionStore.TargetRow;
import id.padu.app.inventory.InventoryService;
import id.padu.app.measurement.MeasurementSink;
import id.padu.app.measurement.MeasurementSource;
import id.padu.app.measurement.MinuteUsage;
import id.padu.app.secrets.SecretBox;
import id.padu.domain.Agency;
import id.padu.telemetry.snmp.StepRates;
import id.padu.telemetry.flow.AgencyPrefixes;
import id.padu.telemetry.flow.ExportLoss;
import id.padu.telemetry.flow.FlowCounters;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

/**
 * Runs what is configured: one {@link SnmpPoller} per enabled target (its own session and USM,
 * so one target's v3 user never clashes with another's, and a change restarts only that
 * target) and one {@link FlowCollector} per enabled listener. One thread ("padu-collection")
 * does everything here, so nothing in this class races: it reconciles the running collectors
 * with the stored configuration (after every committed change, and every
 * {@code padu.collection.reconcile-interval} to retry a listener whose port was taken and to pick
 * up the inventory's prefixes), and every {@code padu.collection.drain-interval} takes the minutes
 * the collectors closed and hands them to the {@link MeasurementSink}, and the polls of the
 * central uplinks' targets to the {@link UplinkPollSink} (an uplink's traffic is no agency's usage:
 * its minutes go nowhere).
 *
 * <p>A target or listener that fails to start (unknown host, port taken) is shown with its error
 * on the status page; it never stops the server or the other collectors.
 */
@Component
class CollectionRuntime implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CollectionRuntime.class);
    private static final long MINUTE_MILLIS = 60_000;
    /** Minutes kept for a sink that fails (database down) before the oldest are dropped. */
    private static final int MAX_PENDING = 500_000;
    /** Uplink polls kept for a sink that fails, as above: a week of one uplink polled every minute, times ten. */
    private static final int MAX_PENDING_POLLS = 100_000;

    private final CollectionStore store;
    private final SecretBox secrets;
    private final InventoryService inventory;
    private final ObjectProvider<MeasurementSink> sink;
    private final ObjectProvider<UplinkPollSink> uplinkSink;
    private final CollectionMetrics metrics;
    private final Duration snmpInterval;
    private final Duration snmpTimeout;
    private final int snmpRetries;
    private final Duration handOverGrace;
    private final Duration maxClockSkew;
    private final Duration drainInterval;
    private final Duration reconcileInterval;

    private final Map<Long, RunningTarget> targets = new ConcurrentHashMap<>();
    private final Map<Long, RunningListener> listeners = new ConcurrentHashMap<>();
    private final List<MinuteUsage> pending = new ArrayList<>();
    private final List<UplinkObservation> pendingPolls = new ArrayList<>();
    private ScheduledExecutorService thread;
    private volatile boolean running;
    private long inventoryVersion = Long.MIN_VALUE;
    private List<Agency> attributedAgencies = List.of();
    private volatile AgencyPrefixes prefixes = AgencyPrefixes.of(List.of());

    CollectionRuntime(CollectionStore store, SecretBox secrets, InventoryService inventory,
                      ObjectProvider<MeasurementSink> sink, ObjectProvider<UplinkPollSink> uplinkSink,
                      CollectionMetrics metrics,
                      @Value("${padu.collection.snmp-interval:60s}") Duration snmpInterval,
                      @Value("${padu.collection.snmp-timeout:2s}") Duration snmpTimeout,
                      @Value("${padu.collection.snmp-retries:1}") int snmpRetries,
                      @Value("${padu.collection.flow-hand-over-grace:5s}") Duration handOverGrace,
                      @Value("${padu.collection.flow-max-clock-skew:10m}") Duration maxClockSkew,
                      @Value("${padu.collection.drain-interval:2s}") Duration drainInterval,
                      @Value("${padu.collection.reconcile-interval:30s}") Duration reconcileInterval) {
        this.store = store;
        this.secrets = secrets;
        this.inventory = inventory;
        this.sink = sink;
        this.uplinkSink = uplinkSink;
        this.metrics = metrics;
        this.snmpInterval = snmpInterval;
        this.snmpTimeout = snmpTimeout;
        this.snmpRetries = snmpRetries;
        this.handOverGrace = handOverGrace;
        this.maxClockSkew = maxClockSkew;
        this.drainInterval = drainInterval;
        this.reconcileInterval = reconcileInterval;
    }

    // ---- lifecycle

    @Override
    public synchronized void start() {
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "padu-collection");
            t.setDaemon(true);
            return t;
        });
        running = true;
        thread.scheduleWithFixedDelay(this::reconcile, 0, reconcileInterval.toMillis(), TimeUnit.MILLISECONDS);
        thread.scheduleWithFixedDelay(this::drain, drainInterval.toMillis(), drainInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            // Stop every collector and hand over what they measured, on the collection thread.
            thread.submit(() -> {
                for (Long id : List.copyOf(targets.keySet())) {
                    stopTarget(id);
                }
                for (Long id : List.copyOf(listeners.keySet())) {
                    stopListener(id);
                }
                drain();
            }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("collection did not stop cleanly: {}", e.toString());
        }
        thread.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After a committed configuration change. */
    void reconcileSoon() {
        ScheduledExecutorService t = thread;
        if (running && t != null) {
            t.execute(this::reconcile);
        }
    }

    /** Agencies or their prefixes may have changed (once committed): attribute new flows with the new ones. */
    @TransactionalEventListener(fallbackExecution = true)
    void onInventoryChanged(InventoryChanged change) {
        if (change.mayChangeAgencies()) {
            reconcileSoon();
        }
    }

    // ---- reconcile (collection thread only)

    private void reconcile() {
        try {
            refreshPrefixes();
            Map<Long, TargetRow> wantedTargets = new HashMap<>();
            for (TargetRow t : store.targets()) {
                if (t.enabled()) {
                    wantedTargets.put(t.id(), t);
                }
            }
            for (RunningTarget r : List.copyOf(targets.values())) {
                if (!r.row.equals(wantedTargets.get(r.row.id()))) {
                    stopTarget(r.row.id());
                }
            }
            for (TargetRow t : wantedTargets.values()) {
                RunningTarget r = targets.get(t.id());
                if (r == null || r.poller == null) {
                    if (r != null) {
                        stopTarget(t.id());
                    }
                    startTarget(t);
                }
            }
            Map<Long, ListenerRow> wantedListeners = new HashMap<>();
            for (ListenerRow l : store.listeners()) {
                if (l.enabled()) {
                    wantedListeners.put(l.id(), l);
                }
            }
            for (RunningListener r : List.copyOf(listeners.values())) {
                if (!r.row.equals(wantedListeners.get(r.row.id()))) {
                    stopListener(r.row.id());
                }
            }
            for (ListenerRow l : wantedListeners.values()) {
                RunningListener r = listeners.get(l.id());
                if (r == null || r.collector == null) {
                    if (r != null) {
                        stopListener(l.id()); // retry one whose port was taken
                    }
                    startListener(l);
                }
            }
        } catch (RuntimeException e) {
            log.warn("collection: reconciling with the configuration failed: {}", e.toString());
        }
    }

    private void refreshPrefixes() {
        long v = inventory.version();
        if (v == inventoryVersion) {
            return;
        }
        List<Agency> withPrefixes = inventory.agencies().stream().filter(a -> !a.prefixes().isEmpty()).toList();
        inventoryVersion = v;
        if (withPrefixes.equals(attributedAgencies)) {
            return;
        }
        attributedAgencies = withPrefixes;
        prefixes = AgencyPrefixes.of(withPrefixes);
        for (RunningListener r : listeners.values()) {
            if (r.collector != null) {
                r.collector.replacePrefixes(prefixes);
            }
        }
    }

    private void startTarget(TargetRow row) {
        RunningTarget r = new RunningTarget(row);
        targets.put(row.id(), r);
        try {
            SnmpTarget t = resolve(row);
            SnmpPoller.PollObserver observer = null;
            if (row.uplink()) {
                int interval = (int) Math.max(1, Math.round(snmpInterval.toMillis() / 1000.0));
                observer = (target, sentAt, seen, error) -> r.polls.add(
                        new UplinkObservation(row.id(), row.provider(), row.product(), sentAt, interval, seen, error));
            }
            SnmpPoller poller = new SnmpPoller(List.of(t), snmpInterval.toMillis(), 60, snmpTimeout.toMillis(), snmpRetries,
                    observer);
            poller.start();
            r.poller = poller;
            r.inIsDown = t.inIsDown();
            metrics.bindTarget(r, row.uplink() ? "" : row.agency(), row.id(), row.host());
        } catch (Exception e) {
            r.error = e.toString();
            log.warn("collection: SNMP target {} {}:{} not started: {}", row.agency(), row.host(), row.port(), e.toString());
        }
    }

    private void stopTarget(long id) {
        RunningTarget r = targets.remove(id);
        if (r == null) {
            return;
        }
        metrics.unbindTarget(id);
        if (r.poller != null) {
            r.poller.close();
            takeSnmp(r, pending);
            takePolls(r, pendingPolls);
        }
    }

    /** The target with its secrets, for the poller only (never logged: SnmpTarget.toString hides them). */
    private SnmpTarget resolve(TargetRow t) {
        String community = t.communitySecret() == null ? "public" : secrets.get(t.communitySecret()).orElse("public");
        return new SnmpTarget(t.label(), t.host(), t.port(), t.version(), community, t.user() == null ? "" : t.user(),
                t.authProtocol() == null ? "" : t.authProtocol(), secret(t.authKeySecret()),
                t.privProtocol() == null ? "" : t.privProtocol(), secret(t.privKeySecret()), t.iface(),
                "in-is-down".equals(t.wanDirection()));
    }

    private String secret(String name) {
        return name == null ? "" : secrets.get(name).orElse("");
    }

    private void startListener(ListenerRow row) {
        RunningListener r = new RunningListener(row);
        listeners.put(row.id(), r);
        try {
            FlowCollector c = new FlowCollector(new InetSocketAddress(InetAddress.getByName(row.bindAddress()), row.port()),
                    row.receiveThreads(), row.receiveBuffer(), prefixes, 60, maxClockSkew.toMillis());
            c.handOverWhileRunning(handOverGrace.toMillis());
            r.startedMillis = System.currentTimeMillis();
            c.start();
            r.collector = c;
            metrics.bindListener(c, row.name());
        } catch (Exception e) {
            r.error = e.getMessage() == null ? e.toString() : e.getMessage();
            log.warn("collection: flow listener {} on {}:{} not started: {}", row.name(), row.bindAddress(), row.port(), r.error);
        }
    }

    private void stopListener(long id) {
        RunningListener r = listeners.remove(id);
        if (r == null) {
            return;
        }
        // Meters go first: once the port is free (what callers can observe), nothing of the
        // listener is left to scrape.
        metrics.unbindListener(r.row.name());
        if (r.collector != null) {
            r.collector.close();
            r.stoppedMillis = System.currentTimeMillis();
            takeFlows(r, pending);
        }
    }

    // ---- hand-over (collection thread only)

    private void drain() {
        try {
            for (RunningTarget r : targets.values()) {
                if (r.poller != null) {
                    takeSnmp(r, pending);
                    takePolls(r, pendingPolls);
                }
            }
            handOverPolls();
            for (RunningListener r : listeners.values()) {
                if (r.collector != null) {
                    takeFlows(r, pending);
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            MeasurementSink s = sink.getIfAvailable();
            if (s == null) {
                log.warn("collection: no measurement store; {} minutes dropped", pending.size());
                pending.clear();
                return;
            }
            s.record(List.copyOf(pending));
            pending.clear();
        } catch (RuntimeException e) {
            // Kept for the next round (the store may be back by then), within a bound.
            log.warn("collection: handing {} minutes to the store failed: {}", pending.size(), e.toString());
            if (pending.size() > MAX_PENDING) {
                pending.subList(0, pending.size() - MAX_PENDING).clear();
            }
        }
    }

    /** Hands the uplinks' polls to availability; kept for the next round when that fails. */
    private void handOverPolls() {
        if (pendingPolls.isEmpty()) {
            return;
        }
        UplinkPollSink s = uplinkSink.getIfAvailable();
        if (s == null) {
            log.warn("collection: no uplink poll store; {} polls dropped", pendingPolls.size());
            pendingPolls.clear();
            return;
        }
        try {
            s.record(List.copyOf(pendingPolls));
            pendingPolls.clear();
        } catch (RuntimeException e) {
            log.warn("collection: handing {} uplink polls to the store failed: {}", pendingPolls.size(), e.toString());
            if (pendingPolls.size() > MAX_PENDING_POLLS) {
                pendingPolls.subList(0, pendingPolls.size() - MAX_PENDING_POLLS).clear();
            }
        }
    }

    private static void takePolls(RunningTarget r, List<UplinkObservation> into) {
        for (UplinkObservation p; (p = r.polls.poll()) != null; ) {
            into.add(p);
        }
    }

    private static void takeSnmp(RunningTarget r, List<MinuteUsage> into) {
        List<SnmpPoller.TargetResult> closed = r.poller.takeClosedSteps();
        if (r.row.uplink()) {
            return; // taken so they do not pile up; an uplink is no agency
        }
        for (SnmpPoller.TargetResult result : closed) {
            for (StepRates.Step s : result.steps()) {
                int covered = (int) Math.max(1, Math.min(60, Math.round(s.measuredMillis() / 1000.0)));
                long down = r.inIsDown ? s.inBps() : s.outBps();
                long up = r.inIsDown ? s.outBps() : s.inBps();
                // Bytes from the step's rate over its covered seconds: the store's rate
                // (bytes x 8 / covered seconds) is then the measured one.
                into.add(new MinuteUsage(r.row.agency(), MeasurementSource.SNMP, s.startEpochSecond(),
                        Math.round(down * covered / 8.0), Math.round(up * covered / 8.0), covered));
            }
        }
    }

    private static void takeFlows(RunningListener r, List<MinuteUsage> into) {
        // minute (epoch ms) -> agency -> {down, up}; one minute may come from several receive threads.
        Map<Long, Map<String, long[]>> minutes = new TreeMap<>();
        for (FlowCollector.ClosedSteps cs : r.collector.takeClosedSteps()) {
            AgencyPrefixes p = cs.prefixes();
            for (Map.Entry<Long, long[]> e : cs.steps().entrySet()) {
                Map<String, long[]> agencies = minutes.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>());
                long[] counts = e.getValue();
                for (int i = 0; i < p.agencyCount(); i++) {
                    long[] a = agencies.computeIfAbsent(p.agencyCode(i), k -> new long[2]);
                    a[0] += counts[2 * i];
                    a[1] += counts[2 * i + 1];
                }
            }
        }
        for (Map.Entry<Long, Map<String, long[]>> m : minutes.entrySet()) {
            long minute = m.getKey();
            // The first hand-over of a minute says "measured, zero" for agencies without traffic;
            // late records of a minute already handed over add only what they carry.
            boolean first = minute > r.handedUpTo;
            // The store adds covered seconds as well as bytes: the minute's seconds were handed over
            // with its first hand-over, so an addition claims the least the contract allows (1 s).
            int covered = first ? r.coveredSeconds(minute) : 1;
            for (Map.Entry<String, long[]> a : m.getValue().entrySet()) {
                long[] b = a.getValue();
                if (first || b[0] > 0 || b[1] > 0) {
                    into.add(new MinuteUsage(a.getKey(), MeasurementSource.FLOW, minute / 1000, b[0], b[1], covered));
                }
            }
            r.handedUpTo = Math.max(r.handedUpTo, minute);
        }
    }

    // ---- status (any thread)

    /** {@code provider}: a central uplink's target (then {@code agency} is null), with its {@code product} ("" for none). */
    record TargetStatus(long id, String agency, String host, int port, String iface, String version, boolean enabled,
                        boolean running, Instant lastPoll, long goodPolls, long timeouts, long resets, long wraps,
                        Long downBps, Long upBps, String error, boolean interfaceNotFound, String kind, String provider,
                        String product) {
    }

    /** {@code agencies}: agencies with prefixes the listener attributes to (-1 while switching to new ones). */
    record ListenerStatus(long id, String name, String address, int port, boolean enabled, boolean running,
                          String error, int receiveThreads, int receiveBuffer, int agencies, long packets, long records,
                          long setsWithoutTemplate, long decodeErrors, long sequenceGaps, long unattributedBytes,
                          long attributedBytes, List<ExportLoss> losses) {
    }

    List<TargetStatus> targetStatus() {
        List<TargetStatus> out = new ArrayList<>();
        for (TargetRow row : store.targets()) {
            RunningTarget r = targets.get(row.id());
            SnmpPoller.Status s = r == null || r.poller == null ? null : r.poller.status().get(0);
            if (s == null) {
                out.add(new TargetStatus(row.id(), row.agency(), row.host(), row.port(), row.iface(), row.version(),
                        row.enabled(), false, null, 0, 0, 0, 0, null, null, r == null ? null : r.error, false, row.kind(),
                        row.provider(), row.uplink() ? row.product() : null));
                continue;
            }
            boolean inIsDown = r.inIsDown;
            long down = inIsDown ? s.inBps() : s.outBps();
            long up = inIsDown ? s.outBps() : s.inBps();
            out.add(new TargetStatus(row.id(), row.agency(), row.host(), row.port(), row.iface(), row.version(),
                    row.enabled(), true, s.lastPollMillis() > 0 ? Instant.ofEpochMilli(s.lastPollMillis()) : null,
                    s.goodPolls(), s.timeouts(), s.resets(), s.wraps(), down < 0 ? null : down, up < 0 ? null : up,
                    s.lastError(), s.interfaceNotFound(), row.kind(), row.provider(), row.uplink() ? row.product() : null));
        }
        return out;
    }

    List<ListenerStatus> listenerStatus() {
        List<ListenerStatus> out = new ArrayList<>();
        for (ListenerRow row : store.listeners()) {
            RunningListener r = listeners.get(row.id());
            FlowCollector c = r == null ? null : r.collector;
            if (c == null) {
                out.add(new ListenerStatus(row.id(), row.name(), row.bindAddress(), row.port(), row.enabled(), false,
                        r == null ? null : r.error, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of()));
                continue;
            }
            FlowCounters k = c.counters();
            List<ExportLoss> losses = new ArrayList<>(c.losses());
            losses.sort(Comparator.comparing(ExportLoss::exporter).thenComparingLong(ExportLoss::domain));
            out.add(new ListenerStatus(row.id(), row.name(), row.bindAddress(), c.localAddress().getPort(), row.enabled(),
                    true, null, c.receiveThreads(), c.actualReceiveBuffer(), c.attributedAgencies(), k.packets(), k.records(),
                    k.setsWithoutTemplate(), k.decodeErrors(), k.sequenceGaps(), c.unattributedBytes(),
                    c.attributedBytes(), losses));
        }
        return out;
    }

    // ---- state

    private static final class RunningTarget implements CollectionMetrics.TargetReading {
        final TargetRow row;
        volatile SnmpPoller poller;
        volatile String error;
        volatile boolean inIsDown = true;
        /** An uplink target's polls, from the poller's threads to the collection thread. */
        final ConcurrentLinkedQueue<UplinkObservation> polls = new ConcurrentLinkedQueue<>();

        RunningTarget(TargetRow row) {
            this.row = row;
        }

        @Override
        public SnmpPoller.Status status() {
            SnmpPoller p = poller;
            return p == null ? null : p.status().get(0);
        }

        @Override
        public boolean inIsDown() {
            return inIsDown;
        }
    }

    private static final class RunningListener {
        final ListenerRow row;
        volatile FlowCollector collector;
        volatile String error;
        long startedMillis;
        long stoppedMillis = Long.MAX_VALUE;
        long handedUpTo = Long.MIN_VALUE;

        RunningListener(ListenerRow row) {
            this.row = row;
        }

        /**
         * Seconds of the minute the listener was open: a minute it started or stopped in is
         * covered only in part. Records the exporters dated outside that time (within the allowed
         * clock skew) count for their whole minute.
         */
        int coveredSeconds(long minuteMillis) {
            long overlap = Math.min(stoppedMillis, minuteMillis + MINUTE_MILLIS) - Math.max(startedMillis, minuteMillis);
            if (overlap <= 0) {
                return 60;
            }
            return (int) Math.max(1, Math.min(60, (overlap + 999) / 1000));
        }
    }
}
