package kz.qorgau.order.timed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.qorgau.events.ComplianceCheckOverdue;
import kz.qorgau.events.ExpiryApproaching;
import kz.qorgau.events.Measure;
import kz.qorgau.events.OrderExpired;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.RiskLevel;
import kz.qorgau.events.RiskReassessmentOverdue;
import kz.qorgau.events.ServiceOverdue;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.order.law.Law;
import kz.qorgau.order.lifecycle.Action;
import kz.qorgau.order.lifecycle.OrderChanges;
import kz.qorgau.order.lifecycle.Times;
import kz.qorgau.order.protectiveorder.ProtectiveOrder;
import kz.qorgau.order.register.PreventiveRegister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The events the clock raises: service overdue, compliance check overdue, risk re-assessment overdue,
 * expiry approaching and expired (and, through {@link TimedMeasures}, those of a court's measures). Each is a row keyed (order, kind, due time) committed in one transaction with its outbox row
 * (and, for expiry, with the order's change of status), under the order's row lock: a second scan, on
 * another instance or after hours of downtime, finds the row and adds nothing, so each is published
 * once with one event id. What fell due during downtime is raised at the next scan.
 */
@Service
public class TimedEvents {

    /** The kinds of timed event, as kept in {@code order_timed_event.kind}. */
    public enum Kind {
        SERVICE_OVERDUE,
        CHECK_OVERDUE,
        EXPIRY_APPROACHING,
        EXPIRED,
        RISK_REASSESSMENT_OVERDUE
    }

    private static final Logger log = LoggerFactory.getLogger(TimedEvents.class);

    private final JdbcClient jdbc;
    private final OrderChanges changes;
    private final Law law;
    private final TransactionTemplate transactions;
    private final PreventiveRegister register;
    private final List<TimedMeasures> measures;

    TimedEvents(
            JdbcClient jdbc,
            OrderChanges changes,
            Law law,
            TransactionTemplate transactions,
            PreventiveRegister register,
            List<TimedMeasures> measures) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.law = law;
        this.transactions = transactions;
        this.register = register;
        this.measures = measures;
    }

    /**
     * Raises every timed event due at {@code now} that was not raised yet.
     *
     * @return how many were raised
     */
    public int raiseDue(Instant now) {
        int raised = 0;
        for (Due due : serviceOverdue(now)) {
            raised += raise(
                    due,
                    Action.MARK_SERVICE_OVERDUE,
                    order -> new ServiceOverdue(
                            order.id().toString(),
                            order.orderNumber(),
                            order.district(),
                            order.policeUnit(),
                            order.issuedAt(),
                            due.dueAt()));
        }
        for (Due due : checksOverdue(now)) {
            raised += raise(
                    due,
                    Action.MARK_CHECK_OVERDUE,
                    order -> new ComplianceCheckOverdue(
                            order.id().toString(),
                            order.orderNumber(),
                            order.district(),
                            order.policeUnit(),
                            due.dueAt(),
                            due.lastCheckedAt()));
        }
        for (Due due : riskReassessmentsOverdue(now)) {
            raised += raise(
                    due,
                    Action.MARK_RISK_REASSESSMENT_OVERDUE,
                    order -> new RiskReassessmentOverdue(
                            order.id().toString(),
                            order.orderNumber(),
                            order.district(),
                            order.policeUnit(),
                            due.level(),
                            due.lastCheckedAt(),
                            due.dueAt()));
        }
        for (Due due : expiryWarnings(now)) {
            raised += raise(
                    due,
                    Action.WARN_OF_EXPIRY,
                    order -> new ExpiryApproaching(
                            order.id().toString(),
                            order.orderNumber(),
                            order.district(),
                            order.policeUnit(),
                            order.validUntil(),
                            due.dueAt()));
        }
        for (Due due : expiries(now)) {
            raised += raise(
                    due,
                    Action.EXPIRE,
                    order -> new OrderExpired(
                            order.id().toString(),
                            order.orderNumber(),
                            order.district(),
                            order.policeUnit(),
                            order.validUntil()));
        }
        for (TimedMeasures measure : measures) {
            raised += measure.raiseDue(now);
        }
        if (raised > 0) {
            log.info("Raised {} timed order events", raised);
        }
        return raised;
    }

    /**
     * One timed event that fell due; {@code lastCheckedAt} is the last check, or for a re-assessment the
     * last assessment (of {@code level}).
     */
    record Due(UUID orderId, Kind kind, Instant dueAt, Instant lastCheckedAt, RiskLevel level) {

        Due(UUID orderId, Kind kind, Instant dueAt, Instant lastCheckedAt) {
            this(orderId, kind, dueAt, lastCheckedAt, null);
        }
    }

    private interface EventOf {
        QorgauEvent of(ProtectiveOrder order);
    }

    /** One event in its own transaction: 1 if raised now, 0 if raised before or no longer due. */
    private int raise(Due due, Action action, EventOf event) {
        Integer raised = transactions.execute(status -> changes.beginTimed(due.orderId(), action)
                .filter(change -> !alreadyRaised(due))
                .map(change -> {
                    QorgauEvent data = event.of(change.order());
                    EventEnvelope<QorgauEvent> envelope = action == Action.EXPIRE
                            ? changes.commit(change, data)
                            : changes.publish(due.orderId(), data);
                    if (action == Action.EXPIRE) {
                        register.ended(new PreventiveRegister.Cause(
                                Measure.PROTECTIVE_ORDER,
                                due.orderId(),
                                due.orderId(),
                                change.order().district(),
                                due.dueAt()));
                    }
                    jdbc.sql(
                                    """
                                    INSERT INTO order_timed_event (order_id, kind, due_at, event_id, raised_at)
                                    VALUES (:orderId, :kind, :dueAt, :eventId, :raisedAt)
                                    """)
                            .param("orderId", due.orderId())
                            .param("kind", due.kind().name())
                            .param("dueAt", Times.utc(due.dueAt()))
                            .param("eventId", envelope.id())
                            .param("raisedAt", Times.utc(change.now()))
                            .update();
                    return 1;
                })
                .orElse(0));
        return raised == null ? 0 : raised;
    }

    private boolean alreadyRaised(Due due) {
        return jdbc.sql(
                                """
                        SELECT count(*) FROM order_timed_event
                        WHERE order_id = :orderId AND kind = :kind AND due_at = :dueAt
                        """)
                        .param("orderId", due.orderId())
                        .param("kind", due.kind().name())
                        .param("dueAt", Times.utc(due.dueAt()))
                        .query(Long.class)
                        .single()
                > 0;
    }

    private List<Due> serviceOverdue(Instant now) {
        Duration overdue = Duration.between(now, law.serviceDue(now));
        return jdbc.sql(
                        """
                        SELECT id, issued_at FROM protective_order o
                        WHERE status = 'ISSUED' AND issued_at <= :cutoff
                          AND NOT EXISTS (SELECT 1 FROM order_timed_event t
                                          WHERE t.order_id = o.id AND t.kind = 'SERVICE_OVERDUE')
                        ORDER BY issued_at
                        """)
                .param("cutoff", Times.utc(now.minus(overdue)))
                .query((row, n) -> new Due(
                        row.getObject("id", UUID.class),
                        Kind.SERVICE_OVERDUE,
                        law.serviceDue(Times.instant(row, "issued_at")),
                        null))
                .list();
    }

    /**
     * Every check due time that passed without a check: the interval after service or the last
     * (uncorrected) check, then every interval after that, before the order's end.
     */
    private List<Due> checksOverdue(Instant now) {
        List<Due> dues = new ArrayList<>();
        jdbc.sql(
                        """
                        SELECT o.id, o.served_at, o.valid_until,
                            (SELECT max(c.checked_at) FROM compliance_check c
                             WHERE c.order_id = o.id
                               AND NOT EXISTS (SELECT 1 FROM compliance_check k WHERE k.corrects = c.id)) AS last_checked
                        FROM protective_order o
                        WHERE o.status = 'IN_FORCE'
                        """)
                .query((row, n) -> {
                    UUID id = row.getObject("id", UUID.class);
                    Instant lastChecked = Times.instant(row, "last_checked");
                    Instant served = Times.instant(row, "served_at");
                    Instant validUntil = Times.instant(row, "valid_until");
                    Instant base = lastChecked != null && lastChecked.isAfter(served) ? lastChecked : served;
                    for (Instant due = law.checkDue(base);
                            !due.isAfter(now) && due.isBefore(validUntil);
                            due = law.checkDue(due)) {
                        dues.add(new Due(id, Kind.CHECK_OVERDUE, due, lastChecked));
                    }
                    return id;
                })
                .list();
        return dues;
    }

    /** The latest assessment of each order issued or in force, once its re-assessment fell due. */
    private List<Due> riskReassessmentsOverdue(Instant now) {
        return jdbc
                .sql(
                        """
                        SELECT DISTINCT ON (a.order_id) a.order_id, a.level, a.assessed_at
                        FROM order_risk_assessment a JOIN protective_order o ON o.id = a.order_id
                        WHERE o.status IN ('ISSUED', 'IN_FORCE')
                        ORDER BY a.order_id, a.recorded_at DESC, a.assessed_at DESC
                        """)
                .query((row, n) -> {
                    RiskLevel level = RiskLevel.valueOf(row.getString("level"));
                    Instant assessedAt = Times.instant(row, "assessed_at");
                    return new Due(
                            row.getObject("order_id", UUID.class),
                            Kind.RISK_REASSESSMENT_OVERDUE,
                            law.reassessmentDue(level, assessedAt),
                            assessedAt,
                            level);
                })
                .list()
                .stream()
                .filter(due -> !due.dueAt().isAfter(now))
                .toList();
    }

    private List<Due> expiryWarnings(Instant now) {
        return jdbc
                .sql(
                        """
                        SELECT id, valid_until FROM protective_order o
                        WHERE status = 'IN_FORCE'
                          AND NOT EXISTS (SELECT 1 FROM order_timed_event t
                                          WHERE t.order_id = o.id AND t.kind = 'EXPIRY_APPROACHING')
                        ORDER BY valid_until
                        """)
                .query((row, n) -> new Due(
                        row.getObject("id", UUID.class),
                        Kind.EXPIRY_APPROACHING,
                        law.expiryWarning(Times.instant(row, "valid_until")),
                        null))
                .list()
                .stream()
                .filter(due -> !due.dueAt().isAfter(now))
                .toList();
    }

    private List<Due> expiries(Instant now) {
        return jdbc.sql(
                        """
                        SELECT id, valid_until FROM protective_order
                        WHERE status = 'IN_FORCE' AND valid_until <= :now
                        ORDER BY valid_until
                        """)
                .param("now", Times.utc(now))
                .query((row, n) ->
                        new Due(row.getObject("id", UUID.class), Kind.EXPIRED, Times.instant(row, "valid_until"), null))
                .list();
    }
}
