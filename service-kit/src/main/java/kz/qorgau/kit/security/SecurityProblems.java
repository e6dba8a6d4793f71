package kz.qorgau.kit.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import kz.qorgau.kit.metrics.MetricNames;
import kz.qorgau.kit.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers refused requests with RFC 9457 problem details, the same in every service and on both ports:
 * 401 {@link Problems#UNAUTHENTICATED} (with RFC 6750's {@code WWW-Authenticate}) for a missing or invalid
 * token, 403 {@link Problems#FORBIDDEN} for a role that may not do this. Counts each refusal in {@value
 * #METRIC} by a {@link Refusal} (tag {@code reason}) and the status (tag {@code status}), so a flood of
 * forged or expired tokens shows on a dashboard; a service counts its own refusals ({@link #count}) under
 * the same name. Neither the token nor its claims are logged or echoed.
 */
public class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    /** Requests refused by authentication or authorization; ops/prometheus/alerts.yml alerts on it. */
    public static final String METRIC = MetricNames.SECURITY_REJECTIONS;

    private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final MeterRegistry meters;

    public SecurityProblems(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        Refusal reason = classify(exception);
        count(reason.tag(), HttpStatus.UNAUTHORIZED);
        log.debug("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), reason);
        // Sets 401 and WWW-Authenticate: Bearer error="invalid_token", error_description=...
        bearer.commence(request, response, exception);
        write(
                response,
                HttpStatus.UNAUTHORIZED,
                Problems.UNAUTHENTICATED.toString(),
                "Authentication required",
                reason == Refusal.MISSING_TOKEN
                        ? "This request needs a bearer token."
                        : "The bearer token is not valid (see WWW-Authenticate).",
                request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        count(Refusal.ROLE.tag(), HttpStatus.FORBIDDEN);
        response.setStatus(HttpStatus.FORBIDDEN.value());
        write(
                response,
                HttpStatus.FORBIDDEN,
                Problems.FORBIDDEN.toString(),
                "Forbidden",
                "Your role does not allow this request.",
                request);
    }

    /**
     * Counts a refusal decided elsewhere, by a service's own rule ({@code reason} in lower case, one of a
     * fixed list of the service's, never a value from the request).
     */
    public void count(String reason, HttpStatus status) {
        Counter.builder(METRIC)
                .description("Requests refused by authentication or authorization")
                .tag("reason", reason)
                .tag("status", String.valueOf(status.value()))
                .register(meters)
                .increment();
    }

    /** The reason of a 401, from the error codes of the validators that refused the token. */
    public static Refusal classify(AuthenticationException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof JwtValidationException invalid) {
                for (Refusal refusal : Refusal.values()) {
                    if (refusal.errorCode() != null && hasCode(invalid, refusal.errorCode())) {
                        return refusal;
                    }
                }
                return Refusal.INVALID_TOKEN;
            }
        }
        if (exception instanceof InsufficientAuthenticationException
                || exception instanceof AuthenticationCredentialsNotFoundException) {
            return Refusal.MISSING_TOKEN;
        }
        return Refusal.INVALID_TOKEN;
    }

    private static boolean hasCode(JwtValidationException exception, String code) {
        for (OAuth2Error error : exception.getErrors()) {
            if (Objects.equals(code, error.getErrorCode())) {
                return true;
            }
        }
        return false;
    }

    private static void write(
            HttpServletResponse response,
            HttpStatus status,
            String type,
            String title,
            String detail,
            HttpServletRequest request)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
