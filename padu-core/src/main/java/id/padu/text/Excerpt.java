package id.padu.text;

/**
 * A rejected value as it is shown back to the user in an error: whole when short, else its first
 * {@value #MAX} characters and "…". An error must say which value was wrong, not echo a 200 MB
 * body back (issue #19).
 */
public final class Excerpt {

    /** Characters of a value shown in an error. */
    public static final int MAX = 80;

    private Excerpt() {
    }

    /** The value, or its first {@value #MAX} characters (never half a surrogate pair) and "…"; null stays null. */
    public static String of(String value) {
        if (value == null || value.length() <= MAX) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(MAX - 1)) ? MAX - 1 : MAX;
        return value.substring(0, end) + "…";
    }

    /** As {@link #of(String)} for a value of any kind: text (a {@link CharSequence}) is cut, others stay as they are. */
    public static Object ofValue(Object value) {
        return value instanceof CharSequence cs ? of(cs.toString()) : value;
    }
}
