package id.padu.app.shared;

import id.padu.text.Excerpt;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * RFC 9457 problem details for the REST API, one shape everywhere: validation problems carry
 * {@code errors: [{field, value, message}]} so a client can point at the offending input.
 */
public final class ApiProblems {

    private ApiProblems() {
    }

    /** One invalid input: 400 with the field, the value given and what is wrong with it. */
    public static ErrorResponseException invalid(String field, Object value, String message) {
        return invalid(List.of(error(field, value, message)));
    }

    public static ErrorResponseException invalid(List<Map<String, Object>> errors) {
        ProblemDetail pd = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        pd.setTitle("Invalid request");
        StringBuilder detail = new StringBuilder();
        for (Map<String, Object> e : errors) {
            if (detail.length() > 0) {
                detail.append("; ");
            }
            detail.append(e.get("field")).append(": ").append(e.get("message"));
        }
        pd.setDetail(detail.toString());
        pd.setProperty("errors", errors);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, pd, null);
    }

    /** One entry of {@code errors}; a text value is shown cut to {@link Excerpt#MAX} characters. */
    public static Map<String, Object> error(String field, Object value, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("field", field);
        e.put("value", Excerpt.ofValue(value));
        e.put("message", message);
        return e;
    }

    public static ErrorResponseException notFound(String detail) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail), null);
    }

    public static ErrorResponseException conflict(String detail) {
        return new ErrorResponseException(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail), null);
    }
}
