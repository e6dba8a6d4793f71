package kz.qorgau.order.outbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import kz.qorgau.events.LegalBasis;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.Prohibition;
import kz.qorgau.events.VictimContact;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.events.envelope.EventSources;
import kz.qorgau.events.sealed.SealedFieldCipher;
import kz.qorgau.kit.outbox.Outbox;
import kz.qorgau.order.protectiveorder.ProtectiveOrders;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * TEST FIXTURE. Appends extra events for an order through the real {@link Outbox}, each in its own
 * transaction as a future feature (serve, revoke, …) would. Only OrderIssued exists in the contract so
 * far, so the extra events are OrderIssued-typed rows with sequence numbers 2, 3, …: the relay does not
 * care about the type, only about the sequence.
 */
public final class OutboxFixture {

    private final Outbox outbox;
    private final ProtectiveOrders orders;
    private final SealedFieldCipher cipher;
    private final TransactionTemplate transactions;

    public OutboxFixture(ApplicationContext context) {
        this.outbox = context.getBean(Outbox.class);
        this.orders = context.getBean(ProtectiveOrders.class);
        this.cipher = context.getBean(SealedFieldCipher.class);
        this.transactions = context.getBean(TransactionTemplate.class);
    }

    /** Appends the next event of an existing order, taking its sequence number under the order's row lock. */
    public int appendNextEvent(UUID orderId) {
        return transactions.execute(status -> {
            int sequence = orders.nextEventSequence(orderId);
            outbox.append(EventEnvelope.of(EventSources.ORDER_SERVICE, sequence, event(orderId.toString())));
            return sequence;
        });
    }

    /**
     * Appends events 1..count for a subject that has no order row (component level: the outbox has no
     * foreign key to orders), each in its own transaction.
     */
    public void appendEvents(String subject, int count) {
        for (int sequence = 1; sequence <= count; sequence++) {
            int next = sequence;
            transactions.executeWithoutResult(
                    status -> outbox.append(EventEnvelope.of(EventSources.ORDER_SERVICE, next, event(subject))));
        }
    }

    /** Appends event {@code sequence} of a subject that has no order row, in its own transaction. */
    public void appendEvent(String subject, int sequence) {
        transactions.executeWithoutResult(
                status -> outbox.append(EventEnvelope.of(EventSources.ORDER_SERVICE, sequence, event(subject))));
    }

    /** Event {@code sequence} of {@code subject}, not yet appended. */
    public EventEnvelope<OrderIssued> envelope(String subject, int sequence) {
        return EventEnvelope.of(EventSources.ORDER_SERVICE, sequence, event(subject));
    }

    private OrderIssued event(String orderId) {
        return new OrderIssued(
                orderId,
                "PO-TEST-2026-000001",
                "TEST",
                "TEST-UNIT",
                "officer-test",
                List.of(Prohibition.DOMESTIC_VIOLENCE),
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                null,
                new LegalBasis("KZ-245-VIII", "60", "2026-03-02"),
                cipher.sealJson(
                        new VictimContact(null, null, "fixture@example.kz", null, "kk"),
                        SealedFieldCipher.binding(orderId, OrderIssued.VICTIM_CONTACT_FIELD)));
    }
}
