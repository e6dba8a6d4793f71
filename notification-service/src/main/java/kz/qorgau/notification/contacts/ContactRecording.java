package kz.qorgau.notification.contacts;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.events.ContactVerificationRequested;
import kz.qorgau.events.NotificationChannel;
import kz.qorgau.events.OrderAmended;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.QorgauEvent;
import kz.qorgau.events.VictimContact;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.events.sealed.SealedFieldException;
import kz.qorgau.notification.delivery.SealedRecipients;
import kz.qorgau.notification.notice.NoticeDraft;
import kz.qorgau.notification.notice.NoticeRegistration;
import kz.qorgau.notification.notice.Recipient;
import kz.qorgau.notification.notice.Urgency;
import kz.qorgau.notification.outcome.OutcomeOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records the delivery copy of a victim's contacts from an event, in one short transaction of the listener
 * (docs/adr/0030): each contact sealed with its blind index, a one-time code for each one the victim opted in, its
 * verification notice (sent by the delivery engine, not here) and {@link ContactVerificationRequested}. Safe to
 * call again with the same event: contact ids are derived from the event and position, and the notice's unique
 * constraint absorbs a repeat. An amendment replaces the order's earlier contacts; a contact the victim gave again
 * keeps its state, so a verified one is not asked again and an opted-out one is never told again.
 */
@Service
public class ContactRecording {

    /** The recipient role of verification messages, in events and metric tags. */
    public static final String VERIFICATION_ROLE = "CONTACT_VERIFICATION";

    static final String CONSUMER = "victim-contacts";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger log = LoggerFactory.getLogger(ContactRecording.class);

    private final VictimContactsLedger ledger;
    private final ContactVault vault;
    private final ContactsProperties properties;
    private final NoticeRegistration registration;
    private final OutcomeOutbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ContactRecording(
            VictimContactsLedger ledger,
            ContactVault vault,
            ContactsProperties properties,
            NoticeRegistration registration,
            OutcomeOutbox outbox,
            TransactionTemplate transactions,
            Clock clock) {
        this.ledger = ledger;
        this.vault = vault;
        this.properties = properties;
        this.registration = registration;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    public void issued(EventEnvelope<OrderIssued> event, VictimContact contact) {
        OrderIssued order = event.data();
        record(event, new Order(order.district(), order.orderNumber(), order.policeUnit()), contact);
    }

    public void amended(EventEnvelope<OrderAmended> event, VictimContact contact) {
        OrderAmended order = event.data();
        record(event, new Order(order.district(), order.orderNumber(), order.policeUnit()), contact);
    }

    /** What a contact's row keeps of its order. */
    private record Order(String district, String number, String policeUnit) {}

    private void record(EventEnvelope<? extends QorgauEvent> event, Order order, VictimContact contact) {
        String district = order.district();
        UUID orderId = UUID.fromString(event.subject());
        transactions.executeWithoutResult(status -> {
            OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
            Map<String, VictimContactsLedger.Row> earlier = replaceEarlier(orderId, event.id(), now);
            List<NoticeDraft> drafts = new ArrayList<>();
            List<VictimContact.ContactPoint> points = contact.contactPoints();
            for (int position = 0; position < points.size(); position++) {
                VictimContact.ContactPoint point = points.get(position);
                UUID id = contactId(event.id(), position);
                VictimContactsLedger.Row before = earlier.get(key(point.channel(), point.address()));
                VictimContactsLedger.Row row = row(id, orderId, event.id(), position, order, point, before, now);
                boolean added = ledger.insert(row);
                // A redelivery: the row this event made first says what it is (its carried state included).
                ContactState state = added
                        ? row.state()
                        : ledger.find(id).map(VictimContactsLedger.Row::state).orElse(row.state());
                if (state == ContactState.UNVERIFIED) {
                    drafts.add(new NoticeDraft(
                            new Recipient(VERIFICATION_ROLE, point.channel(), SealedRecipients.address(id)),
                            Urgency.ROUTINE,
                            VerificationMessages.subject(point.language()),
                            VerificationMessages.body(point.language(), point.channel())));
                    if (added) {
                        outbox.record(
                                new ContactVerificationRequested(
                                        orderId.toString(),
                                        id.toString(),
                                        point.channel(),
                                        point.language(),
                                        now.toInstant()),
                                id,
                                event.traceparent(),
                                event.tracestate());
                    }
                }
            }
            // Marks the event received for this consumer and records the verification notices, in this transaction.
            registration.record(CONSUMER, event, district, drafts);
        });
    }

    /** The order's contacts from earlier events, now replaced, by channel and address. */
    private Map<String, VictimContactsLedger.Row> replaceEarlier(UUID orderId, UUID eventId, OffsetDateTime now) {
        Map<String, VictimContactsLedger.Row> byAddress = new HashMap<>();
        for (VictimContactsLedger.Row row : ledger.currentOf(orderId, eventId)) {
            try {
                byAddress.put(key(row.channel(), vault.open(row.id(), ContactVault.ADDRESS, row.address())), row);
            } catch (SealedFieldException unreadable) {
                // A retired key: the contact, if given again, is asked for its code again. Its id only.
                log.warn("Victim contact {} could not be opened ({})", row.id(), unreadable.reason());
            }
            // Kept as long as an ended order's contacts, for the supervisor's view; never told anything again.
            ledger.replace(row.id(), now.plus(properties.deleteAfterOrderEnds()));
        }
        return byAddress;
    }

    private VictimContactsLedger.Row row(
            UUID id,
            UUID orderId,
            UUID eventId,
            int position,
            Order order,
            VictimContact.ContactPoint point,
            VictimContactsLedger.Row before,
            OffsetDateTime now) {
        ContactState state = !point.optedIn()
                ? ContactState.NOT_OPTED_IN
                : before != null && before.state() != ContactState.UNVERIFIED
                        ? before.state()
                        : ContactState.UNVERIFIED;
        boolean needsCode = state == ContactState.UNVERIFIED;
        return new VictimContactsLedger.Row(
                id,
                orderId,
                eventId,
                position,
                order.district(),
                point.channel(),
                point.language(),
                point.quietHours() == null ? null : point.quietHours().from(),
                point.quietHours() == null ? null : point.quietHours().until(),
                vault.seal(id, ContactVault.ADDRESS, point.address()),
                needsCode ? vault.seal(id, ContactVault.CODE, newCode()) : null,
                needsCode ? now.plus(properties.codeValidity()) : null,
                point.channel() == NotificationChannel.SMS
                        ? vault.phoneIndex(point.address()).orElse(null)
                        : null,
                state,
                before == null ? 0 : before.wrongCodes(),
                now,
                before == null ? null : before.verifiedAt(),
                before == null ? null : before.optedOutAt(),
                before == null ? null : before.optedOutVia(),
                order.number(),
                order.policeUnit());
    }

    /** Six random digits. */
    static String newCode() {
        return "%06d".formatted(RANDOM.nextInt(1_000_000));
    }

    /** The same for every delivery of the event: a redelivery finds the rows it made. */
    static UUID contactId(UUID eventId, int position) {
        return UUID.nameUUIDFromBytes(("victim-contact:" + eventId + ":" + position).getBytes(StandardCharsets.UTF_8));
    }

    private static String key(NotificationChannel channel, String address) {
        return channel + ":"
                + (channel == NotificationChannel.SMS
                        ? kz.qorgau.events.PhoneNumbers.normalised(address).orElse(address)
                        : address.strip().toLowerCase(java.util.Locale.ROOT));
    }
}
