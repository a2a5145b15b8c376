/**
 * Collection (menu "Pengumpulan"): SNMP targets and flow listeners configured in the UI and the
 * API (tables of V22__collection.sql; communities and SNMPv3 keys only as SecretBox names), run
 * inside {@code padu serve} by {@link id.padu.app.collection.CollectionRuntime}, handing each
 * closed minute per agency to the {@link id.padu.app.measurement.MeasurementSink}; counters as
 * Prometheus metrics and on {@code /collection/status}. The collectors themselves live here too:
 * the SNMP4J poller ({@link id.padu.app.collection.SnmpPoller}) and the NetFlow/IPFIX socket
 * ({@link id.padu.app.collection.FlowCollector}), which {@code padu collect snmp|flows} also run
 * standalone. Sits on the core packages {@code id.padu.telemetry.snmp} and
 * {@code id.padu.telemetry.flow}. See docs/telemetry.md.
 */
package id.padu.app.collection;
