package id.padu.migration;

import java.util.Locale;

final class LanguageTags {
    static final Locale ID = Locale.forLanguageTag("id");
    static final Locale EN = Locale.ENGLISH;

    private LanguageTags() {
    }
}
