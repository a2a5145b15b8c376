package id.padu.app.collection;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToDoubleFunction;

/**
 * The collector's counters as Micrometer meters (Prometheus: {@code padu_flow_packets_total}
 * ...). The values are read from the receive threads' own counters when scraped: nothing is
 * added to the hot path.
 */
public final class FlowCollectorMetrics implements MeterBinder {

    private final FlowCollector collector;
    private final Tags tags;

    public FlowCollectorMetrics(FlowCollector collector, Tags tags) {
        this.collector = collector;
        this.tags = tags;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "padu.flow.packets", "Export packets received", c -> c.counters().packets());
        counter(registry, "padu.flow.records", "Flow records decoded", c -> c.counters().records());
        counter(registry, "padu.flow.option.records", "Options records decoded", c -> c.counters().optionRecords());
        counter(registry, "padu.flow.sets.without.template", "Data sets that arrived before their template",
                c -> c.counters().setsWithoutTemplate());
        counter(registry, "padu.flow.decode.errors", "Malformed packets, sets, templates or records",
                c -> c.counters().decodeErrors());
        counter(registry, "padu.flow.sequence.gaps", "Forward jumps of exporters' sequence numbers",
                c -> c.counters().sequenceGaps());
        counter(registry, "padu.flow.unattributed.bytes", "Bytes of flows touching no agency prefix",
                FlowCollector::unattributedBytes);
        counter(registry, "padu.flow.attributed.bytes", "Bytes of flows attributed to agencies",
                FlowCollector::attributedBytes);
    }

    private void counter(MeterRegistry registry, String name, String description, ToDoubleFunction<FlowCollector> f) {
        FunctionCounter.builder(name, collector, f).description(description).tags(tags).register(registry);
    }
}
