package id.padu.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every bundle whose texts go through {@link MessageFormat} writes an apostrophe twice ({@code ''});
 * a single one starts a quoted part and disappears from the text ("the plan's uplinks" printed as
 * "the plans uplinks"). A single apostrophe is only right around a literal brace, as in {@code '{'}.
 * Not checked here: {@code id.padu.migration.messages} (its own {0} placeholders, no MessageFormat)
 * and {@code id.padu.dataset.messages} (doubles every apostrophe itself before MessageFormat).
 */
class MessageBundlesApostropheTest {

    /** Formatted with MessageFormat always (Spring's always-use-message-format, Bundles.format, ...). */
    private static final List<String> ALWAYS = List.of(
            "i18n/messages",
            "id/padu/plan/messages",
            "id/padu/shaping/messages",
            "id/padu/app/gateway/messages",
            "id/padu/app/collection/messages",
            "id/padu/app/cli/planning",
            "id/padu/app/cli/forecast",
            "id/padu/forecast/messages",
            "id/padu/budget/messages",
            "id/padu/app/budget/messages",
            "id/padu/app/planning/planfile",
            "id/padu/app/cli/validate");

    /** Formatted with MessageFormat only when arguments are given (cli Messages, AccountsMessages). */
    private static final List<String> WITH_ARGUMENTS = List.of(
            "id/padu/app/cli/messages",
            "id/padu/app/cli/accounts");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d");

    @Test
    void everyApostropheOfAMessageFormatPatternShows() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String base : ALWAYS) {
            for (String file : files(base)) {
                load(file).forEach((k, v) -> check(file, (String) k, (String) v, problems));
            }
        }
        for (String base : WITH_ARGUMENTS) {
            for (String file : files(base)) {
                load(file).forEach((k, v) -> {
                    String pattern = (String) v;
                    if (PLACEHOLDER.matcher(pattern).find()) {
                        check(file, (String) k, pattern, problems);
                    } else if (pattern.contains("''")) {
                        problems.add(file + " " + k + ": shown as is (no arguments), '' would show twice");
                    }
                });
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theCheckFindsALoneApostrophe() {
        List<String> problems = new ArrayList<>();
        check("x", "a", "the plan's uplinks {0}", problems);
        check("x", "b", "the agency's and the provider's", problems);
        check("x", "ok", "the plan''s uplinks {0}, pattern [A-Z]'{'1,32'}'", problems);
        assertThat(problems).hasSize(2);
    }

    /** A lone apostrophe must open a quoted part that closes again and holds a brace. */
    private static void check(String file, String key, String pattern, List<String> problems) {
        int literal = 0;
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) != '\'') {
                continue;
            }
            if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
                literal++;
                i++;
                continue;
            }
            int close = i + 1;
            boolean brace = false;
            for (; close < pattern.length(); close++) {
                char c = pattern.charAt(close);
                if (c == '\'') {
                    if (close + 1 < pattern.length() && pattern.charAt(close + 1) == '\'') {
                        literal++;
                        close++;
                        continue;
                    }
                    break;
                }
                brace |= c == '{' || c == '}';
            }
            if (close >= pattern.length() || !brace) {
                problems.add(file + " " + key + ": lone apostrophe at " + i + " in: " + pattern);
                return;
            }
            i = close;
        }
        Object[] args = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}; // numbers suit {0}, {0,number} and {0,choice,...} alike
        String shown;
        try {
            shown = new MessageFormat(pattern, Locale.ENGLISH).format(args);
        } catch (IllegalArgumentException e) {
            problems.add(file + " " + key + ": not a MessageFormat pattern: " + e.getMessage());
            return;
        }
        if (shown.chars().filter(c -> c == '\'').count() != literal) {
            problems.add(file + " " + key + ": shows " + shown);
        }
    }

    private static List<String> files(String base) {
        List<String> out = new ArrayList<>();
        for (String f : List.of(base + ".properties", base + "_en.properties")) {
            if (MessageBundlesApostropheTest.class.getClassLoader().getResource(f) != null) {
                out.add(f);
            }
        }
        assertThat(out).as(base).hasSize(2);
        return out;
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesApostropheTest.class.getClassLoader().getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
