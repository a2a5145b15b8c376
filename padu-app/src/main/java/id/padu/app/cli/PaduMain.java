package id.padu.app.cli;

/**
 * Entry point of the one executable. Commands that need no server (validate, analyze, plan,
 * simulate, shape, migrate, collect) run without starting Spring, so they answer in well
 * under a second of overhead; {@code serve} and {@code demo} start {@link id.padu.app.PaduApplication}.
 */
public final class PaduMain {

    private PaduMain() {
    }

    public static void main(String[] args) {
        int code = PaduCommand.execute(args);
        if (code != PaduCommand.KEEP_RUNNING) {
            System.exit(code);
        }
    }
}
