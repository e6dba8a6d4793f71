package kz.qorgau.order.accessrecord;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import kz.qorgau.events.AccessKind;
import kz.qorgau.events.AccessRecorded;
import kz.qorgau.events.PersonCheckHit;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.events.envelope.EventSources;
import kz.qorgau.kit.outbox.Outbox;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.protectiveorder.ProtectiveOrder;
import kz.qorgau.order.protectiveorder.ProtectiveOrders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes an {@link AccessRecorded} for every sensitive access, through the outbox and in the caller's
 * transaction: the data are returned only once the record of reading them is stored, so no read of a
 * victim's data escapes the audit trail (docs/adr/0010).
 *
 * <p>Events about one order take the next number of that order's sequence (under its row lock), so
 * reads and changes of an order reach the topics, and the audit trail, in the order they happened.
 */
@Component
public class AccessEvents {

    /** The field an access record of a person's history names. */
    public static final String PERSON_HISTORY = "person.history";

    private final Outbox outbox;
    private final ProtectiveOrders orders;
    private final Clock clock;

    AccessEvents(Outbox outbox, ProtectiveOrders orders, Clock clock) {
        this.outbox = outbox;
        this.orders = orders;
        this.clock = clock;
    }

    /** A read of an order's personal-data {@code fields}, under a break-glass grant or not. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void orderRead(
            Staff staff,
            ProtectiveOrder order,
            AccessKind kind,
            List<String> fields,
            String purpose,
            BreakGlassGrant grant) {
        publish(
                orders.nextEventSequence(order.id()),
                new AccessRecorded(
                        UUID.randomUUID().toString(),
                        clock.instant(),
                        kind,
                        actor(staff),
                        order.id().toString(),
                        order.district(),
                        fields,
                        purpose,
                        breakGlass(grant),
                        0,
                        grant != null));
    }

    /** A person check and how many active orders it found; answers the check's access id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID personChecked(Staff staff, int matchedOrders, String purpose) {
        return accessToNoOrder(staff, List.of(), matchedOrders, purpose);
    }

    /**
     * A supervisor read a person's history (docs/adr/0035): kept as a person check, the one kind of access to
     * no single order that v1 of the contract knows, marked by the field {@value #PERSON_HISTORY} and counting
     * the measures shown; answers its access id.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID personHistoryRead(Staff staff, int measuresShown, String purpose) {
        return accessToNoOrder(staff, List.of(PERSON_HISTORY), measuresShown, purpose);
    }

    private UUID accessToNoOrder(Staff staff, List<String> fields, int matched, String purpose) {
        UUID accessId = UUID.randomUUID();
        publish(
                1,
                new AccessRecorded(
                        accessId.toString(),
                        clock.instant(),
                        AccessKind.PERSON_CHECK,
                        actor(staff),
                        null,
                        null,
                        fields,
                        purpose,
                        null,
                        matched,
                        false));
        return accessId;
    }

    /**
     * A person check's hit, keyed like the check by its access id and second in that subject's sequence: no
     * order's row lock is taken, so a check never waits on an order being changed (docs/adr/0028).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void personCheckHit(
            Staff staff, UUID accessId, PersonCheckHit.PersonRole personWas, List<PersonCheckHit.Match> matches) {
        outbox.append(EventEnvelope.of(
                EventSources.ORDER_SERVICE,
                2,
                new PersonCheckHit(accessId.toString(), clock.instant(), actor(staff), personWas, matches)));
    }

    /** A new emergency grant, flagged for a supervisor's review. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void breakGlassGranted(Staff staff, BreakGlassGrant grant) {
        publish(
                1,
                new AccessRecorded(
                        grant.id().toString(),
                        grant.grantedAt(),
                        AccessKind.BREAK_GLASS_GRANTED,
                        actor(staff),
                        null,
                        null,
                        List.of(),
                        grant.reason(),
                        breakGlass(grant),
                        0,
                        true));
    }

    private void publish(long sequence, AccessRecorded event) {
        outbox.append(EventEnvelope.of(EventSources.ORDER_SERVICE, sequence, event));
    }

    private static AccessRecorded.Accessor actor(Staff staff) {
        return new AccessRecorded.Accessor(staff.subject(), staff.roleNames(), staff.district());
    }

    private static AccessRecorded.BreakGlass breakGlass(BreakGlassGrant grant) {
        return grant == null
                ? null
                : new AccessRecorded.BreakGlass(grant.id().toString(), grant.reason(), grant.expiresAt());
    }
}
