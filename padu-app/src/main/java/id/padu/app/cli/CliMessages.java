package id.padu.app.cli;

import id.padu.text.Bundles;
import java.util.Locale;

/** Words of the plan and simulate commands, Bahasa Indonesia (base bundle) or English. */
final class CliMessages {

    private CliMessages() {
    }

    static String get(Locale locale, String key, Object... args) {
        return Bundles.format("id.padu.app.cli.planning", locale, key, args);
    }
}
