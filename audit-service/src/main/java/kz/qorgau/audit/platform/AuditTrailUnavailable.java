package kz.qorgau.audit.platform;

import kz.qorgau.kit.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A database the trail cannot reach is a 503 {@link Problems#UNAVAILABLE}, not the kit's 500: the reader
 * should try again. Before the kit's advice, which answers every other error.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditTrailUnavailable {

    private static final Logger log = LoggerFactory.getLogger(AuditTrailUnavailable.class);

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> databaseUnavailable(DataAccessException exception) {
        log.warn("Audit database request failed: {}", exception.getClass().getName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(Problems.problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        Problems.UNAVAILABLE,
                        "Audit trail unavailable",
                        "The audit database cannot be reached; try again later."));
    }
}
