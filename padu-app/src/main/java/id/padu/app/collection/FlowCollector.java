package id.padu.app.collection;

import id.padu.telemetry.flow.AgencyPrefixes;
import id.padu.telemetry.flow.ExportLoss;
import id.padu.telemetry.flow.FlowAttribution;
import id.padu.telemetry.flow.FlowCounters;
import id.padu.telemetry.flow.FlowDecoder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The UDP side of flow collection: several receive threads, each with its own socket bound
 * to the same address with SO_REUSEPORT (the kernel spreads exporters over them and keeps one
 * exporter on one socket, so each thread owns its exporters' templates) and a large receive
 * buffer. Each thread decodes into its own {@link FlowDecoder} and {@link FlowAttribution}:
 * nothing is shared on the hot path. Usable standalone and from the server.
 */
public final class FlowCollector implements AutoCloseable {

    /** Largest UDP payload. */
    private static final int MAX_DATAGRAM = 65_535;

    private final InetSocketAddress listen;
    private final int threads;
    private final int receiveBuffer;
    /** The prefixes new flows are attributed with; receive threads switch at their next housekeeping. */
    private volatile AgencyPrefixes prefixes;
    private final int stepSeconds;
    private final long maxClockSkewMillis;
    private final List<Receiver> receivers = new ArrayList<>();
    private InetSocketAddress bound;
    private int actualReceiveBuffer;
    /** -1: keep every step until {@link #stepBytes()} (standalone); else hand over while running. */
    private volatile long handOverGraceMillis = -1;

    public FlowCollector(InetSocketAddress listen, int threads, int receiveBuffer, AgencyPrefixes prefixes,
                         int stepSeconds, long maxClockSkewMillis) {
        this.listen = listen;
        this.threads = Math.max(1, threads);
        this.receiveBuffer = receiveBuffer;
        this.prefixes = prefixes;
        this.stepSeconds = stepSeconds;
        this.maxClockSkewMillis = maxClockSkewMillis;
    }

    /** Opens every socket (so the port is listening when this returns), then starts the threads. */
    public synchronized void start() throws IOException {
        InetSocketAddress address = listen;
        try {
            for (int i = 0; i < threads; i++) {
                DatagramChannel ch = DatagramChannel.open(address.getAddress() instanceof java.net.Inet6Address
                        ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
                Selector selector = null;
                try {
                    if (ch.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                        ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                    }
                    ch.setOption(StandardSocketOptions.SO_RCVBUF, receiveBuffer);
                    ch.bind(address);
                    if (i == 0) {
                        bound = (InetSocketAddress) ch.getLocalAddress();
                        address = bound; // port 0: the others join the port the first one got
                        // Linux reports twice what it grants (bookkeeping overhead); show what data can use.
                        actualReceiveBuffer = ch.getOption(StandardSocketOptions.SO_RCVBUF) / 2;
                    }
                    ch.configureBlocking(false);
                    selector = Selector.open();
                    ch.register(selector, SelectionKey.OP_READ);
                } catch (IOException e) {
                    // A port in use: nothing may stay open (the server retries the start later).
                    ch.close();
                    if (selector != null) {
                        selector.close();
                    }
                    throw e;
                }
                receivers.add(new Receiver(ch, selector, new FlowDecoder(),
                        new FlowAttribution(prefixes, stepSeconds, maxClockSkewMillis), i));
                if (!ch.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                    break; // without SO_REUSEPORT one socket serves all
                }
            }
        } catch (IOException e) {
            close();
            throw e;
        }
        for (Receiver r : receivers) {
            r.thread.start();
        }
    }

    /**
     * Makes the receive threads hand over the steps that ended more than {@code graceMillis} ago
     * while they run (see {@link #takeClosedSteps()}), instead of keeping everything until
     * {@link #close()}. Call before {@link #start()}.
     */
    public void handOverWhileRunning(long graceMillis) {
        this.handOverGraceMillis = Math.max(0, graceMillis);
    }

    /**
     * Attributes flows from now on with other prefixes (the inventory changed) without closing
     * the sockets or forgetting templates: each receive thread first hands over what it counted
     * with the old ones. Only with {@link #handOverWhileRunning}.
     */
    public void replacePrefixes(AgencyPrefixes next) {
        this.prefixes = next;
    }

    /** Steps a receive thread handed over: counts as in {@link #stepBytes()}, in the order of {@code prefixes}. */
    public record ClosedSteps(AgencyPrefixes prefixes, Map<Long, long[]> steps) {
    }

    /**
     * What the receive threads handed over since the last call (a step may come again later with
     * bytes of records that arrived late: add them). After {@link #close()} this includes the
     * steps that were still open.
     */
    public List<ClosedSteps> takeClosedSteps() {
        List<ClosedSteps> out = new ArrayList<>();
        for (Receiver r : receivers) {
            ClosedSteps c;
            while ((c = r.handoff.poll()) != null) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * How many agencies every receive thread attributes to right now; -1 while the threads are
     * still switching to prefixes given by {@link #replacePrefixes}.
     */
    public int attributedAgencies() {
        AgencyPrefixes wanted = prefixes;
        for (Receiver r : receivers) {
            if (r.attribution.prefixes() != wanted) {
                return -1;
            }
        }
        return wanted.agencyCount();
    }

    public InetSocketAddress localAddress() {
        return bound;
    }

    public int receiveThreads() {
        return receivers.size();
    }

    /** The receive buffer the kernel granted per socket, in bytes of payload. */
    public int actualReceiveBuffer() {
        return actualReceiveBuffer;
    }

    /** Sum of the receive threads' decoder counters; callable at any time from any thread. */
    public FlowCounters counters() {
        FlowCounters sum = FlowCounters.ZERO;
        for (Receiver r : receivers) {
            sum = sum.plus(r.decoder.counters());
        }
        return sum;
    }

    public long unattributedBytes() {
        return receivers.stream().mapToLong(r -> r.retiredUnattributed + r.attribution.unattributedBytes()).sum();
    }

    public long attributedBytes() {
        return receivers.stream().mapToLong(r -> r.retiredAttributed + r.attribution.attributedBytes()).sum();
    }

    /**
     * Loss per exporter and domain: exact after {@link #close()}; while running as each receive
     * thread last published it (about once a second).
     */
    public List<ExportLoss> losses() {
        List<ExportLoss> out = new ArrayList<>();
        for (Receiver r : receivers) {
            out.addAll(r.thread.isAlive() ? r.lossSnapshot : r.decoder.losses());
        }
        return out;
    }

    /**
     * Bytes per step (start epoch ms) and agency: {down of agency 0, up of agency 0, ...} in
     * the order of {@link AgencyPrefixes#agencyCodes()}; after {@link #close()}.
     */
    public Map<Long, long[]> stepBytes() {
        Map<Long, long[]> out = new TreeMap<>();
        for (Receiver r : receivers) {
            r.attribution.drainTo(out);
        }
        return out;
    }

    public AgencyPrefixes prefixes() {
        return prefixes;
    }

    @Override
    public synchronized void close() {
        for (Receiver r : receivers) {
            r.running = false;
            r.selector.wakeup();
            try {
                r.channel.close();
            } catch (IOException ignored) {
                // closing is best effort
            }
        }
        for (Receiver r : receivers) {
            if (r.thread.isAlive()) {
                try {
                    r.thread.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (!r.thread.isAlive()) {
                try {
                    r.selector.close(); // the thread closes its own; this one never ran
                } catch (IOException ignored) {
                    // closing is best effort
                }
            }
        }
    }

    private final class Receiver implements Runnable {
        /** How often a thread does its housekeeping (hand-over, prefixes, loss snapshot) and wakes when idle. */
        private static final long HOUSEKEEPING_MILLIS = 1_000;

        final DatagramChannel channel;
        final Selector selector;
        final FlowDecoder decoder;
        volatile FlowAttribution attribution;
        final Thread thread;
        final ConcurrentLinkedQueue<ClosedSteps> handoff = new ConcurrentLinkedQueue<>();
        volatile boolean running = true;
        volatile List<ExportLoss> lossSnapshot = List.of();
        volatile long retiredAttributed;
        volatile long retiredUnattributed;
        private long nextHousekeeping;

        Receiver(DatagramChannel channel, Selector selector, FlowDecoder decoder, FlowAttribution attribution, int index) {
            this.channel = channel;
            this.selector = selector;
            this.decoder = decoder;
            this.attribution = attribution;
            this.thread = new Thread(this, "padu-flow-rx-" + index);
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            ByteBuffer buf = ByteBuffer.allocate(MAX_DATAGRAM);
            byte[] data = buf.array();
            FlowAttribution attr = attribution;
            try {
                while (running) {
                    try {
                        buf.clear();
                        // Non-blocking: under load every call returns a datagram without a poll; when
                        // idle the selector wakes the thread once a second for its housekeeping.
                        SocketAddress from = channel.receive(buf);
                        long now = System.currentTimeMillis();
                        if (now >= nextHousekeeping) {
                            attr = housekeeping(now, false);
                        }
                        if (from == null) {
                            selector.select(HOUSEKEEPING_MILLIS);
                            selector.selectedKeys().clear();
                            continue;
                        }
                        if (!(from instanceof InetSocketAddress isa) || isa.getAddress() == null) {
                            continue;
                        }
                        attr.arrival(now);
                        decoder.decode(isa.getAddress().getAddress(), data, 0, buf.position(), attr);
                    } catch (ClosedChannelException | ClosedSelectorException e) {
                        return;
                    } catch (IOException | RuntimeException e) {
                        // One bad datagram or a transient socket error never stops the collector.
                        if (!channel.isOpen()) {
                            return;
                        }
                    }
                }
            } finally {
                housekeeping(Long.MAX_VALUE, true);
                try {
                    selector.close();
                } catch (IOException ignored) {
                    // closing is best effort
                }
            }
        }

        /** Once a second and at the end, on the receive thread: never per record. */
        private FlowAttribution housekeeping(long now, boolean last) {
            nextHousekeeping = now + HOUSEKEEPING_MILLIS;
            FlowAttribution attr = attribution;
            long grace = handOverGraceMillis;
            if (grace >= 0) {
                AgencyPrefixes wanted = prefixes;
                if (wanted != attr.prefixes()) {
                    hand(attr, Long.MAX_VALUE);
                    retiredAttributed += attr.attributedBytes();
                    retiredUnattributed += attr.unattributedBytes();
                    attr = new FlowAttribution(wanted, stepSeconds, maxClockSkewMillis);
                    attribution = attr;
                } else {
                    hand(attr, last ? Long.MAX_VALUE : now - grace);
                }
            } else {
                attr.publish();
            }
            lossSnapshot = decoder.losses();
            return attr;
        }

        private void hand(FlowAttribution attr, long endedBy) {
            if (!attr.hasSteps()) {
                attr.publish();
                return;
            }
            Map<Long, long[]> closed = new TreeMap<>();
            attr.drainEndedBy(endedBy, closed);
            if (!closed.isEmpty()) {
                handoff.add(new ClosedSteps(attr.prefixes(), closed));
            }
        }
    }
}
