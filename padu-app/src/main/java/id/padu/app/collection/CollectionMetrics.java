package id.padu.app.collection;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The running collectors as Prometheus meters: per SNMP target ({@code padu_snmp_*}, tagged with
 * agency, target id and host) and per flow listener ({@code padu_flow_*} through
 * {@link FlowCollectorMetrics}, tagged with the listener's name). Values are read from the
 * collectors' own counters when scraped; a stopped collector's meters are removed, so a scrape
 * never shows a target or listener that is no longer configured. Without a registry (the CLI)
 * every call does nothing.
 */
@Component
class CollectionMetrics {

    /** What a target's meters read; the object is held by the runtime for as long as the target runs. */
    interface TargetReading {
        /** The poller's status, or null while it is not running. */
        SnmpPoller.Status status();

        /** Whether the interface's in-octets are the agency's download. */
        boolean inIsDown();
    }

    private final ObjectProvider<MeterRegistry> registry;

    CollectionMetrics(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    void bindTarget(TargetReading target, String agency, long id, String host) {
        MeterRegistry m = registry.getIfAvailable();
        if (m == null) {
            return;
        }
        Tags tags = Tags.of("agency", agency, "target", Long.toString(id), "host", host);
        counter(m, target, tags, "padu.snmp.polls", "Answered polls", s -> s.goodPolls());
        counter(m, target, tags, "padu.snmp.timeouts", "Polls without an answer", s -> s.timeouts());
        counter(m, target, tags, "padu.snmp.resets", "Counter resets (agent restart, discontinuity)", s -> s.resets());
        counter(m, target, tags, "padu.snmp.wraps", "32-bit counter wraps corrected", s -> s.wraps());
        Gauge.builder("padu.snmp.down.rate", target, t -> rate(t, true)).description("Agency download, bit/s, last interval")
                .baseUnit("bits/s").tags(tags).register(m);
        Gauge.builder("padu.snmp.up.rate", target, t -> rate(t, false)).description("Agency upload, bit/s, last interval")
                .baseUnit("bits/s").tags(tags).register(m);
    }

    void unbindTarget(long id) {
        remove("target", Long.toString(id));
    }

    void bindListener(FlowCollector collector, String name) {
        MeterRegistry m = registry.getIfAvailable();
        if (m != null) {
            new FlowCollectorMetrics(collector, Tags.of("listener", name)).bindTo(m);
        }
    }

    void unbindListener(String name) {
        remove("listener", name);
    }

    private static void counter(MeterRegistry m, TargetReading target, Tags tags, String name, String description,
                                ToDoubleFunction<SnmpPoller.Status> f) {
        FunctionCounter.builder(name, target, t -> {
            SnmpPoller.Status s = t.status();
            return s == null ? 0 : f.applyAsDouble(s);
        }).description(description).tags(tags).register(m);
    }

    private static double rate(TargetReading t, boolean down) {
        SnmpPoller.Status s = t.status();
        if (s == null) {
            return Double.NaN;
        }
        long bps = down == t.inIsDown() ? s.inBps() : s.outBps();
        return bps < 0 ? Double.NaN : bps;
    }

    private void remove(String tag, String value) {
        MeterRegistry m = registry.getIfAvailable();
        if (m == null) {
            return;
        }
        for (Meter meter : List.copyOf(m.getMeters())) {
            if (value.equals(meter.getId().getTag(tag)) && meter.getId().getName().startsWith("padu.")) {
                m.remove(meter);
            }
        }
    }
}
