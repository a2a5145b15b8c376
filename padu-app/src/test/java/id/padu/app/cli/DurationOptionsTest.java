package id.padu.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import id.padu.app.shared.DurationTextTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every duration option of the CLI takes the same texts: what {@code padu collect snmp --step}
 * accepts, {@code padu shape counters --step} and {@code padu shape apply --confirm-timeout}
 * accept too, and what one refuses all refuse, naming the option and the value.
 */
class DurationOptionsTest {

    @TempDir
    Path dir;

    private record Run(int exit, String err) {
    }

    private static Run padu(String... args) {
        CommandLine cl = PaduCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), err.toString());
    }

    private Run collectSnmpStep(String step) {
        return padu("collect", "snmp", "--targets", dir.resolve("missing.csv").toString(), "--duration", "1m",
                "--step", step, "--out", dir.resolve("usage.csv").toString(), "--lang", "en");
    }

    private Run shapeCountersStep(String step) {
        return padu("shape", "counters", "--state-dir", dir.toString(), "--step", step, "--lang", "en");
    }

    private Run shapeApplyTimeout(String timeout) {
        return padu("shape", "apply", dir.resolve("missing.sh").toString(), "--state-dir", dir.toString(),
                "--confirm-timeout", timeout, "--lang", "en");
    }

    @Test
    void aDurationEveryOptionAcceptsGetsPastTheOptionToTheNextCheck() {
        for (String text : DurationTextTest.ACCEPTED) {
            // each command then stops at its missing input file or state: exit 1, not a usage error
            assertThat(collectSnmpStep(text)).as("collect snmp --step %s", text).extracting(Run::exit).isEqualTo(1);
            assertThat(shapeCountersStep(text)).as("shape counters --step %s", text).extracting(Run::exit).isEqualTo(1);
            assertThat(shapeApplyTimeout(text)).as("shape apply --confirm-timeout %s", text).extracting(Run::exit).isEqualTo(1);
        }
    }

    @Test
    void aDurationOneOptionRefusesEveryOptionRefusesNamingOptionAndValue() {
        for (String text : DurationTextTest.REFUSED) {
            Run snmp = collectSnmpStep(text);
            assertThat(snmp.exit()).as("collect snmp --step %s", text).isEqualTo(2);
            assertThat(snmp.err()).contains("--step").contains(text.trim());
            Run counters = shapeCountersStep(text);
            assertThat(counters.exit()).as("shape counters --step %s", text).isEqualTo(2);
            assertThat(counters.err()).contains("--step").contains(text.trim());
            Run apply = shapeApplyTimeout(text);
            assertThat(apply.exit()).as("shape apply --confirm-timeout %s", text).isEqualTo(2);
            assertThat(apply.err()).contains("--confirm-timeout").contains(text.trim());
        }
    }
}
