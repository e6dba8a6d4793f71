package kz.qorgau.order.risk;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.events.RiskLevel;
import kz.qorgau.events.RiskLevelChanged;
import kz.qorgau.kit.problem.InvalidRequestException;
import kz.qorgau.kit.problem.Problems;
import kz.qorgau.kit.security.Role;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.law.Law;
import kz.qorgau.order.lifecycle.Action;
import kz.qorgau.order.lifecycle.HappenedAt;
import kz.qorgau.order.lifecycle.OrderChanges;
import kz.qorgau.order.lifecycle.Times;
import kz.qorgau.order.protectiveorder.ProtectiveOrder;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order's risk level: set by the issuing officer at issue, raised (or confirmed, which restarts the
 * cadence) by an officer's or supervisor's re-assessment, lowered only by a supervisor with a reason.
 * Every assessment is a row and a {@code RiskLevelChanged}; a change of the order like any other
 * ({@link OrderChanges}: If-Match, the order's state, the backdating window).
 */
@Service
public class RiskAssessments {

    public static final URI LOWERING_NEEDS_SUPERVISOR = URI.create("urn:qorgau:problem:lowering-needs-supervisor");

    private final OrderChanges changes;
    private final JdbcClient jdbc;
    private final Law law;

    RiskAssessments(OrderChanges changes, JdbcClient jdbc, Law law) {
        this.changes = changes;
        this.jdbc = jdbc;
        this.law = law;
    }

    /** A re-assessment by {@code staff} of the order's district. */
    @Transactional
    public RiskAssessment assess(Staff staff, UUID orderId, String ifMatch, RiskAssessmentRequest request) {
        OrderChanges.Change change = changes.begin(staff, orderId, ifMatch, Action.ASSESS_RISK);
        ProtectiveOrder order = change.order();
        RiskLevel previous = currentLevel(orderId).orElse(null);
        if (previous != null && request.level().isBelow(previous)) {
            if (!staff.has(Role.SUPERVISOR)) {
                throw Problems.error(
                        HttpStatus.FORBIDDEN,
                        LOWERING_NEEDS_SUPERVISOR,
                        "Lowering needs a supervisor",
                        "Only a supervisor may lower an order's risk level, with a reason. Nothing was recorded.");
            }
            if (request.reason() == null) {
                throw new InvalidRequestException(
                        List.of(new Problems.FieldProblem("reason", "is required to lower the level")));
            }
        }
        Instant assessedAt = HappenedAt.accept("assessedAt", request.assessedAt(), change.now(), order.issuedAt(), law);
        RiskAssessment assessment =
                record(order, staff, previous, request.level(), request.reason(), assessedAt, change.now());
        changes.commit(change, event(order, assessment));
        return assessment;
    }

    /** The issuing officer's level, recorded in the transaction that issues the order, after OrderIssued. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void assessedAtIssue(ProtectiveOrder order, Staff officer, RiskLevel level) {
        RiskAssessment assessment = record(order, officer, null, level, null, order.issuedAt(), order.issuedAt());
        changes.publish(order.id(), event(order, assessment));
    }

    private Optional<RiskLevel> currentLevel(UUID orderId) {
        return jdbc.sql(
                        """
                        SELECT level FROM order_risk_assessment WHERE order_id = :id
                        ORDER BY recorded_at DESC, assessed_at DESC LIMIT 1
                        """)
                .param("id", orderId)
                .query(String.class)
                .optional()
                .map(RiskLevel::valueOf);
    }

    private RiskAssessment record(
            ProtectiveOrder order,
            Staff staff,
            RiskLevel previous,
            RiskLevel level,
            String reason,
            Instant assessedAt,
            Instant recordedAt) {
        RiskAssessment assessment = new RiskAssessment(
                UUID.randomUUID(),
                order.id(),
                previous,
                level,
                reason,
                staff.subject(),
                assessedAt,
                recordedAt,
                law.reassessmentDue(level, assessedAt));
        jdbc.sql(
                        """
                        INSERT INTO order_risk_assessment (id, order_id, level, previous_level, assessed_by,
                            assessed_at, recorded_at, reason)
                        VALUES (:id, :orderId, :level, :previous, :by, :assessedAt, :recordedAt, :reason)
                        """)
                .param("id", assessment.id())
                .param("orderId", order.id())
                .param("level", level.name())
                .param("previous", previous == null ? null : previous.name())
                .param("by", staff.subject())
                .param("assessedAt", Times.utc(assessedAt))
                .param("recordedAt", Times.utc(recordedAt))
                .param("reason", reason)
                .update();
        return assessment;
    }

    private static RiskLevelChanged event(ProtectiveOrder order, RiskAssessment assessment) {
        return new RiskLevelChanged(
                order.id().toString(),
                order.orderNumber(),
                order.district(),
                order.policeUnit(),
                assessment.assessedBy(),
                assessment.previousLevel(),
                assessment.level(),
                assessment.reason(),
                assessment.assessedAt(),
                assessment.recordedAt());
    }
}
