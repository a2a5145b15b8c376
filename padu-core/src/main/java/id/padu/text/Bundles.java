package id.padu.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Message bundles read the way every part of Padu reads them: Bahasa Indonesia is the base
 * bundle ({@code messages.properties}), English the {@code _en} variant, and there is no
 * fallback to the machine's own locale, so {@code --lang id} on an English system still gives
 * Bahasa Indonesia instead of the English file. A missing key shows the key itself: a text
 * nobody translated yet must never turn a report or an error message into a crash.
 */
public final class Bundles {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Bundles() {
    }

    /** The bundle {@code baseName} for {@code locale} (null: the base bundle, Bahasa Indonesia). */
    public static ResourceBundle of(String baseName, Locale locale) {
        return ResourceBundle.getBundle(baseName, locale == null ? Locale.ROOT : locale, NO_FALLBACK);
    }

    /** The pattern of {@code key}, or {@code fallback} when the bundle has no such key. */
    public static String patternOr(String baseName, Locale locale, String key, String fallback) {
        try {
            return of(baseName, locale).getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    /** The pattern of {@code key}, or the key itself when the bundle has no such key. */
    public static String pattern(String baseName, Locale locale, String key) {
        return patternOr(baseName, locale, key, key);
    }

    /** The text of {@code key} with {@code args} put in by {@link MessageFormat} in {@code locale}. */
    public static String format(String baseName, Locale locale, String key, Object... args) {
        return new MessageFormat(pattern(baseName, locale, key), locale == null ? Locale.ROOT : locale).format(args);
    }
}
