package id.padu.app.collection;

import java.util.List;
import java.util.stream.Collectors;

/** An input file was rejected; every problem found is listed. */
public class InputException extends Exception {

    private final transient List<InputProblem> problems;

    public InputException(List<InputProblem> problems) {
        super(problems.isEmpty() ? "invalid input" : problems.get(0).key());
        this.problems = List.copyOf(problems);
    }

    public List<InputProblem> problems() {
        return problems;
    }

    public String describe(TelemetryText text) {
        return problems.stream().map(text::located).collect(Collectors.joining(System.lineSeparator()));
    }
}
