package kz.qorgau.order.platform;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The RFC 9457 problem types of the API. Clients branch on {@code type}; {@code title} is its
 * human-readable summary. Problems never carry submitted values: they may be personal data.
 */
public final class Problems {

    /** The request body or a header broke the API's rules; {@code errors} lists every bad field. */
    public static final URI INVALID_REQUEST = URI.create("urn:qorgau:problem:invalid-request");

    /** The body is not JSON, has an unknown property, or a value of the wrong type. */
    public static final URI MALFORMED_REQUEST = URI.create("urn:qorgau:problem:malformed-request");

    /** No order with that id. */
    public static final URI ORDER_NOT_FOUND = URI.create("urn:qorgau:problem:order-not-found");

    /** The Idempotency-Key was already used by this caller for a different request. */
    public static final URI IDEMPOTENCY_KEY_REUSED = URI.create("urn:qorgau:problem:idempotency-key-reused");

    /** Something failed on our side; the details are in the service's log, not in the response. */
    public static final URI INTERNAL_ERROR = URI.create("urn:qorgau:problem:internal-error");

    /** The name of the problem property that lists bad fields. */
    public static final String ERRORS = "errors";

    private Problems() {}

    /** An error answered with a problem of this type, title and detail (which never holds submitted values). */
    public static ErrorResponseException error(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }

    /** A 400 that lists every bad field. */
    public static ProblemDetail invalidRequest(List<FieldProblem> errors) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
        problem.setType(INVALID_REQUEST);
        problem.setTitle("Invalid request");
        problem.setProperty(ERRORS, List.copyOf(errors));
        return problem;
    }

    /**
     * One bad field.
     *
     * @param field JSON path of the field, e.g. {@code victim.contacts[0].address}, or a header name
     * @param message what is wrong, never the value
     */
    public record FieldProblem(String field, String message) {}
}
