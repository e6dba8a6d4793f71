package kz.qorgau.order.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error of the API as RFC 9457 problem details ({@code application/problem+json}). Spring's
 * base class covers the framework's exceptions; this adds the list of bad fields and makes sure no
 * message ever echoes a submitted value (Jackson's and the validator's rejected values may be IINs,
 * names or phone numbers).
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldProblem> errors = new ArrayList<>();
        for (FieldError error : exception.getBindingResult().getFieldErrors()) {
            // The default message names the rule ("must not be blank"); getRejectedValue() is never used.
            errors.add(new Problems.FieldProblem(error.getField(), error.getDefaultMessage()));
        }
        exception
                .getBindingResult()
                .getGlobalErrors()
                .forEach(error ->
                        errors.add(new Problems.FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        errors.sort(Comparator.comparing(Problems.FieldProblem::field).thenComparing(Problems.FieldProblem::message));
        ProblemDetail problem = Problems.invalidRequest(errors);
        return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setType(Problems.MALFORMED_REQUEST);
        problem.setTitle("Malformed request");
        JacksonException jackson = findCause(exception, JacksonException.class);
        if (jackson == null) {
            problem.setDetail("The request body is missing or cannot be read.");
        } else if (jackson instanceof StreamReadException) {
            problem.setDetail("The request body is not valid JSON.");
        } else {
            String field = path(jackson);
            String message = jackson instanceof UnrecognizedPropertyException
                    ? "is not a known property"
                    : "has a value of the wrong type or an unknown value";
            problem.setDetail("The request body does not match the API.");
            problem.setProperty(Problems.ERRORS, List.of(new Problems.FieldProblem(field, message)));
        }
        return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * Refusals of method security ({@code @Secured}) go back to Spring Security's filter, which answers
     * 403 with the same problem and metric as every other refusal.
     */
    @ExceptionHandler(AccessDeniedException.class)
    void accessDenied(AccessDeniedException exception) {
        throw exception;
    }

    /** Whatever else escaped: a 500 without the exception's message, which could hold anything. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        log.error("Request failed", exception);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be completed; nothing was changed.");
        problem.setType(Problems.INTERNAL_ERROR);
        problem.setTitle("Internal error");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

    private static String path(JacksonException exception) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : exception.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static <T extends Throwable> @Nullable T findCause(Throwable throwable, Class<T> type) {
        for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
