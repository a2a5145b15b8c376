/**
 * The central gateway (menu "Gerbang", {@code /gateway}): take a plan (upload the plan JSON of
 * {@code padu plan --format json}, or compute it from the stored inventory), render it for
 * linux-tc, RouterOS and LibreQoS with the options of {@code padu shape render}, download the
 * files, mark a configuration as applied (table {@code gateway_config}) and see a new rendering as
 * a unified diff against the last applied one, and import the gateway's own counters
 * ({@code padu shape counters}) into the usage store to compare each central agency's latest rate
 * with its CIR and MIR. On the gateway machine itself it applies a rendered script with automatic
 * rollback unless confirmed ({@link id.padu.app.gateway.CommitConfirmed}, {@code padu shape apply})
 * and samples the HTB counters ({@link id.padu.app.gateway.CounterSampler}). Sits on the core
 * package {@code id.padu.shaping}. See docs/gateway-ui.md and docs/shaping.md.
 */
package id.padu.app.gateway;
