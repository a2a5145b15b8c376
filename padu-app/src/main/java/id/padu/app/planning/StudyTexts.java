package id.padu.app.planning;

import java.util.Locale;
import org.springframework.context.MessageSource;

/** Texts of the exported study, always in Bahasa Indonesia (the document goes to the Bupati). */
final class StudyTexts {

    static final Locale ID = Locale.forLanguageTag("id");

    private final MessageSource messages;

    StudyTexts(MessageSource messages) {
        this.messages = messages;
    }

    String get(String key, Object... args) {
        return messages.getMessage(key, args, ID);
    }
}
