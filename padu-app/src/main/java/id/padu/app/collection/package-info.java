/**
 * Collection inside {@code padu serve}: SNMP targets and flow listeners configured in the UI and
 * the API (tables of V22__collection.sql; communities and SNMPv3 keys only as SecretBox names),
 * run by {@link id.padu.app.collection.CollectionRuntime} with the collectors of
 * {@code id.padu.app.telemetry}, handing each closed minute per agency to the
 * {@link id.padu.app.measurement.MeasurementSink}; counters as Prometheus metrics and on
 * {@code /collection/status}.
 */
package id.padu.app.collection;
