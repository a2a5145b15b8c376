package id.padu.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The one rule for Padu's words: the user's language, never the machine's, and MessageFormat for the arguments. */
class BundlesTest {

    static final Locale ID = Locale.forLanguageTag("id");

    @Test
    void bahasaIndonesiaStaysBahasaIndonesiaOnAnEnglishMachine() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            assertThat(Bundles.format("id.padu.plan.messages", ID, "reason.scopeAll"))
                    .isEqualTo(Bundles.format("id.padu.plan.messages", null, "reason.scopeAll"))
                    .isNotEqualTo(Bundles.format("id.padu.plan.messages", Locale.ENGLISH, "reason.scopeAll"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void numbersFollowTheMessagesLanguageAndAMissingKeyShowsItself() {
        assertThat(Bundles.format("id.padu.migration.messages", ID, "input.horizon", 1234))
                .startsWith("tidak ada jendela cutover yang cukup dalam 1.234 tahun");
        assertThat(Bundles.format("id.padu.migration.messages", Locale.ENGLISH, "input.horizon", 1234))
                .startsWith("not enough cutover windows within 1,234 years");
        assertThat(Bundles.format("id.padu.migration.messages", Locale.ENGLISH, "no.such.key", 1)).isEqualTo("no.such.key");
    }

    @Test
    void aBundleWhoseLanguagesDisagreeIsReported() {
        assertThat(Bundles.problems("id.padu.text.broken")).containsExactly(
                "id.padu.text.broken: apostrophe is not a MessageFormat pattern: Unmatched braces in the pattern.",
                "id.padu.text.broken: count uses arguments [0] in Bahasa Indonesia, [0, 1] in English",
                "id.padu.text.broken: onlyHere only in Bahasa Indonesia");
    }

    @Test
    void everyKeyOfEveryCoreBundleIsInBothLanguagesWithTheSameArguments() throws IOException {
        List<String> bundles = bundlesUnder(Path.of("src/main/resources"));
        assertThat(bundles).contains("id.padu.dataset.messages", "id.padu.migration.messages",
                "id.padu.plan.messages", "id.padu.shaping.messages");
        for (String b : bundles) {
            assertThat(Bundles.problems(b)).as(b).isEmpty();
        }
    }

    /** The base names of the bundles (a file with an {@code _en} sibling) under a resource folder. */
    static List<String> bundlesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith("_en.properties"))
                    .map(p -> p.substring(0, p.length() - "_en.properties".length()).replace('/', '.'))
                    .sorted().toList();
        }
    }
}
