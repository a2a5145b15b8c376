/**
 * {@link id.padu.text.Bundles}: the one way Padu reads its messages (MessageFormat in the
 * message's locale, Bahasa Indonesia as the base bundle, no fallback to the machine's locale).
 */
package id.padu.text;
