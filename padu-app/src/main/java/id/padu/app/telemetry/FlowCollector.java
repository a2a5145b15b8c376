package id.padu.app.telemetry;

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
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
    private final AgencyPrefixes prefixes;
    private final int stepSeconds;
    private final long maxClockSkewMillis;
    private final List<Receiver> receivers = new ArrayList<>();
    private InetSocketAddress bound;
    private int actualReceiveBuffer;

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
                receivers.add(new Receiver(ch, new FlowDecoder(),
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

    public int requestedReceiveBuffer() {
        return receiveBuffer;
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
        return receivers.stream().mapToLong(r -> r.attribution.unattributedBytes()).sum();
    }

    public long attributedBytes() {
        return receivers.stream().mapToLong(r -> r.attribution.attributedBytes()).sum();
    }

    /** Loss per exporter and domain; after {@link #close()}. */
    public List<ExportLoss> losses() {
        List<ExportLoss> out = new ArrayList<>();
        for (Receiver r : receivers) {
            out.addAll(r.decoder.losses());
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
        }
    }

    private static final class Receiver implements Runnable {
        final DatagramChannel channel;
        final FlowDecoder decoder;
        final FlowAttribution attribution;
        final Thread thread;
        volatile boolean running = true;

        Receiver(DatagramChannel channel, FlowDecoder decoder, FlowAttribution attribution, int index) {
            this.channel = channel;
            this.decoder = decoder;
            this.attribution = attribution;
            this.thread = new Thread(this, "padu-flow-rx-" + index);
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            ByteBuffer buf = ByteBuffer.allocate(MAX_DATAGRAM);
            byte[] data = buf.array();
            while (running) {
                try {
                    buf.clear();
                    SocketAddress from = channel.receive(buf);
                    if (!(from instanceof InetSocketAddress isa) || isa.getAddress() == null) {
                        continue;
                    }
                    attribution.arrival(System.currentTimeMillis());
                    decoder.decode(isa.getAddress().getAddress(), data, 0, buf.position(), attribution);
                } catch (ClosedChannelException e) {
                    return;
                } catch (IOException | RuntimeException e) {
                    // One bad datagram or a transient socket error never stops the collector.
                    if (!channel.isOpen()) {
                        return;
                    }
                }
            }
        }
    }
}
