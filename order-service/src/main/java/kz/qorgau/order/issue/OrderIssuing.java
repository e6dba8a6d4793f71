package kz.qorgau.order.issue;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.events.LegalBasis;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.VictimContact;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.events.envelope.EventSources;
import kz.qorgau.events.sealed.SealedField;
import kz.qorgau.events.sealed.SealedFieldCipher;
import kz.qorgau.kit.outbox.Outbox;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.platform.idempotency.IdempotencyKeys;
import kz.qorgau.order.protectiveorder.Contact;
import kz.qorgau.order.protectiveorder.ContactChannel;
import kz.qorgau.order.protectiveorder.Offender;
import kz.qorgau.order.protectiveorder.OrderStatus;
import kz.qorgau.order.protectiveorder.ProtectiveOrder;
import kz.qorgau.order.protectiveorder.ProtectiveOrders;
import kz.qorgau.order.protectiveorder.Victim;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues protective orders: the order row, its OrderIssued event in the outbox and the idempotency key
 * commit in one transaction.
 */
@Service
public class OrderIssuing {

    /** What an idempotency key is bound to, besides the body. */
    static final String OPERATION = "POST /api/v1/orders";

    private static final Logger log = LoggerFactory.getLogger(OrderIssuing.class);

    private final ProtectiveOrders orders;
    private final Outbox outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final SealedFieldCipher cipher;
    private final LegalBasis legalBasis;
    private final IssuingProperties properties;
    private final Clock clock;

    OrderIssuing(
            ProtectiveOrders orders,
            Outbox outbox,
            IdempotencyKeys idempotencyKeys,
            SealedFieldCipher cipher,
            IssuingProperties properties,
            Clock clock) {
        this.orders = orders;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.cipher = cipher;
        this.legalBasis = properties.legalBasis().toLegalBasis();
        this.properties = properties;
        this.clock = clock;
    }

    /** The order and whether it is the first request's result, returned again for a retry. */
    public record Issued(ProtectiveOrder order, boolean replayed) {}

    /**
     * Issues an order, or returns the order an earlier request with the same caller and key issued.
     *
     * @param caller whom idempotency keys are scoped to
     * @param officer the issuing officer, from the bearer token
     *
     * @throws kz.qorgau.order.platform.idempotency.IdempotencyKeyReusedException if the key was used with
     *     another body
     */
    @Transactional
    public Issued issue(String caller, Staff officer, Optional<String> idempotencyKey, IssueOrderRequest request) {
        UUID id = UUID.randomUUID();
        if (idempotencyKey.isPresent()) {
            IdempotencyKeys.Claim claim = idempotencyKeys.claim(
                    caller, idempotencyKey.get(), OPERATION, request, id, HttpStatus.CREATED.value());
            if (claim instanceof IdempotencyKeys.Replay replay) {
                ProtectiveOrder first = orders.findById(replay.resourceId())
                        .orElseThrow(() -> new IllegalStateException("idempotency key points to a missing order"));
                return new Issued(first, true);
            }
        }
        ProtectiveOrder order = newOrder(id, officer, request);
        orders.insert(order);
        outbox.append(EventEnvelope.of(EventSources.ORDER_SERVICE, 1, orderIssued(order)));
        log.info("Issued protective order {} ({})", order.id(), order.orderNumber());
        return new Issued(order, false);
    }

    private ProtectiveOrder newOrder(UUID id, Staff officer, IssueOrderRequest request) {
        // Microseconds: what PostgreSQL keeps, so the first answer and a later read are identical.
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String orderNumber = "PO-%s-%d-%06d"
                .formatted(
                        request.district(),
                        issuedAt.atZone(properties.zone()).getYear(),
                        orders.nextOrderNumberValue());
        IssueOrderRequest.OffenderDetails offender = request.offender();
        IssueOrderRequest.VictimDetails victim = request.victim();
        return new ProtectiveOrder(
                id,
                orderNumber,
                OrderStatus.ISSUED,
                request.district(),
                request.policeUnit(),
                officer.subject(),
                request.prohibitions(),
                legalBasis,
                issuedAt,
                null,
                new Offender(
                        offender.iin(), offender.lastName(), offender.firstName(), blankToNull(offender.patronymic())),
                new Victim(
                        victim.iin(),
                        victim.lastName(),
                        victim.firstName(),
                        blankToNull(victim.patronymic()),
                        victim.contacts().stream()
                                .map(contact ->
                                        new Contact(contact.channel(), contact.address(), contact.preferredLanguage()))
                                .toList()));
    }

    /** The event: no personal data in clear; the victim's contacts sealed for notification-service. */
    private OrderIssued orderIssued(ProtectiveOrder order) {
        return new OrderIssued(
                order.id().toString(),
                order.orderNumber(),
                order.district(),
                order.policeUnit(),
                order.issuingOfficer(),
                order.prohibitions(),
                order.issuedAt(),
                order.validUntil(),
                order.legalBasis(),
                sealedVictimContact(order));
    }

    /**
     * The contract carries one phone and one e-mail: the victim's first (most preferred) of each, and the
     * language of the most preferred contact.
     */
    private SealedField sealedVictimContact(ProtectiveOrder order) {
        Victim victim = order.victim();
        List<Contact> contacts = victim.contacts();
        VictimContact contact = new VictimContact(
                victim.fullName(),
                first(contacts, ContactChannel.SMS),
                first(contacts, ContactChannel.EMAIL),
                null,
                contacts.get(0).preferredLanguage().code());
        return cipher.sealJson(
                contact, SealedFieldCipher.binding(order.id().toString(), OrderIssued.VICTIM_CONTACT_FIELD));
    }

    private static String first(List<Contact> contacts, ContactChannel channel) {
        return contacts.stream()
                .filter(contact -> contact.channel() == channel)
                .map(Contact::address)
                .findFirst()
                .orElse(null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
