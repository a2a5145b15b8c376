package id.padu.telemetry.flow;

/** Receives decoded flow records; the record is a flyweight valid only during the call. */
@FunctionalInterface
public interface FlowSink {

    void accept(FlowRecord record);
}
