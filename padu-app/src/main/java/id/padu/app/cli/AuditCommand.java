package id.padu.app.cli;

import id.padu.app.audit.AuditChain;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code padu audit verify}: checks the audit log's hash chain in the server's database. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Audit log of the server.", "Log audit server."},
        subcommands = {AuditCommand.Verify.class})
public class AuditCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand / subperintah belum diberikan");
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check the hash chain of the audit log; exit 1 and name the first broken row on a break.",
                    "Periksa rantai hash log audit; keluar 1 dan sebut baris rusak pertama bila putus."})
    static class Verify implements Callable<Integer> {

        @Mixin
        LangOption lang;

        @Mixin
        DatabaseOptions db;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Messages m = Messages.accounts(lang.locale());
            AuditChain.Result result;
            try (Connection c = db.connect()) {
                c.setReadOnly(true);
                result = AuditChain.verify(c);
            } catch (SQLException e) {
                spec.commandLine().getErr().println(m.get("db.error", db.url(), e.getMessage()));
                return PaduCommand.EXIT_BAD_INPUT;
            }
            if (result.ok()) {
                spec.commandLine().getOut().println(m.get("audit.ok", result.rows()));
                return PaduCommand.EXIT_OK;
            }
            spec.commandLine().getOut().println(m.get("audit.broken", result.brokenRow().orElseThrow(),
                    m.get("audit.break." + result.kind().name())));
            return PaduCommand.EXIT_BAD_INPUT;
        }
    }
}
