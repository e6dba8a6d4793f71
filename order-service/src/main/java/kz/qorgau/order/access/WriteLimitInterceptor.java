package kz.qorgau.order.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import kz.qorgau.order.platform.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Refuses a {@link WriteLimited} operation with 429 and Retry-After once its caller's allowance is spent. */
@Component
class WriteLimitInterceptor implements HandlerInterceptor {

    static final URI TOO_MANY_WRITES = URI.create("urn:qorgau:problem:too-many-writes");

    private final WriteLimits limits;

    WriteLimitInterceptor(WriteLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(WriteLimited.class)) {
            WriteLimits.Decision decision =
                    limits.tryWrite(StaffArgumentResolver.current().subject());
            if (!decision.allowed()) {
                throw tooManyWrites(Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000));
            }
        }
        return true;
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
