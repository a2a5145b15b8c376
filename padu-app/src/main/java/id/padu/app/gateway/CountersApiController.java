package id.padu.app.gateway;

import id.padu.app.shared.ApiProblems;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/gateway/counters}: the CSV of {@code padu shape counters} into the usage store. */
@RestController
class CountersApiController {

    private final CountersImport counters;
    private final MessageSource messages;

    CountersApiController(CountersImport counters, MessageSource messages) {
        this.counters = counters;
        this.messages = messages;
    }

    @PostMapping(path = "/api/gateway/counters", consumes = {"text/csv", "text/plain"})
    CountersImport.Imported post(@RequestBody String csv) {
        Locale locale = LocaleContextHolder.getLocale();
        try {
            return counters.importCsv(csv);
        } catch (CountersImport.CountersException e) {
            String where = e.line > 0 ? "line " + e.line + ": " : "";
            throw ApiProblems.invalid(e.field, e.value, where + e.reason(messages, locale));
        }
    }
}
