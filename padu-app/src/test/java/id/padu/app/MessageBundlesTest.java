package id.padu.app;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.text.Bundles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every bundle the app reads through {@link Bundles} has each key in Bahasa Indonesia and English
 * with the same arguments, so switching {@code --lang} never shows a bare key or drops a value.
 * The web pages' {@code i18n/messages} belong to Spring's MessageSource and are not among them.
 */
class MessageBundlesTest {

    @Test
    void everyKeyIsInBothLanguagesWithTheSameArguments() throws IOException {
        Path root = Path.of("src/main/resources");
        List<String> bundles;
        try (Stream<Path> files = Files.walk(root.resolve("id"))) {
            bundles = files.map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith("_en.properties"))
                    .map(p -> p.substring(0, p.length() - "_en.properties".length()).replace('/', '.'))
                    .sorted().toList();
        }
        assertThat(bundles).containsExactly("id.padu.app.budget.messages", "id.padu.app.cli.accounts", "id.padu.app.cli.alerts", "id.padu.app.cli.forecast", "id.padu.app.cli.messages",
                "id.padu.app.cli.planning", "id.padu.app.cli.validate", "id.padu.app.collection.messages",
                "id.padu.app.gateway.messages", "id.padu.app.planning.planfile", "id.padu.app.review.messages", "id.padu.app.review.minutes");
        for (String b : bundles) {
            assertThat(Bundles.problems(b)).as(b).isEmpty();
        }
    }
}
