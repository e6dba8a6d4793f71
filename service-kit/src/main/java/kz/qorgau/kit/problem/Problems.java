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

    /** No such resource or path (404), for refusals that have no more particular type. */
    public static final URI NOT_FOUND = URI.create("urn:qorgau:problem:not-found");

    /** The path does not take this HTTP method (405). */
    public static final URI METHOD_NOT_ALLOWED = URI.create("urn:qorgau:problem:method-not-allowed");

    /** None of the media types the request accepts can be answered (406). */
    public static final URI NOT_ACCEPTABLE = URI.create("urn:qorgau:problem:not-acceptable");

    /** The body's media type is not one the operation reads (415). */
    public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create("urn:qorgau:problem:unsupported-media-type");

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

    /**
     * The kit's type for a refusal of this status that came without one (Spring's {@code about:blank}), so
     * that every problem names what went wrong by its type, as clients and the security matrix expect.
     */
    public static URI typeFor(int status) {
        return switch (status) {
            case 400 -> INVALID_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> REQUEST_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 503 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : REJECTED_REQUEST;
        };
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
