package id.padu.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ShapeCommandTest {

    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private static Run padu(String... args) {
        CommandLine cl = PaduCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void unknownTargetIsAUsageError() {
        Run r = padu("shape", "render", tmp.toString(), "--plan", tmp.resolve("p.json").toString(), "--target", "cisco",
                "--out", tmp.resolve("x").toString(), "--lang", "en");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--target").contains("cisco");
        assertThat(r.out()).isEmpty();
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    @Test
    void badLeafAndInterfaceNamesAreUsageErrors() {
        Run leaf = padu("shape", "render", tmp.toString(), "--plan", "p.json", "--target", "linux-tc", "--leaf", "sfq",
                "--out", tmp.resolve("x").toString());
        assertThat(leaf.exit()).isEqualTo(2);
        assertThat(leaf.err()).contains("--leaf");
        Run wan = padu("shape", "render", tmp.toString(), "--plan", "p.json", "--target", "linux-tc", "--wan-if", "eth0; rm -rf /",
                "--out", tmp.resolve("x").toString(), "--lang", "en");
        assertThat(wan.exit()).isEqualTo(2);
        assertThat(wan.err()).contains("--wan-if");
    }

    @Test
    void applyRefusesAFileThatIsNotAPaduScript() throws Exception {
        Path script = tmp.resolve("other.sh");
        Files.writeString(script, "#!/bin/sh\ntc qdisc del dev eth0 root\n");
        Run r = padu("shape", "apply", script.toString(), "--state-dir", tmp.resolve("state").toString(), "--lang", "en");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("not a Padu linux-tc script");
        Run id = padu("shape", "apply", script.toString(), "--state-dir", tmp.resolve("state").toString(), "--lang", "id");
        assertThat(id.err()).contains("bukan skrip linux-tc Padu");
    }

    @Test
    void confirmAndRollbackWithNothingAppliedSaySo() {
        Run c = padu("shape", "confirm", "--state-dir", tmp.toString(), "--lang", "en");
        assertThat(c.exit()).isEqualTo(1);
        assertThat(c.err()).contains("No apply awaits confirmation");
        Run r = padu("shape", "rollback", "--state-dir", tmp.toString(), "--lang", "en");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("Nothing to roll back");
    }

    @Test
    void badConfirmTimeoutIsAUsageError() throws Exception {
        Path script = tmp.resolve("s.sh");
        Files.writeString(script, "x");
        Run r = padu("shape", "apply", script.toString(), "--confirm-timeout", "soon", "--state-dir", tmp.toString());
        assertThat(r.exit()).isEqualTo(2);
    }
}
