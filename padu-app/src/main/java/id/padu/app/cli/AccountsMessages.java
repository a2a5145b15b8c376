package id.padu.app.cli;

import id.padu.text.Bundles;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** Words of {@code padu audit} and {@code padu secrets} (bundle {@code id.padu.app.cli.accounts}). */
final class AccountsMessages {

    private final ResourceBundle bundle;
    private final Locale locale;

    private AccountsMessages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    static AccountsMessages of(Locale locale) {
        return new AccountsMessages(Bundles.of("id.padu.app.cli.accounts", locale), locale);
    }

    String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
