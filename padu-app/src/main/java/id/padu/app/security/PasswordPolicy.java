package id.padu.app.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * At least 12 characters, at least two kinds of character (letters, digits, others), not
 * containing the username, and not one of the common passwords shipped in the jar
 * ({@code common-passwords.txt}, about 3,000: {@code password1234} and {@code Password1234} pass the
 * other rules, issue #19), compared ignoring case and the usual letter-for-digit swaps, so that
 * {@code P@ssw0rd1234} is refused too. Long passphrases pass.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** What is wrong with {@code password}; empty when it is acceptable. */
    static List<String> problems(String username, String password) {
        List<String> out = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            out.add("password must have at least " + MIN_LENGTH + " characters");
            return out;
        }
        boolean letter = password.chars().anyMatch(Character::isLetter);
        boolean digit = password.chars().anyMatch(Character::isDigit);
        boolean other = password.chars().anyMatch(c -> !Character.isLetterOrDigit(c));
        if ((letter ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0) < 2) {
            out.add("password must mix at least two of letters, digits and other characters");
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            out.add("password must not contain the username");
        }
        if (isCommon(password)) {
            out.add("password is one of the most common passwords (a word or keyboard run with digits added); choose a passphrase");
        }
        return out;
    }

    static boolean isCommon(String password) {
        return COMMON.contains(normalized(password));
    }

    /** Lower case, and the digits and signs people put for letters read as those letters. */
    static String normalized(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
            sb.append(switch (c) {
                case '0' -> 'o';
                case '1' -> 'l';
                case '3' -> 'e';
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                case '7' -> 't';
                case '!' -> 'i';
                default -> c;
            });
        }
        return sb.toString();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt missing from the jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(normalized(line.trim()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
