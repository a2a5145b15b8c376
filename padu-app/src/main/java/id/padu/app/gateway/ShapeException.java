package id.padu.app.gateway;

import java.util.List;

/** An apply, confirm or rollback that could not be done; the message key is in {@code id.padu.app.gateway.messages}. */
public class ShapeException extends Exception {

    private final String key;
    private final List<Object> args;

    public ShapeException(String key, Object... args) {
        super(key + " " + List.of(args));
        this.key = key;
        this.args = List.of(args);
    }

    public String key() {
        return key;
    }

    public List<Object> args() {
        return args;
    }
}
