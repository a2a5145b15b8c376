/**
 * NetFlow v5, v9 (RFC 3954) and IPFIX (RFC 7011) decoding without allocation per record ({@link
 * id.padu.telemetry.flow.FlowDecoder} picks the protocol decoder; template scopes and sequence
 * numbers per exporter session), and attribution of bytes to agencies by address prefix.
 */
package id.padu.telemetry.flow;
