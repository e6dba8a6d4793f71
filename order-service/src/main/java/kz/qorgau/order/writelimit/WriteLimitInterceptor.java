package kz.qorgau.order.writelimit;

import java.net.URI;
import kz.qorgau.kit.problem.Problems;
import kz.qorgau.kit.security.Staff;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.ErrorResponseException;

/**
 * Refuses a {@link WriteLimited} operation with 429 and Retry-After once its caller's allowance is spent.
 * Runs as method security's next step ({@link WriteLimitConfiguration}), after {@code @Secured}: a call
 * the caller's role may not make is refused 403 without using any of their allowance.
 */
class WriteLimitInterceptor implements MethodInterceptor {

    static final URI TOO_MANY_WRITES = URI.create("urn:qorgau:problem:too-many-writes");

    private final ObjectProvider<WriteLimits> limits;

    WriteLimitInterceptor(ObjectProvider<WriteLimits> limits) {
        this.limits = limits;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        WriteLimits.Decision decision = limits.getObject().tryWrite(caller());
        if (!decision.allowed()) {
            throw tooManyWrites(Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000));
        }
        return invocation.proceed();
    }

    /** The subject of the member of staff the security filter chain let in; none gets here without one. */
    private static String caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Staff staff)) {
            throw new IllegalStateException("No member of staff authenticated this request");
        }
        return staff.subject();
    }

    private static ErrorResponseException tooManyWrites(long retryAfterSeconds) {
        ErrorResponseException exception = Problems.error(
                HttpStatus.TOO_MANY_REQUESTS,
                TOO_MANY_WRITES,
                "Too many writes",
                "You have made too many changes in a short time. Try again after Retry-After seconds.");
        exception.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return exception;
    }
}
