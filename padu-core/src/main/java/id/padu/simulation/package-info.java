/**
 * Replays measured traffic through a plan's allocation as an HTB gateway would share it, with one
 * provider failed if asked: what each agency would have got, interval by interval.
 */
package id.padu.simulation;
