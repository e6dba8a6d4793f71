package kz.qorgau.audit.access;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import kz.qorgau.kit.security.StaffClaimsValidator;
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
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers refused requests with RFC 9457 problem details: 401 (with RFC 6750's {@code WWW-Authenticate})
 * for a missing or invalid token, 403 for a role that may not do this. Counts each refusal in {@value
 * #METRIC} by a reason from a fixed list, so a flood of forged or expired tokens shows on a dashboard.
 * Neither the token nor its claims are logged or echoed.
 */
@Component
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String METRIC = "qorgau.security.rejections";

    static final URI UNAUTHENTICATED = URI.create("urn:qorgau:problem:unauthenticated");
    static final URI FORBIDDEN = URI.create("urn:qorgau:problem:forbidden");

    private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final MeterRegistry meters;

    SecurityProblems(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Why a request was refused; the metric's {@code reason} tag. */
    enum Reason {
        MISSING_TOKEN,
        EXPIRED,
        NOT_YET_VALID,
        WRONG_ISSUER,
        WRONG_AUDIENCE,
        INVALID_TOKEN,
        /** Signed by our issuer, but with claims the service cannot hold (StaffClaimsValidator). */
        INVALID_CLAIMS,
        ROLE;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        Reason reason = classify(exception);
        count(reason, HttpStatus.UNAUTHORIZED);
        log.debug("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), reason);
        // Sets 401 and WWW-Authenticate: Bearer error="invalid_token", error_description=...
        bearer.commence(request, response, exception);
        write(
                response,
                HttpStatus.UNAUTHORIZED,
                UNAUTHENTICATED,
                "Authentication required",
                reason == Reason.MISSING_TOKEN
                        ? "This request needs a bearer token."
                        : "The bearer token is not valid (see WWW-Authenticate).",
                request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        count(Reason.ROLE, HttpStatus.FORBIDDEN);
        response.setStatus(HttpStatus.FORBIDDEN.value());
        write(
                response,
                HttpStatus.FORBIDDEN,
                FORBIDDEN,
                "Forbidden",
                "Your role does not allow this request.",
                request);
    }

    private void count(Reason reason, HttpStatus status) {
        Counter.builder(METRIC)
                .description("Requests refused by authentication or authorization")
                .tag("reason", reason.tag())
                .tag("status", String.valueOf(status.value()))
                .register(meters)
                .increment();
    }

    static Reason classify(AuthenticationException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof JwtValidationException invalid) {
                for (OAuth2Error error : invalid.getErrors()) {
                    if (StaffClaimsValidator.isClaimsError(error)) {
                        continue;
                    }
                    String description = String.valueOf(error.getDescription());
                    if (description.contains("expired")) {
                        return Reason.EXPIRED;
                    }
                    if (description.contains("before")) {
                        return Reason.NOT_YET_VALID;
                    }
                    if (description.contains("iss")) {
                        return Reason.WRONG_ISSUER;
                    }
                    if (description.contains("aud")) {
                        return Reason.WRONG_AUDIENCE;
                    }
                }
                // After the time, issuer and audience: a token that is also expired is counted as expired.
                if (invalid.getErrors().stream().anyMatch(StaffClaimsValidator::isClaimsError)) {
                    return Reason.INVALID_CLAIMS;
                }
                return Reason.INVALID_TOKEN;
            }
        }
        if (exception instanceof InsufficientAuthenticationException
                || exception instanceof AuthenticationCredentialsNotFoundException) {
            return Reason.MISSING_TOKEN;
        }
        return Reason.INVALID_TOKEN;
    }

    private static void write(
            HttpServletResponse response,
            HttpStatus status,
            URI type,
            String title,
            String detail,
            HttpServletRequest request)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type.toString());
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
