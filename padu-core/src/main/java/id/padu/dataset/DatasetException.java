package id.padu.dataset;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A dataset was rejected; {@link #errors()} lists every problem found, in file order. */
public class DatasetException extends Exception {

    private final transient List<DatasetError> errors;

    public DatasetException(List<DatasetError> errors) {
        super(errors.isEmpty() ? "invalid dataset" : errors.get(0).message(Locale.ENGLISH));
        this.errors = List.copyOf(errors);
    }

    public List<DatasetError> errors() {
        return errors;
    }

    /** Every error on its own line, in the given language. */
    public String describe(Locale locale) {
        return errors.stream().map(e -> e.message(locale)).collect(Collectors.joining(System.lineSeparator()));
    }
}
