package id.padu.app.gateway;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * A system command that did not end within its time and was stopped, with the processes it had
 * started; the message key is in {@code id.padu.app.gateway.messages}.
 */
public class CommandTimeoutException extends IOException {

    private final List<Object> args;

    CommandTimeoutException(List<String> command, Duration timeout) {
        super("command \"" + String.join(" ", command) + "\" did not finish within " + timeout.toSeconds() + " s and was stopped");
        this.args = List.of(String.join(" ", command), timeout.toSeconds());
    }

    public String key() {
        return "command.timedOut";
    }

    public List<Object> args() {
        return args;
    }
}
