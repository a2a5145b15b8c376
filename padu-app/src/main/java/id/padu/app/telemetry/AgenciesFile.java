package id.padu.app.telemetry;

import id.padu.domain.Agency;
import id.padu.domain.IpPrefix;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the agencies (code and prefixes) from an agencies.csv for flow attribution.
 * Interim: to be replaced by the dataset reader once it lands.
 */
public final class AgenciesFile {

    private AgenciesFile() {
    }

    public static List<Agency> read(Path file) throws InputException {
        List<InputProblem> problems = new ArrayList<>();
        List<SimpleCsv.Row> rows = SimpleCsv.read(file, problems);
        String name = file.getFileName().toString();
        List<Agency> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SimpleCsv.Row row : rows) {
            String code = row.get("code");
            if (!row.cells().containsKey("code")) {
                problems.add(new InputProblem(name, 0, null, null, "column.missing", "code"));
                break;
            }
            if (!code.matches(Agency.CODE_PATTERN)) {
                problems.add(new InputProblem(name, row.line(), "code", code, "value.badCode"));
                continue;
            }
            if (!seen.add(code)) {
                problems.add(new InputProblem(name, row.line(), "code", code, "value.duplicate"));
                continue;
            }
            List<IpPrefix> prefixes = new ArrayList<>();
            for (String p : row.get("prefixes").split("\\s+")) {
                if (p.isEmpty()) {
                    continue;
                }
                IpPrefix.parse(p).ifPresentOrElse(prefixes::add,
                        () -> problems.add(new InputProblem(name, row.line(), "prefixes", p, "value.badPrefix")));
            }
            String display = row.get("name").isEmpty() ? code : row.get("name");
            out.add(new Agency(code, display, null, null, prefixes));
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return out;
    }
}
