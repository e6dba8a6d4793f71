package kz.qorgau.kit.problem;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error of a service's API as RFC 9457 problem details ({@code application/problem+json}) of the
 * kit's vocabulary ({@link Problems}). Spring's base class covers the framework's exceptions; this adds
 * the list of bad fields, parameters and headers, and makes sure no message ever echoes a submitted value
 * (Jackson's and the validator's rejected values may be personal data). Ordered last, so that a service's
 * own advice for its own exceptions comes first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final URI ABOUT_BLANK = URI.create("about:blank");

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
        ProblemDetail problem = Problems.problem(
                HttpStatus.BAD_REQUEST, Problems.MALFORMED_REQUEST, "Malformed request", "The request is malformed.");
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

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = exception.getPropertyName() == null ? "parameter" : exception.getPropertyName();
        return invalid(
                exception,
                List.of(new Problems.FieldProblem(name, "must be " + describe(exception.getRequiredType()))),
                headers,
                request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException exception,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return invalid(
                exception,
                List.of(new Problems.FieldProblem(exception.getParameterName(), "is required")),
                headers,
                request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException exception,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        List<Problems.FieldProblem> errors = exception.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new Problems.FieldProblem(
                                String.valueOf(result.getMethodParameter().getParameterName()), message(error))))
                .sorted(Comparator.comparing(Problems.FieldProblem::field)
                        .thenComparing(Problems.FieldProblem::message))
                .toList();
        return invalid(exception, errors, headers, request);
    }

    /** A missing required header: a bad request naming the header, like a bad field. */
    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException exception) {
        return ResponseEntity.badRequest()
                .body(Problems.invalidRequest(
                        List.of(new Problems.FieldProblem(exception.getHeaderName(), "is required"))));
    }

    /** Spring's own refusals (404, 405, 406, 415, …) come without a type: each gets the kit's. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || ABOUT_BLANK.equals(problem.getType()))) {
            problem.setType(Problems.typeFor(status.value()));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    /**
     * Refusals of method security ({@code @Secured}) go back to Spring Security's filter, which answers
     * 403 with the same problem and metric as every other refusal.
     */
    @ExceptionHandler(AccessDeniedException.class)
    void accessDenied(AccessDeniedException exception) {
        throw exception;
    }

    /**
     * Tomcat decodes query parameters only when they are first read, and refuses a value that is not
     * percent-encoded UTF-8 then: the client's fault, a 400, not the 500 it would otherwise become.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodableParameter(InvalidParameterException exception) {
        return ResponseEntity.badRequest()
                .body(Problems.problem(
                        HttpStatus.BAD_REQUEST,
                        Problems.REJECTED_REQUEST,
                        "Rejected request",
                        "A query parameter is not valid percent-encoded UTF-8."));
    }

    /** Whatever else escaped: a 500 without the exception's message, which could hold anything. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        log.error("Request failed", exception);
        ProblemDetail problem = Problems.problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                Problems.INTERNAL_ERROR,
                "Internal error",
                "The request could not be completed; nothing was changed.");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

    private @Nullable ResponseEntity<Object> invalid(
            Exception exception, List<Problems.FieldProblem> errors, HttpHeaders headers, WebRequest request) {
        return handleExceptionInternal(
                exception, Problems.invalidRequest(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static String describe(@Nullable Class<?> type) {
        Map<Class<?>, String> names = Map.of(
                UUID.class, "a UUID",
                Long.class, "an integer",
                long.class, "an integer",
                Integer.class, "an integer",
                int.class, "an integer");
        return type == null ? "of the right type" : names.getOrDefault(type, "of the right type");
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
