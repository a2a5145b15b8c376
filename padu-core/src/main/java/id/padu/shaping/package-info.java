/**
 * Renders a plan's allocation as gateway configuration (Linux tc with HTB and IFB, MikroTik
 * RouterOS queue trees or simple queues, LibreQoS ShapedDevices.csv and network.json) and reads
 * the gateway's own counters back as usage.
 */
package id.padu.shaping;
