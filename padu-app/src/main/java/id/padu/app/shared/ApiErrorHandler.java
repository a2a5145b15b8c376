package id.padu.app.shared;

import java.util.ArrayList;
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
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

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

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String field = "body";
        Throwable cause = ex.getCause();
        // Any Jackson failure that knows where it happened (a wrong type, or a number out of range of
        // its field: 2^63 for a long) names the field, not the body.
        if (cause instanceof JacksonException de && !de.getPath().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (var ref : de.getPath()) {
                if (ref.getPropertyName() != null) {
                    if (sb.length() > 0) {
                        sb.append('.');
                    }
                    sb.append(ref.getPropertyName());
                } else if (ref.getIndex() >= 0) {
                    sb.append('[').append(ref.getIndex()).append(']');
                }
            }
            field = sb.toString();
        }
        String message = cause == null ? ex.getMessage() : cause.getMessage();
        if (message != null && message.indexOf('\n') > 0) {
            message = message.substring(0, message.indexOf('\n'));
        }
        ProblemDetail pd = ApiProblems.invalid(field, null, "unreadable JSON: " + message).getBody();
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(pd);
    }
}
