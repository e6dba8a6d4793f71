package kz.qorgau.order.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import kz.qorgau.order.protectiveorder.OrderStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The state machine's decisions, without Spring or a database. */
class OrderLifecycleTest {

    @Test
    void anIssuedOrderIsServedIntoForceOrVoided() {
        assertThat(OrderLifecycle.decide(OrderStatus.ISSUED, Action.SERVE))
                .isEqualTo(new OrderLifecycle.Allowed(OrderStatus.IN_FORCE));
        assertThat(OrderLifecycle.decide(OrderStatus.ISSUED, Action.VOID))
                .isEqualTo(new OrderLifecycle.Allowed(OrderStatus.VOIDED));
        assertThat(OrderLifecycle.decide(OrderStatus.ISSUED, Action.RECORD_FAILED_SERVICE))
                .isEqualTo(new OrderLifecycle.Allowed(OrderStatus.ISSUED));
    }

    @Test
    void anOrderInForceExpiresOrIsRevoked() {
        assertThat(OrderLifecycle.decide(OrderStatus.IN_FORCE, Action.EXPIRE))
                .isEqualTo(new OrderLifecycle.Allowed(OrderStatus.EXPIRED));
        assertThat(OrderLifecycle.decide(OrderStatus.IN_FORCE, Action.REVOKE))
                .isEqualTo(new OrderLifecycle.Allowed(OrderStatus.REVOKED));
    }

    @Test
    void whatHappensInForceLeavesTheStatusAsItIs() {
        for (Action action : EnumSet.of(
                Action.REPORT_VIOLATION,
                Action.RECORD_CHECK,
                Action.AMEND,
                Action.MARK_CHECK_OVERDUE,
                Action.WARN_OF_EXPIRY)) {
            assertThat(OrderLifecycle.decide(OrderStatus.IN_FORCE, action))
                    .as("%s", action)
                    .isEqualTo(new OrderLifecycle.Allowed(OrderStatus.IN_FORCE));
        }
    }

    @Test
    void impossibleTransitionsSayWhy() {
        assertThat(OrderLifecycle.decide(OrderStatus.VOIDED, Action.SERVE))
                .isEqualTo(new OrderLifecycle.Refused("An order that is VOIDED cannot be served."));
        assertThat(OrderLifecycle.decide(OrderStatus.IN_FORCE, Action.VOID))
                .isEqualTo(new OrderLifecycle.Refused("An order that is IN_FORCE cannot be voided."));
        assertThat(OrderLifecycle.decide(OrderStatus.ISSUED, Action.REPORT_VIOLATION))
                .isEqualTo(new OrderLifecycle.Refused("An order that is ISSUED cannot have a violation reported."));
        assertThat(OrderLifecycle.decide(OrderStatus.EXPIRED, Action.EXPIRE))
                .isEqualTo(new OrderLifecycle.Refused("An order that is EXPIRED cannot expire."));
    }

    @ParameterizedTest
    @EnumSource(
            value = OrderStatus.class,
            names = {"EXPIRED", "REVOKED", "VOIDED"})
    void anEndedOrderIsNeverServedAmendedCheckedOrEndedAgain(OrderStatus ended) {
        for (Action action : EnumSet.of(
                Action.SERVE,
                Action.AMEND,
                Action.RECORD_CHECK,
                Action.REPORT_VIOLATION,
                Action.VOID,
                Action.REVOKE,
                Action.EXPIRE,
                Action.WARN_OF_EXPIRY,
                Action.MARK_CHECK_OVERDUE,
                Action.MARK_SERVICE_OVERDUE)) {
            assertThat(OrderLifecycle.decide(ended, action))
                    .as("%s in %s", action, ended)
                    .isInstanceOf(OrderLifecycle.Refused.class);
        }
    }

    @Test
    void aViolationReportedInForceIsConfirmedAndItsArrestRunAfterTheOrderEnded() {
        assertThat(OrderLifecycle.allowedIn(Action.CONFIRM_VIOLATION))
                .isEqualTo(Set.of(OrderStatus.IN_FORCE, OrderStatus.EXPIRED, OrderStatus.REVOKED));
        assertThat(OrderLifecycle.allowedIn(Action.END_ARREST)).doesNotContain(OrderStatus.ISSUED, OrderStatus.VOIDED);
    }

    @Test
    void aViolationIsConfirmedOnceThenItsArrestStartsOnceAndEndsOnce() {
        var reported = new OrderLifecycle.ViolationState(false, false, false);
        var confirmed = new OrderLifecycle.ViolationState(true, false, false);
        var arrested = new OrderLifecycle.ViolationState(true, true, false);
        var released = new OrderLifecycle.ViolationState(true, true, true);

        assertThat(OrderLifecycle.decideViolation(reported, Action.CONFIRM_VIOLATION))
                .isInstanceOf(OrderLifecycle.Allowed.class);
        assertThat(OrderLifecycle.decideViolation(reported, Action.START_ARREST))
                .isEqualTo(new OrderLifecycle.Refused("An arrest needs a confirmed violation."));
        assertThat(OrderLifecycle.decideViolation(confirmed, Action.CONFIRM_VIOLATION))
                .isInstanceOf(OrderLifecycle.Refused.class);
        assertThat(OrderLifecycle.decideViolation(confirmed, Action.START_ARREST))
                .isInstanceOf(OrderLifecycle.Allowed.class);
        assertThat(OrderLifecycle.decideViolation(confirmed, Action.END_ARREST))
                .isEqualTo(new OrderLifecycle.Refused("No arrest for this violation has started."));
        assertThat(OrderLifecycle.decideViolation(arrested, Action.START_ARREST))
                .isInstanceOf(OrderLifecycle.Refused.class);
        assertThat(OrderLifecycle.decideViolation(arrested, Action.END_ARREST))
                .isInstanceOf(OrderLifecycle.Allowed.class);
        assertThat(OrderLifecycle.decideViolation(released, Action.END_ARREST))
                .isInstanceOf(OrderLifecycle.Refused.class);
    }

    @Test
    void everyActionIsAllowedSomewhere() {
        for (Action action : Action.values()) {
            assertThat(OrderLifecycle.allowedIn(action)).as("%s", action).isNotEmpty();
        }
    }
}
