package id.padu.app.shared;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns bean-validation failures and unreadable JSON of {@code /api/**} into RFC 9457 problem
 * details that name each field and the value given (see {@link ApiProblems}).
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiErrorHandler extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
            errors.add(ApiProblems.error(fe.getField(), fe.getRejectedValue(), fe.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors().forEach(ge ->
                errors.add(ApiProblems.error(ge.getObjectName(), null, ge.getDefaultMessage())));
        ProblemDetail pd = ApiProblems.invalid(errors).getBody();
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(pd);
    }

    /**
     * A body that is not the JSON asked for: the field (a path such as {@code prefixes[0]}) and what
     * it must be, in words; never Jackson's message, which names internal classes
     * ({@code InventoryJson$AgencyJson}) or, for a missing body, the controller method's signature.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ErrorResponseException e) {
                // a value refused while the body was being built (a record's own check)
                return ResponseEntity.status(e.getStatusCode()).body(e.getBody());
            }
        }
        String field = "body";
        Object value = null;
        String message;
        Throwable cause = ex.getCause();
        if (cause instanceof JacksonException je) {
            String path = path(je);
            if (!path.isEmpty()) {
                field = path;
            }
            if (cause instanceof InvalidFormatException ife) {
                value = ife.getValue();
                message = "must be " + expected(ife.getTargetType());
            } else if (cause instanceof MismatchedInputException mie) {
                message = "must be " + expected(mie.getTargetType());
            } else if (cause instanceof StreamReadException) {
                TokenStreamLocation at = je.getLocation();
                message = "not valid JSON" + (at == null || at.getLineNr() < 1 ? ""
                        : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
            } else {
                message = "cannot be read";
            }
        } else if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            message = "a JSON body is required";
        } else {
            message = "cannot be read as JSON";
        }
        ProblemDetail pd = ApiProblems.invalid(field, value, message).getBody();
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(pd);
    }

    /** {@code a.b[2].c} from Jackson's path. */
    private static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** What a JSON value of this Java type looks like, for a client. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another kind";
        }
        if (type.isPrimitive() ? type != boolean.class && type != char.class : Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == Character.class || type == char.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == LocalDate.class) {
            return "a date (yyyy-mm-dd)";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a time (ISO-8601, e.g. 2025-03-03T08:05:00+07:00)";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList();
        }
        return "a JSON object";
    }
}
