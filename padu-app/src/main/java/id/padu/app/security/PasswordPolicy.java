package id.padu.app.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * At least 12 characters, at least two kinds of character (letters, digits, others), and not
 * containing the username: long passphrases pass, "password1" and "admin2024" do not.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;

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
        return out;
    }
}
