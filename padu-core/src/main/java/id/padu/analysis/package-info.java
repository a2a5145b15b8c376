/**
 * The spend and demand picture of a dataset: what each agency pays, its demand profile and
 * quantiles, utilisation of what it buys, idle capacity paid for, the aggregate demand and the
 * multiplexing gain of sharing.
 */
package id.padu.analysis;
