package id.padu.shaping;

import java.util.List;

/** The plan cannot be rendered (e.g. it names an agency the dataset does not know). */
public class ShapingException extends Exception {

    private final String key;
    private final List<Object> args;

    public ShapingException(String key, Object... args) {
        super(key + " " + List.of(args));
        this.key = key;
        this.args = List.of(args);
    }

    /** Message key in the {@code id.padu.shaping.messages} bundle. */
    public String key() {
        return key;
    }

    public List<Object> args() {
        return args;
    }
}
