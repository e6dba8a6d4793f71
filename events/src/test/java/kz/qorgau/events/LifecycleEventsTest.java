package kz.qorgau.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import kz.qorgau.events.catalog.EventType;
import kz.qorgau.events.catalog.EventTypes;
import kz.qorgau.events.catalog.Topics;
import kz.qorgau.events.sealed.SealedFieldCipher;
import org.junit.jupiter.api.Test;

/** The rules of the order lifecycle's events that a schema cannot say: times in order, fields by case. */
class LifecycleEventsTest {

    private static final Instant SERVED = Instant.parse("2026-03-02T09:40:00Z");

    @Test
    void everyLifecycleTypeIsOnTheOrdersTopicKeyedByItsOrder() {
        List<QorgauEvent> lifecycle = TestEvents.all().stream()
                .filter(event -> !(event instanceof NotificationSent
                        || event instanceof NotificationFailed
                        || event instanceof NotificationAcknowledged
                        || event instanceof NotificationEscalated
                        || event instanceof NotificationSuperseded
                        || event instanceof AccessRecorded
                        || event instanceof PersonCheckHit
                        || event instanceof ParkingActionTaken
                        || event instanceof ContactVerificationRequested
                        || event instanceof ContactVerified
                        || event instanceof ContactOptedOut
                        || event instanceof VictimReplied
                        || event instanceof VictimRequestedHelp))
                .toList();

        // The 18 of the order's life (its risk included), the 9 of the court's measures and the register,
        // PersonIdentified and ReportingScheduleRecorded.
        assertThat(lifecycle).hasSize(29);
        for (QorgauEvent event : lifecycle) {
            EventType<?> type = EventTypes.of(event);
            assertThat(type.topic()).isEqualTo(Topics.ORDERS_TOPIC);
            assertThat(event.subject()).isEqualTo(TestEvents.ORDER_ID);
        }
    }

    @Test
    void whatHappenedCannotHaveHappenedAfterItWasEntered() {
        assertThatThrownBy(() -> served(SERVED, SERVED.minusSeconds(1), SERVED.plusSeconds(86_400)))
                .isInstanceOfSatisfying(EventContractException.class, e -> {
                    assertThat(e.field()).isEqualTo("servedAt");
                    assertThat(e.problem()).isEqualTo("must not be after recordedAt");
                });
        assertThat(served(SERVED, SERVED, SERVED.plusSeconds(1)).servedAt()).isEqualTo(SERVED);
    }

    @Test
    void anOrderServedIsInForceForSomeTime() {
        assertThatThrownBy(() -> served(SERVED, SERVED, SERVED))
                .isInstanceOfSatisfying(
                        EventContractException.class, e -> assertThat(e.field()).isEqualTo("validUntil"));
    }

    @Test
    void anAmendmentCarriesExactlyTheNewValuesItChanged() {
        OrderAmended contacts = TestEvents.victimContactAmended();

        assertThatThrownBy(() -> amended(List.of(OrderAmended.Change.PROHIBITIONS), null, null))
                .isInstanceOfSatisfying(
                        EventContractException.class, e -> assertThat(e.field()).isEqualTo("prohibitions"));
        assertThatThrownBy(() -> amended(
                        List.of(OrderAmended.Change.PROTECTED_PERSONS), List.of(Prohibition.DOMESTIC_VIOLENCE), null))
                .isInstanceOfSatisfying(
                        EventContractException.class, e -> assertThat(e.field()).isEqualTo("prohibitions"));
        assertThatThrownBy(() -> amended(List.of(OrderAmended.Change.PROTECTED_PERSONS), null, contacts))
                .isInstanceOfSatisfying(
                        EventContractException.class, e -> assertThat(e.field()).isEqualTo("victimContact"));
        assertThatThrownBy(() -> amended(List.of(OrderAmended.Change.VICTIM_CONTACT), null, null))
                .isInstanceOfSatisfying(
                        EventContractException.class, e -> assertThat(e.field()).isEqualTo("victimContact"));
        assertThat(amended(List.of(OrderAmended.Change.PROTECTED_PERSONS), null, null)
                        .changes())
                .containsExactly(OrderAmended.Change.PROTECTED_PERSONS);
    }

    @Test
    void theNewContactsOpenOnlyForTheirOrderAndField() {
        OrderAmended amended = TestEvents.victimContactAmended();
        SealedFieldCipher cipher = TestEvents.exampleCipher();

        VictimContact opened = cipher.openJson(
                amended.victimContact(),
                SealedFieldCipher.binding(TestEvents.ORDER_ID, OrderAmended.VICTIM_CONTACT_FIELD),
                VictimContact.class);

        assertThat(opened.phone()).isEqualTo(TestEvents.victimContact().phone());
    }

    @Test
    void aCheckOverdueNeedsNoEarlierCheckButOneBeforeItsDueTime() {
        Instant due = Instant.parse("2026-03-16T09:40:00Z");

        assertThat(overdue(due, null).lastCheckedAt()).isNull();
        assertThatThrownBy(() -> overdue(due, due.plusSeconds(60)))
                .isInstanceOfSatisfying(
                        EventContractException.class, e -> assertThat(e.field()).isEqualTo("lastCheckedAt"));
    }

    @Test
    void reasonsAreCodesNotFreeText() {
        assertThatThrownBy(() -> new OrderRevoked(
                        TestEvents.ORDER_ID,
                        "AST-2026-000123",
                        "AST-ESIL",
                        "AST-ESIL-UP-02",
                        "supervisor-10377",
                        "the victim called from +77010000000",
                        SERVED))
                .isInstanceOfSatisfying(
                        EventContractException.class, e -> assertThat(e.field()).isEqualTo("reason"));
    }

    private static OrderServed served(Instant servedAt, Instant recordedAt, Instant validUntil) {
        return new OrderServed(
                TestEvents.ORDER_ID,
                "AST-2026-000123",
                "AST-ESIL",
                "AST-ESIL-UP-02",
                "officer-48213",
                OrderServed.Method.SIGNED,
                servedAt,
                recordedAt,
                validUntil);
    }

    private static OrderAmended amended(
            List<OrderAmended.Change> changes, List<Prohibition> prohibitions, OrderAmended contactsFrom) {
        return new OrderAmended(
                TestEvents.ORDER_ID,
                "AST-2026-000123",
                "AST-ESIL",
                "AST-ESIL-UP-02",
                "supervisor-10377",
                changes,
                "VICTIM_REQUEST",
                prohibitions,
                contactsFrom == null ? null : contactsFrom.victimContact(),
                SERVED);
    }

    private static ComplianceCheckOverdue overdue(Instant due, Instant lastCheckedAt) {
        return new ComplianceCheckOverdue(
                TestEvents.ORDER_ID, "AST-2026-000123", "AST-ESIL", "AST-ESIL-UP-02", due, lastCheckedAt);
    }
}
