package id.padu.migration;

import java.util.Locale;

/**
 * A migration setting or tracking request that cannot be used, e.g. a malformed
 * {@code migrate.windows}. {@link #text()} names the setting and the value, in either language.
 */
public class MigrationInputException extends IllegalArgumentException {

    private final transient Text text;

    public MigrationInputException(Text text) {
        super(text.format(Locale.ENGLISH));
        this.text = text;
    }

    public Text text() {
        return text;
    }

    public String message(Locale locale) {
        return text.format(locale);
    }
}
