package kz.qorgau.kit.problem;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The RFC 9457 problem vocabulary every service answers with, on every path: before Spring MVC
 * ({@code kit.web}), in Spring Security ({@code kit.security}) and in the controllers. Clients branch on
 * {@code type} ({@code urn:qorgau:problem:*}); {@code title} is its summary; a bad request lists each bad
 * field in {@value #ERRORS} as {@link FieldProblem}s. Problems never carry submitted values: they may be
 * personal data. A service adds types of its own in the same form.
 */
public final class Problems {

    /** The request broke the API's rules; {@code errors} lists every bad field, parameter or header. */
    public static final URI INVALID_REQUEST = URI.create("urn:qorgau:problem:invalid-request");

    /** The body is not JSON, has an unknown property, or a value of the wrong type. */
    public static final URI MALFORMED_REQUEST = URI.create("urn:qorgau:problem:malformed-request");

    /** The body is larger than the API accepts (413). */
    public static final URI REQUEST_TOO_LARGE = URI.create("urn:qorgau:problem:request-too-large");

    /** Refused before the API: the path, headers or framing break the rules of HTTP or of the API. */
    public static final URI REJECTED_REQUEST = URI.create("urn:qorgau:problem:rejected-request");

    /** No bearer token, or not a valid one (401). */
    public static final URI UNAUTHENTICATED = URI.create("urn:qorgau:problem:unauthenticated");

    /** The caller's role may not make this request (403). */
    public static final URI FORBIDDEN = URI.create("urn:qorgau:problem:forbidden");

    /** A dependency of the service (its database) cannot be reached; try again later (503). */
    public static final URI UNAVAILABLE = URI.create("urn:qorgau:problem:unavailable");

    /** Something failed on our side; the details are in the service's log, not in the response. */
    public static final URI INTERNAL_ERROR = URI.create("urn:qorgau:problem:internal-error");

    /** The name of the problem property that lists bad fields. */
    public static final String ERRORS = "errors";

    private Problems() {}

    /** An error answered with a problem of this type, title and detail (which never holds submitted values). */
    public static ErrorResponseException error(HttpStatus status, URI type, String title, String detail) {
        return new ErrorResponseException(status, problem(status, type, title, detail), null);
    }

    /** A problem of this type, title and detail. */
    public static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    /** A 400 that lists every bad field. */
    public static ProblemDetail invalidRequest(List<FieldProblem> errors) {
        ProblemDetail problem =
                problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Invalid request", "The request has invalid fields.");
        problem.setProperty(ERRORS, List.copyOf(errors));
        return problem;
    }

    /**
     * One bad field.
     *
     * @param field JSON path of the field (e.g. {@code victim.contacts[0].address}), or the name of a query
     *     parameter, path variable or header
     * @param message what is wrong, never the value
     */
    public record FieldProblem(String field, String message) {}
}
