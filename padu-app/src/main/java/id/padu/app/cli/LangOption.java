package id.padu.app.cli;

import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code --lang id|en} for every command that prints words for people. Default: the system
 * locale when it is English, otherwise Bahasa Indonesia ("id when unsure").
 * Use as {@code @Mixin LangOption lang;}.
 */
public class LangOption {

    public static final Locale INDONESIAN = Locale.forLanguageTag("id");

    @Option(names = "--lang", paramLabel = "id|en", description = "Language of messages: id (Bahasa Indonesia) or en.")
    String lang;

    public Locale locale() {
        if (lang != null) {
            return "en".equalsIgnoreCase(lang) ? Locale.ENGLISH : INDONESIAN;
        }
        return "en".equals(Locale.getDefault().getLanguage()) && System.getenv("LANG") != null
                && System.getenv("LANG").startsWith("en") ? Locale.ENGLISH : INDONESIAN;
    }
}
