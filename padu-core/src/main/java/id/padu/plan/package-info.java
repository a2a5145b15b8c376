/**
 * The consolidation plan: which central uplinks to buy from the offer catalogue, which agencies
 * join and when, with savings and payback ({@link id.padu.plan.Planner}, an exact search that
 * states its gap when its limit ends it), and the CIR/MIR allocation by priority ({@link
 * id.padu.plan.Allocator}, generalized max-min; docs/allocation.md).
 */
package id.padu.plan;
