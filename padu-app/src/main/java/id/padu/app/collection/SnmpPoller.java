package id.padu.app.collection;

import id.padu.availability.Observation;
import id.padu.telemetry.snmp.CounterSample;
import id.padu.telemetry.snmp.CounterTracker;
import id.padu.telemetry.snmp.MeasuredInterval;
import id.padu.telemetry.snmp.StepRates;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
import org.snmp4j.Target;
import org.snmp4j.UserTarget;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.event.ResponseListener;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.security.AuthHMAC128SHA224;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthHMAC256SHA384;
import org.snmp4j.security.AuthHMAC384SHA512;
import org.snmp4j.security.AuthMD5;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES192;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.PrivDES;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * Polls interface octet counters of many devices asynchronously (SNMP4J): every target is sent
 * its request at each tick without waiting for any other, so one slow or dead device never
 * delays the rest; a target whose previous request is still outstanding skips the tick. The
 * interface is found by ifIndex, ifName or ifDescr with asynchronous GETBULK walks. Counters
 * go through {@link CounterTracker} (resets and timeouts become gaps) into {@link StepRates}.
 * Every poll also reads ifOperStatus; a {@link PollObserver} is told the outcome of each one
 * (what a central uplink's availability is counted on).
 */
public final class SnmpPoller implements AutoCloseable {

    static final OID SYS_UPTIME = new OID("1.3.6.1.2.1.1.3.0");
    static final OID IF_NAME = new OID("1.3.6.1.2.1.31.1.1.1.1");
    static final OID IF_DESCR = new OID("1.3.6.1.2.1.2.2.1.2");
    static final OID IF_HC_IN = new OID("1.3.6.1.2.1.31.1.1.1.6");
    static final OID IF_HC_OUT = new OID("1.3.6.1.2.1.31.1.1.1.10");
    static final OID IF_IN = new OID("1.3.6.1.2.1.2.2.1.10");
    static final OID IF_OUT = new OID("1.3.6.1.2.1.2.2.1.16");
    static final OID IF_SPEED = new OID("1.3.6.1.2.1.2.2.1.5");
    static final OID IF_HIGH_SPEED = new OID("1.3.6.1.2.1.31.1.1.1.15");
    static final OID IF_DISCONTINUITY = new OID("1.3.6.1.2.1.31.1.1.1.19");
    static final OID IF_OPER_STATUS = new OID("1.3.6.1.2.1.2.2.1.8");

    /**
     * Told of every poll of every target, answered or not, in the order they were sent per target:
     * when the tick sent it (epoch ms), what came back ({@link Observation#missed()} when nothing
     * usable did), and why not (null when answered; never a secret). Called on SNMP4J's or the
     * poller's thread while the target is locked: it must only hand the poll on, never block.
     */
    @FunctionalInterface
    public interface PollObserver {
        void polled(SnmpTarget target, long sentAtMillis, Observation observation, String error);
    }

    /** What a target did during the run. */
    public record Status(SnmpTarget target, int ifIndex, long goodPolls, long timeouts, long resets, long wraps,
                         String lastError, boolean interfaceNotFound, long lastPollMillis, long inBps, long outBps) {
    }

    private final List<TargetState> states = new ArrayList<>();
    private final long intervalMillis;
    private final long timeoutMillis;
    private final int retries;
    private final int stepSeconds;
    private final PollObserver observer;
    private Snmp snmp;
    private ScheduledExecutorService scheduler;

    public SnmpPoller(List<SnmpTarget> targets, long intervalMillis, int stepSeconds, long timeoutMillis, int retries) {
        this(targets, intervalMillis, stepSeconds, timeoutMillis, retries, null);
    }

    /** {@code observer}: told of each poll's outcome (null: nobody). */
    public SnmpPoller(List<SnmpTarget> targets, long intervalMillis, int stepSeconds, long timeoutMillis, int retries,
                      PollObserver observer) {
        this.observer = observer;
        this.intervalMillis = intervalMillis;
        this.stepSeconds = stepSeconds;
        this.timeoutMillis = timeoutMillis;
        this.retries = retries;
        for (SnmpTarget t : targets) {
            states.add(new TargetState(t));
        }
    }

    static OID authProtocol(String name) {
        return switch (name.toUpperCase(Locale.ROOT).replace("_", "-")) {
            case "SHA", "SHA1", "SHA-1" -> AuthSHA.ID;
            case "SHA-224", "SHA224" -> AuthHMAC128SHA224.ID;
            case "SHA-256", "SHA256" -> AuthHMAC192SHA256.ID;
            case "SHA-384", "SHA384" -> AuthHMAC256SHA384.ID;
            case "SHA-512", "SHA512" -> AuthHMAC384SHA512.ID;
            case "MD5" -> AuthMD5.ID;
            default -> null;
        };
    }

    static OID privProtocol(String name) {
        return switch (name.toUpperCase(Locale.ROOT).replace("_", "-")) {
            case "AES", "AES-128", "AES128" -> PrivAES128.ID;
            case "AES-192", "AES192" -> PrivAES192.ID;
            case "AES-256", "AES256" -> PrivAES256.ID;
            case "DES" -> PrivDES.ID;
            default -> null;
        };
    }

    public synchronized void start() throws IOException {
        SecurityProtocols protocols = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.maxCompatibility);
        protocols.addAuthenticationProtocol(new AuthSHA());
        protocols.addAuthenticationProtocol(new AuthMD5());
        protocols.addAuthenticationProtocol(new AuthHMAC128SHA224());
        protocols.addAuthenticationProtocol(new AuthHMAC192SHA256());
        protocols.addAuthenticationProtocol(new AuthHMAC256SHA384());
        protocols.addAuthenticationProtocol(new AuthHMAC384SHA512());
        protocols.addPrivacyProtocol(new PrivAES128());
        protocols.addPrivacyProtocol(new PrivAES192());
        protocols.addPrivacyProtocol(new PrivAES256());
        protocols.addPrivacyProtocol(new PrivDES());
        USM usm = new USM(protocols, new OctetString(MPv3.createLocalEngineID()), 0);
        MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
        dispatcher.addMessageProcessingModel(new MPv2c());
        dispatcher.addMessageProcessingModel(new MPv3(usm));
        snmp = new Snmp(dispatcher, new DefaultUdpTransportMapping());
        for (TargetState s : states) {
            SnmpTarget t = s.target;
            UdpAddress address = new UdpAddress(java.net.InetAddress.getByName(t.host()), t.port());
            Target<UdpAddress> target;
            if (t.version().equals("3")) {
                OID auth = t.authProtocol().isEmpty() ? null : authProtocol(t.authProtocol());
                OID priv = t.privProtocol().isEmpty() ? null : privProtocol(t.privProtocol());
                usm.addUser(new OctetString(t.user()), new UsmUser(new OctetString(t.user()), auth,
                        auth == null ? null : new OctetString(t.authKey()), priv,
                        priv == null ? null : new OctetString(t.privKey())));
                UserTarget<UdpAddress> ut = new UserTarget<>();
                ut.setAddress(address);
                ut.setSecurityName(new OctetString(t.user()));
                ut.setSecurityLevel(priv != null ? SecurityLevel.AUTH_PRIV : auth != null ? SecurityLevel.AUTH_NOPRIV
                        : SecurityLevel.NOAUTH_NOPRIV);
                ut.setVersion(SnmpConstants.version3);
                target = ut;
            } else {
                CommunityTarget<UdpAddress> ct = new CommunityTarget<>(address, new OctetString(t.community()));
                ct.setVersion(SnmpConstants.version2c);
                target = ct;
            }
            target.setTimeout(timeoutMillis);
            target.setRetries(retries);
            s.snmpTarget = target;
            String iface = t.iface();
            if (iface.chars().allMatch(Character::isDigit) && !iface.isEmpty()) {
                s.ifIndex = Integer.parseInt(iface);
            }
        }
        snmp.listen();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread th = new Thread(r, "padu-snmp-tick");
            th.setDaemon(true);
            return th;
        });
        scheduler.scheduleAtFixedRate(this::tick, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        for (TargetState s : states) {
            try {
                s.tick();
            } catch (RuntimeException | IOException e) {
                synchronized (s) {
                    s.busy = false;
                    s.lastError = e.toString();
                    s.missed(e.toString());
                }
            }
        }
    }

    /** Measured steps of every target; best called after {@link #close()}. */
    public List<TargetResult> results() {
        List<TargetResult> out = new ArrayList<>();
        for (TargetState s : states) {
            synchronized (s) {
                out.add(new TargetResult(s.target, s.steps.steps()));
            }
        }
        return out;
    }

    /**
     * Takes the steps that are complete (a poll answered after their end) while polling goes on;
     * what is taken is not returned again, neither here nor by {@link #results()}.
     */
    public List<TargetResult> takeClosedSteps() {
        List<TargetResult> out = new ArrayList<>();
        for (TargetState s : states) {
            synchronized (s) {
                if (s.lastGoodAt > 0) {
                    List<StepRates.Step> closed = s.steps.drainEndedBy(s.lastGoodAt);
                    if (!closed.isEmpty()) {
                        out.add(new TargetResult(s.target, closed));
                    }
                }
            }
        }
        return out;
    }

    /** The steps one target measured. */
    public record TargetResult(SnmpTarget target, List<StepRates.Step> steps) {
    }

    public List<Status> status() {
        List<Status> out = new ArrayList<>();
        for (TargetState s : states) {
            synchronized (s) {
                out.add(new Status(s.target, s.ifIndex, s.goodPolls, s.tracker.timeouts(), s.tracker.resets(),
                        s.tracker.wraps(), s.lastError, s.interfaceNotFound, s.lastGoodAt, s.lastInBps, s.lastOutBps));
            }
        }
        return out;
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (snmp != null) {
            try {
                snmp.close();
            } catch (IOException ignored) {
                // closing is best effort
            }
        }
    }

    private final class TargetState implements ResponseListener {
        final SnmpTarget target;
        Target<UdpAddress> snmpTarget;
        int ifIndex = -1;
        boolean busy;
        boolean interfaceNotFound;
        OID walkBase;
        final CounterTracker tracker = new CounterTracker();
        final StepRates steps = new StepRates(stepSeconds);
        long goodPolls;
        String lastError;
        long lastGoodAt;
        long lastInBps = -1;
        long lastOutBps = -1;
        /** When the current poll's tick began: the poll's time for the observer. */
        long sentAt;

        TargetState(SnmpTarget target) {
            this.target = target;
        }

        /** Tells the observer this tick's poll got no usable answer. */
        void missed(String why) {
            if (observer != null) {
                observer.polled(target, sentAt, Observation.missed(), why);
            }
        }

        synchronized void tick() throws IOException {
            if (busy) {
                return;
            }
            sentAt = System.currentTimeMillis();
            if (interfaceNotFound) {
                missed("interface not found: " + target.iface());
                return;
            }
            busy = true;
            if (ifIndex < 0) {
                walk(walkBase == null ? IF_NAME : walkBase, walkBase == null ? IF_NAME : walkBase);
                return;
            }
            PDU pdu = newPdu(PDU.GET);
            pdu.add(new VariableBinding(SYS_UPTIME));
            for (OID base : new OID[] {IF_HC_IN, IF_HC_OUT, IF_IN, IF_OUT, IF_DISCONTINUITY, IF_SPEED, IF_HIGH_SPEED,
                    IF_OPER_STATUS}) {
                pdu.add(new VariableBinding(new OID(base).append(ifIndex)));
            }
            snmp.send(pdu, snmpTarget, "poll", this);
        }

        private void walk(OID base, OID from) throws IOException {
            walkBase = base;
            PDU pdu = newPdu(PDU.GETBULK);
            pdu.setMaxRepetitions(25);
            pdu.setNonRepeaters(0);
            pdu.add(new VariableBinding(from));
            snmp.send(pdu, snmpTarget, "walk", this);
        }

        private PDU newPdu(int type) {
            PDU pdu = target.version().equals("3") ? new ScopedPDU() : new PDU();
            pdu.setType(type);
            return pdu;
        }

        @Override
        public <A extends org.snmp4j.smi.Address> void onResponse(ResponseEvent<A> event) {
            // SNMP4J asks asynchronous callers to cancel, so that retries stop.
            ((Snmp) event.getSource()).cancel(event.getRequest(), this);
            long at = System.currentTimeMillis();
            synchronized (this) {
                busy = false;
                try {
                    PDU response = event.getResponse();
                    if (response == null || response.getType() == PDU.REPORT || response.getErrorStatus() != 0) {
                        lastError = response == null ? (event.getError() == null ? "timeout" : event.getError().toString())
                                : response.getType() == PDU.REPORT ? "report " + response.getVariableBindings()
                                : response.getErrorStatusText();
                        if ("poll".equals(event.getUserObject())) {
                            tracker.timeout();
                        }
                        missed(lastError);
                        return;
                    }
                    if ("walk".equals(event.getUserObject())) {
                        onWalk(response);
                    } else {
                        onPoll(response, at);
                    }
                } catch (RuntimeException | IOException e) {
                    lastError = e.toString();
                    missed(lastError);
                }
            }
        }

        private void onWalk(PDU response) throws IOException {
            OID last = null;
            for (VariableBinding vb : response.getVariableBindings()) {
                if (!vb.getOid().startsWith(walkBase) || vb.isException()) {
                    last = null;
                    break;
                }
                String name = vb.getVariable().toString();
                if (name.equals(target.iface()) || name.equalsIgnoreCase(target.iface())) {
                    ifIndex = vb.getOid().last();
                    walkBase = null;
                    busy = true;
                    tick0();
                    return;
                }
                last = vb.getOid();
            }
            if (last != null) {
                busy = true;
                walk(walkBase, last);
            } else if (walkBase.equals(IF_NAME)) {
                busy = true;
                walk(IF_DESCR, IF_DESCR);
            } else {
                interfaceNotFound = true;
                missed("interface not found: " + target.iface());
            }
        }

        /** Polls right after the interface was found instead of waiting a whole interval. */
        private void tick0() throws IOException {
            busy = false;
            tick();
        }

        private void onPoll(PDU response, long at) {
            List<? extends VariableBinding> vbs = response.getVariableBindings();
            if (vbs.size() < 8 || !(vbs.get(0).getVariable() instanceof TimeTicks up)) {
                lastError = "unexpected response";
                tracker.timeout();
                missed(lastError);
                return;
            }
            long in;
            long out;
            boolean wide;
            if (vbs.get(1).getVariable() instanceof Counter64 hcIn && vbs.get(2).getVariable() instanceof Counter64 hcOut) {
                in = hcIn.getValue();
                out = hcOut.getValue();
                wide = true;
            } else if (vbs.get(3).getVariable() instanceof Counter32 lowIn && vbs.get(4).getVariable() instanceof Counter32 lowOut) {
                in = lowIn.getValue();
                out = lowOut.getValue();
                wide = false;
            } else {
                lastError = "no octet counters for ifIndex " + ifIndex;
                tracker.timeout();
                missed(lastError);
                return;
            }
            long discontinuity = vbs.get(5).getVariable() instanceof TimeTicks d ? d.getValue() : -1;
            long speed = 0;
            if (vbs.get(7).getVariable() instanceof Gauge32 high && high.getValue() > 0) {
                speed = high.getValue() * 1_000_000L;
            } else if (vbs.get(6).getVariable() instanceof Gauge32 s && s.getValue() < 0xFFFFFFFFL) {
                speed = s.getValue();
            }
            goodPolls++;
            if (observer != null) {
                // An agent without ifOperStatus (it is mandatory in the ifTable, but some omit it)
                // is taken as up: the counters then say whether the link carries anything.
                int oper = vbs.size() > 8 && vbs.get(8).getVariable() instanceof Integer32 st ? st.getValue() : Observation.OPER_UP;
                observer.polled(target, sentAt, new Observation(true, oper, in, out, up.getValue()), null);
            }
            MeasuredInterval m = tracker.sample(new CounterSample(at, up.getValue(), in, out, wide, discontinuity, speed));
            lastGoodAt = at;
            if (m != null) {
                steps.add(m);
                if (m.durationMillis() > 0) {
                    lastInBps = m.inBytes() * 8_000 / m.durationMillis();
                    lastOutBps = m.outBytes() * 8_000 / m.durationMillis();
                }
            } else {
                // First poll, reset or gap: no rate until the next interval that counts.
                lastInBps = -1;
                lastOutBps = -1;
            }
        }
    }
}
