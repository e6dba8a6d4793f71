package kz.qorgau.notification.orders;

import java.time.Instant;
import kz.qorgau.events.ArrestEnded;
import kz.qorgau.events.ArrestStarted;
import kz.qorgau.events.ComplianceCheckCorrected;
import kz.qorgau.events.ComplianceCheckOverdue;
import kz.qorgau.events.ComplianceCheckRecorded;
import kz.qorgau.events.ExpiryApproaching;
import kz.qorgau.events.OrderAmended;
import kz.qorgau.events.OrderExpired;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.OrderRevoked;
import kz.qorgau.events.OrderServed;
import kz.qorgau.events.OrderServiceFailed;
import kz.qorgau.events.OrderVoided;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.RiskLevelChanged;
import kz.qorgau.events.ServiceOverdue;
import kz.qorgau.events.ViolationConfirmed;
import kz.qorgau.events.ViolationReported;
import kz.qorgau.notification.notice.Occurrence;
import kz.qorgau.notification.notice.OrderFact;
import kz.qorgau.notification.notice.RiskUrgency;

/**
 * What the police are told of each event of an order's life ({@link OrderFact}), and the order's district,
 * which every one of them names. Java 17 has no pattern-matching switch, hence the chain.
 */
final class OrderFacts {

    private OrderFacts() {}

    /** The occurrence the police are told of, or null for an event nobody is told of (served, revoked, ...). */
    static OrderFact of(QorgauEvent data) {
        if (data instanceof OrderServiceFailed e) {
            return fact(
                    Occurrence.SERVICE_FAILED,
                    e.orderId(),
                    e.orderNumber(),
                    e.district(),
                    e.policeUnit(),
                    e.attemptedAt());
        }
        if (data instanceof ServiceOverdue e) {
            return fact(
                    Occurrence.SERVICE_OVERDUE, e.orderId(), e.orderNumber(), e.district(), e.policeUnit(), e.dueAt());
        }
        if (data instanceof ViolationReported e) {
            return fact(
                    Occurrence.VIOLATION_REPORTED,
                    e.orderId(),
                    e.orderNumber(),
                    e.district(),
                    e.policeUnit(),
                    e.occurredAt());
        }
        if (data instanceof ArrestStarted e) {
            return fact(
                    Occurrence.ARREST_STARTED,
                    e.orderId(),
                    e.orderNumber(),
                    e.district(),
                    e.policeUnit(),
                    e.startedAt());
        }
        if (data instanceof ArrestEnded e) {
            return fact(
                    Occurrence.ARREST_ENDED, e.orderId(), e.orderNumber(), e.district(), e.policeUnit(), e.endedAt());
        }
        if (data instanceof ComplianceCheckOverdue e) {
            return fact(
                    Occurrence.CHECK_OVERDUE, e.orderId(), e.orderNumber(), e.district(), e.policeUnit(), e.dueAt());
        }
        if (data instanceof RiskLevelChanged e) {
            return riskRaised(e);
        }
        if (data instanceof ExpiryApproaching e) {
            return fact(
                    Occurrence.EXPIRY_APPROACHING,
                    e.orderId(),
                    e.orderNumber(),
                    e.district(),
                    e.policeUnit(),
                    e.validUntil());
        }
        return null;
    }

    /**
     * A re-assessment that raised the level to HIGH or EXTREME (docs/adr/0039); the level set at issue (no previous
     * level) is named by the order-issued notice already, and a level confirmed or lowered tells nobody.
     */
    private static OrderFact riskRaised(RiskLevelChanged e) {
        if (e.previousLevel() == null || !e.previousLevel().isBelow(e.level()) || !RiskUrgency.raises(e.level())) {
            return null;
        }
        String detail = "Бұрынғы деңгей / Прежний уровень: " + RiskUrgency.kazakh(e.previousLevel()) + " / "
                + RiskUrgency.russian(e.previousLevel());
        return new OrderFact(
                        Occurrence.RISK_RAISED,
                        e.orderId(),
                        e.orderNumber(),
                        e.district(),
                        e.policeUnit(),
                        e.assessedAt(),
                        Occurrence.RISK_RAISED.urgency(),
                        detail)
                .atRisk(e.level());
    }

    /** The order's district, as every lifecycle event names it; null for another topic's event. */
    static String district(QorgauEvent data) {
        if (data instanceof OrderIssued e) {
            return e.district();
        }
        if (data instanceof OrderServed e) {
            return e.district();
        }
        if (data instanceof OrderServiceFailed e) {
            return e.district();
        }
        if (data instanceof ServiceOverdue e) {
            return e.district();
        }
        if (data instanceof ViolationReported e) {
            return e.district();
        }
        if (data instanceof ViolationConfirmed e) {
            return e.district();
        }
        if (data instanceof ArrestStarted e) {
            return e.district();
        }
        if (data instanceof ArrestEnded e) {
            return e.district();
        }
        if (data instanceof ComplianceCheckRecorded e) {
            return e.district();
        }
        if (data instanceof ComplianceCheckCorrected e) {
            return e.district();
        }
        if (data instanceof ComplianceCheckOverdue e) {
            return e.district();
        }
        if (data instanceof OrderAmended e) {
            return e.district();
        }
        if (data instanceof OrderRevoked e) {
            return e.district();
        }
        if (data instanceof OrderVoided e) {
            return e.district();
        }
        if (data instanceof ExpiryApproaching e) {
            return e.district();
        }
        if (data instanceof OrderExpired e) {
            return e.district();
        }
        if (data instanceof RiskLevelChanged e) {
            return e.district();
        }
        return null;
    }

    private static OrderFact fact(
            Occurrence what, String orderId, String orderNumber, String district, String policeUnit, Instant at) {
        return new OrderFact(what, orderId, orderNumber, district, policeUnit, at);
    }
}
