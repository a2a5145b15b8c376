package id.padu.app.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The same problem-detail shape as {@code id.padu.app.web.ApiProblems}, kept here because the web
 * module depends on this one (for the operator's start page) and modules must not form a cycle.
 */
final class Problems {

    private Problems() {
    }

    static ErrorResponseException invalid(String field, Object value, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("field", field);
        e.put("value", value);
        e.put("message", message);
        ProblemDetail pd = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        pd.setTitle("Invalid request");
        pd.setDetail(field + ": " + message);
        pd.setProperty("errors", List.of(e));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, pd, null);
    }

    static ErrorResponseException notFound(String detail) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail), null);
    }

    static ErrorResponseException conflict(String detail) {
        return new ErrorResponseException(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail), null);
    }
}
