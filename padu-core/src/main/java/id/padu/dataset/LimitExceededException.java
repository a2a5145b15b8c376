package id.padu.dataset;

import java.io.IOException;

/**
 * Thrown from beneath a reader (the zip's inflating stream) when a {@link ReadLimits} bound is
 * passed; the CSV reader that is reading the entry turns it into a problem at its current line.
 */
final class LimitExceededException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient Object[] args;

    LimitExceededException(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = args;
    }

    String key() {
        return key;
    }

    Object[] args() {
        return args;
    }
}
