package id.padu.app.cli;

import id.padu.app.shared.DurationText;
import java.time.Duration;
import picocli.CommandLine;

/** A duration option of the CLI, read by {@link DurationText}; picocli names the option in the error. */
final class DurationOption implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        return DurationText.parse(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                "invalid duration / durasi tidak sah: " + value + " (" + DurationText.EXAMPLES + ")"));
    }
}
