package id.padu.app.measurement;

/** The kind of collector a measurement came from; an agency may be measured by both. */
public enum MeasurementSource {
    /** Interface counters polled from the agency's router or the gateway. */
    SNMP,
    /** NetFlow v5/v9 or IPFIX records attributed by prefix. */
    FLOW
}
