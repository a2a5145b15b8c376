package id.padu.app.datasets;

import id.padu.dataset.DatasetError;
import id.padu.text.Excerpt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Words for rejected imports: the reader's messages, plus this module's about the upload itself. */
@Component
class ImportErrors {

    private final MessageSource messages;

    ImportErrors(MessageSource messages) {
        this.messages = messages;
    }

    record Shown(String file, long line, String column, String value, String message) {
    }

    String message(DatasetError e, Locale locale) {
        if (e.key().startsWith("upload.")) {
            return e.file() + ": " + messages.getMessage("import." + e.key(), e.args().toArray(), e.key(), locale);
        }
        return e.message(locale);
    }

    List<Shown> shown(List<DatasetError> errors, Locale locale) {
        List<Shown> out = new ArrayList<>();
        for (DatasetError e : errors) {
            out.add(new Shown(e.file(), e.line(), e.column(), Excerpt.of(e.value()), message(e, locale)));
        }
        return out;
    }

    /** Errors grouped by file, in the order the files were first named. */
    Map<String, List<Shown>> byFile(List<DatasetError> errors, Locale locale) {
        Map<String, List<Shown>> out = new LinkedHashMap<>();
        for (Shown s : shown(errors, locale)) {
            out.computeIfAbsent(s.file(), k -> new ArrayList<>()).add(s);
        }
        return out;
    }
}
