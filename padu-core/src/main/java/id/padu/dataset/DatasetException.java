package id.padu.dataset;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A dataset was rejected; {@link #errors()} lists every problem found, in file order. */
public class DatasetException extends Exception {

    private final transient List<DatasetError> errors;
    private final transient List<DatasetError> warnings;

    public DatasetException(List<DatasetError> errors) {
        this(errors, List.of());
    }

    /** Also keeps the warnings met while reading, so they can be shown next to the errors. */
    public DatasetException(List<DatasetError> errors, List<DatasetError> warnings) {
        super(errors.isEmpty() ? "invalid dataset" : errors.get(0).message(Locale.ENGLISH));
        this.errors = List.copyOf(errors);
        this.warnings = List.copyOf(warnings);
    }

    public List<DatasetError> errors() {
        return errors;
    }

    public List<DatasetError> warnings() {
        return warnings;
    }

    /** Every error on its own line, in the given language. */
    public String describe(Locale locale) {
        return errors.stream().map(e -> e.message(locale)).collect(Collectors.joining(System.lineSeparator()));
    }
}
