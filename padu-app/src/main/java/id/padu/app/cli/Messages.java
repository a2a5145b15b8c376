package id.padu.app.cli;

import id.padu.text.Bundles;
import java.util.Locale;

/**
 * Words of the command line in one language, Bahasa Indonesia by default: the general bundle
 * {@code id.padu.app.cli.messages}, or {@code id.padu.app.cli.accounts} for {@code padu audit}
 * and {@code padu secrets}. Read and filled in by {@link Bundles#format}.
 */
final class Messages {

    static final String GENERAL = "id.padu.app.cli.messages";
    static final String ACCOUNTS = "id.padu.app.cli.accounts";

    private final String bundle;
    private final Locale locale;

    private Messages(String bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    static Messages of(Locale locale) {
        return new Messages(GENERAL, locale);
    }

    /** The words of {@code padu audit} and {@code padu secrets}. */
    static Messages accounts(Locale locale) {
        return new Messages(ACCOUNTS, locale);
    }

    String get(String key, Object... args) {
        return Bundles.format(bundle, locale, key, args);
    }
}
