package id.padu.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code padu collect}: measure usage before migration, writing the dataset's usage format. */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Measure usage (SNMP counters or NetFlow/IPFIX) into a usage.csv.",
                "Mengukur pemakaian (counter SNMP atau NetFlow/IPFIX) ke usage.csv."},
        subcommands = {CollectSnmpCommand.class, CollectFlowsCommand.class})
public class CollectCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: snmp | flows");
    }
}
