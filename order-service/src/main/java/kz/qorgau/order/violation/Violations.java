package kz.qorgau.order.violation;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.events.ArrestEnded;
import kz.qorgau.events.ArrestStarted;
import kz.qorgau.events.LegalBasis;
import kz.qorgau.events.Prohibition;
import kz.qorgau.events.ViolationConfirmed;
import kz.qorgau.events.ViolationReported;
import kz.qorgau.kit.problem.Problems;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.law.Law;
import kz.qorgau.order.lifecycle.Action;
import kz.qorgau.order.lifecycle.HappenedAt;
import kz.qorgau.order.lifecycle.OrderChanges;
import kz.qorgau.order.lifecycle.OrderLifecycle;
import kz.qorgau.order.lifecycle.Times;
import kz.qorgau.order.protectiveorder.ProtectiveOrder;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Violations of an order: reported (it makes the offender a repeat offender), confirmed with an art. 461
 * case, and the administrative arrest started and ended. Each step is kept on the violation's row and
 * published with the order's next sequence number.
 */
@Service
class Violations {

    static final URI VIOLATION_NOT_FOUND = URI.create("urn:qorgau:problem:violation-not-found");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Prohibition>> PROHIBITIONS = new TypeReference<>() {};

    static ErrorResponseException notFound() {
        return Problems.error(
                HttpStatus.NOT_FOUND,
                VIOLATION_NOT_FOUND,
                "Violation not found",
                "This order has no violation with this id.");
    }

    private final OrderChanges changes;
    private final JdbcClient jdbc;
    private final Law law;

    Violations(OrderChanges changes, JdbcClient jdbc, Law law) {
        this.changes = changes;
        this.jdbc = jdbc;
        this.law = law;
    }

    /** A violation as stored. */
    record Violation(
            UUID id,
            UUID orderId,
            Instant occurredAt,
            Instant confirmedAt,
            String caseNumber,
            Instant arrestStartedAt,
            Instant arrestEndedAt,
            LegalBasis legalBasis,
            List<Prohibition> breached) {

        OrderLifecycle.ViolationState state() {
            return new OrderLifecycle.ViolationState(
                    confirmedAt != null, arrestStartedAt != null, arrestEndedAt != null);
        }
    }

    @Transactional
    public Violation report(Staff staff, UUID orderId, String ifMatch, ReportViolationRequest request) {
        OrderChanges.Change change = changes.begin(staff, orderId, ifMatch, Action.REPORT_VIOLATION);
        ProtectiveOrder order = change.order();
        Instant occurredAt = HappenedAt.accept("occurredAt", request.occurredAt(), change.now(), order.servedAt(), law);
        LegalBasis basis = law.violationBasis(occurredAt);
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        INSERT INTO order_violation (id, order_id, status, source, reported_by, breached, occurred_at,
                            recorded_at, legal_basis_law, legal_basis_article, legal_basis_version)
                        VALUES (:id, :orderId, 'REPORTED', :source, :by, CAST(:breached AS jsonb), :occurredAt,
                            :recordedAt, :law, :article, :version)
                        """)
                .param("id", id)
                .param("orderId", orderId)
                .param("source", request.source().name())
                .param("by", staff.subject())
                .param("breached", JSON.writeValueAsString(request.breached()))
                .param("occurredAt", Times.utc(occurredAt))
                .param("recordedAt", Times.utc(change.now()))
                .param("law", basis.law())
                .param("article", basis.article())
                .param("version", basis.version())
                .update();
        // A violation marks a repeat offender (issue 10).
        jdbc.sql("UPDATE protective_order SET repeat_offender = true WHERE id = :id")
                .param("id", orderId)
                .update();
        changes.commit(
                change,
                new ViolationReported(
                        orderId.toString(),
                        order.orderNumber(),
                        order.district(),
                        order.policeUnit(),
                        id.toString(),
                        request.source(),
                        staff.subject(),
                        request.breached(),
                        basis,
                        occurredAt,
                        change.now()));
        return find(orderId, id).orElseThrow();
    }

    @Transactional
    public Violation confirm(
            Staff staff, UUID orderId, UUID violationId, String ifMatch, ConfirmViolationRequest request) {
        OrderChanges.Change change = changes.begin(staff, orderId, ifMatch, Action.CONFIRM_VIOLATION);
        Violation violation = lockedViolation(orderId, violationId, Action.CONFIRM_VIOLATION);
        Instant confirmedAt =
                HappenedAt.accept("confirmedAt", request.confirmedAt(), change.now(), violation.occurredAt(), law);
        jdbc.sql(
                        """
                        UPDATE order_violation SET status = 'CONFIRMED', case_number = :caseNumber,
                            confirmed_by = :by, confirmed_at = :at WHERE id = :id
                        """)
                .param("caseNumber", request.caseNumber())
                .param("by", staff.subject())
                .param("at", Times.utc(confirmedAt))
                .param("id", violationId)
                .update();
        ProtectiveOrder order = change.order();
        changes.commit(
                change,
                new ViolationConfirmed(
                        orderId.toString(),
                        order.orderNumber(),
                        order.district(),
                        order.policeUnit(),
                        violationId.toString(),
                        request.caseNumber(),
                        staff.subject(),
                        violation.legalBasis(),
                        confirmedAt,
                        change.now()));
        return find(orderId, violationId).orElseThrow();
    }

    @Transactional
    public Violation startArrest(Staff staff, UUID orderId, UUID violationId, String ifMatch, ArrestRequest request) {
        return arrest(staff, orderId, violationId, ifMatch, request, Action.START_ARREST);
    }

    @Transactional
    public Violation endArrest(Staff staff, UUID orderId, UUID violationId, String ifMatch, ArrestRequest request) {
        return arrest(staff, orderId, violationId, ifMatch, request, Action.END_ARREST);
    }

    /** The start or the end of the arrest for a violation: when, and who entered it. */
    private Violation arrest(
            Staff staff, UUID orderId, UUID violationId, String ifMatch, ArrestRequest request, Action action) {
        boolean start = action == Action.START_ARREST;
        OrderChanges.Change change = changes.begin(staff, orderId, ifMatch, action);
        Violation violation = lockedViolation(orderId, violationId, action);
        Instant notBefore = start ? violation.confirmedAt() : violation.arrestStartedAt();
        Instant at = HappenedAt.accept("at", request.at(), change.now(), notBefore, law);
        jdbc.sql("UPDATE order_violation SET " + (start ? "arrest_started_at" : "arrest_ended_at")
                        + " = :at WHERE id = :id")
                .param("at", Times.utc(at))
                .param("id", violationId)
                .update();
        ProtectiveOrder order = change.order();
        String id = orderId.toString();
        String violationText = violationId.toString();
        changes.commit(
                change,
                start
                        ? new ArrestStarted(
                                id,
                                order.orderNumber(),
                                order.district(),
                                order.policeUnit(),
                                violationText,
                                staff.subject(),
                                at,
                                change.now())
                        : new ArrestEnded(
                                id,
                                order.orderNumber(),
                                order.district(),
                                order.policeUnit(),
                                violationText,
                                staff.subject(),
                                at,
                                change.now()));
        return find(orderId, violationId).orElseThrow();
    }

    /** The violation of this order (404 if the order has none with this id), checked against {@code action}. */
    private Violation lockedViolation(UUID orderId, UUID violationId, Action action) {
        Violation violation = jdbc.sql(
                        "SELECT * FROM order_violation WHERE id = :id AND order_id = :orderId FOR UPDATE")
                .param("id", violationId)
                .param("orderId", orderId)
                .query(Violations::map)
                .optional()
                .orElseThrow(() -> Problems.error(
                        HttpStatus.NOT_FOUND,
                        VIOLATION_NOT_FOUND,
                        "Violation not found",
                        "This order has no violation with this id."));
        OrderChanges.require(OrderLifecycle.decideViolation(violation.state(), action));
        return violation;
    }

    Optional<Violation> find(UUID orderId, UUID violationId) {
        return jdbc.sql("SELECT * FROM order_violation WHERE id = :id AND order_id = :orderId")
                .param("id", violationId)
                .param("orderId", orderId)
                .query(Violations::map)
                .optional();
    }

    private static Violation map(ResultSet row, int rowNumber) throws SQLException {
        return new Violation(
                row.getObject("id", UUID.class),
                row.getObject("order_id", UUID.class),
                Times.instant(row, "occurred_at"),
                Times.instant(row, "confirmed_at"),
                row.getString("case_number"),
                Times.instant(row, "arrest_started_at"),
                Times.instant(row, "arrest_ended_at"),
                new LegalBasis(
                        row.getString("legal_basis_law"),
                        row.getString("legal_basis_article"),
                        row.getString("legal_basis_version")),
                JSON.readValue(row.getString("breached"), PROHIBITIONS));
    }
}
