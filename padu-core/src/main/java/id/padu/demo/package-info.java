/**
 * The built-in demo: Kabupaten Kotawaringin Timur as an illustration built on public facts
 * (docs/demo.md), with a year of usage ending yesterday.
 */
package id.padu.demo;
