package kz.qorgau.notification.orderstate;

import static org.assertj.core.api.Assertions.assertThat;

import kz.qorgau.events.ArrestStarted;
import kz.qorgau.events.ComplianceCheckOverdue;
import kz.qorgau.events.ExpiryApproaching;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.OrderServiceFailed;
import kz.qorgau.events.ServiceOverdue;
import kz.qorgau.events.ViolationReported;
import org.junit.jupiter.api.Test;

/** Which notices a later state of the order makes untrue (docs/adr/0024), and which it never does. */
class OrderStateCheckTest {

    @Test
    void notServedYetIsUntrueOnceTheOrderWasServedOrVoided() {
        assertThat(OrderStateCheck.decide(ServiceOverdue.TYPE, 2, state(OrderStatus.IN_FORCE, 3)))
                .contains("ORDER_SERVED");
        assertThat(OrderStateCheck.decide(OrderServiceFailed.TYPE, 2, state(OrderStatus.VOIDED, 3)))
                .contains("ORDER_VOIDED");
        assertThat(OrderStateCheck.decide(ServiceOverdue.TYPE, 2, state(OrderStatus.ISSUED, 1)))
                .isEmpty();
    }

    @Test
    void aReminderIsUntrueOnceTheOrderEnded() {
        assertThat(OrderStateCheck.decide(ExpiryApproaching.TYPE, 7, state(OrderStatus.REVOKED, 8)))
                .contains("ORDER_REVOKED");
        assertThat(OrderStateCheck.decide(ComplianceCheckOverdue.TYPE, 7, state(OrderStatus.EXPIRED, 9)))
                .contains("ORDER_EXPIRED");
        assertThat(OrderStateCheck.decide(ComplianceCheckOverdue.TYPE, 7, state(OrderStatus.IN_FORCE, 9)))
                .isEmpty();
    }

    @Test
    void onlyALaterEventSupersedes() {
        assertThat(OrderStateCheck.decide(ExpiryApproaching.TYPE, 9, state(OrderStatus.REVOKED, 8)))
                .as("the reminder came after the revocation was heard: not this check's to judge")
                .isEmpty();
        assertThat(OrderStateCheck.decide(ServiceOverdue.TYPE, 3, state(OrderStatus.IN_FORCE, 3)))
                .isEmpty();
    }

    @Test
    void aViolationOrAnArrestIsNeverSupersededAnIssuedOrderOnlyByItsVoiding() {
        assertThat(OrderStateCheck.decide(ViolationReported.TYPE, 4, state(OrderStatus.REVOKED, 9)))
                .isEmpty();
        assertThat(OrderStateCheck.decide(ArrestStarted.TYPE, 4, state(OrderStatus.EXPIRED, 9)))
                .isEmpty();
        assertThat(OrderStateCheck.decide(OrderIssued.TYPE, 1, state(OrderStatus.IN_FORCE, 2)))
                .isEmpty();
        assertThat(OrderStateCheck.decide(OrderIssued.TYPE, 1, state(OrderStatus.VOIDED, 2)))
                .contains("ORDER_VOIDED");
    }

    private static OrderState state(OrderStatus status, long sequence) {
        return new OrderState(status, sequence);
    }
}
