package kz.qorgau.order.platform.idempotency;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 422: the caller already used this Idempotency-Key for a different request. */
public class IdempotencyKeyReusedException extends ErrorResponseException {

    /** The Idempotency-Key was already used by this caller for a different request. */
    public static final URI IDEMPOTENCY_KEY_REUSED = URI.create("urn:qorgau:problem:idempotency-key-reused");

    private static final long serialVersionUID = 1L;

    public IdempotencyKeyReusedException() {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "This Idempotency-Key was already used with a different request body. "
                        + "Use a new key for a new request; resend the original body to get the original result.");
        problem.setType(IDEMPOTENCY_KEY_REUSED);
        problem.setTitle("Idempotency-Key reused");
        return problem;
    }
}
