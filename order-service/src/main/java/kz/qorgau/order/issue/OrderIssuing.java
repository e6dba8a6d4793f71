package kz.qorgau.order.issue;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.events.OrderIssued;
import kz.qorgau.events.RiskLevel;
import kz.qorgau.events.envelope.EventEnvelope;
import kz.qorgau.events.envelope.EventSources;
import kz.qorgau.kit.outbox.Outbox;
import kz.qorgau.kit.problem.InvalidRequestException;
import kz.qorgau.kit.problem.Problems;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.law.Law;
import kz.qorgau.order.lifecycle.OrderChanged;
import kz.qorgau.order.lifecycle.SealedVictimContacts;
import kz.qorgau.order.platform.idempotency.IdempotencyKeys;
import kz.qorgau.order.protectiveorder.Contact;
import kz.qorgau.order.protectiveorder.Iin;
import kz.qorgau.order.protectiveorder.Offender;
import kz.qorgau.order.protectiveorder.OrderRepresentation;
import kz.qorgau.order.protectiveorder.OrderStatus;
import kz.qorgau.order.protectiveorder.ProtectiveOrder;
import kz.qorgau.order.protectiveorder.ProtectiveOrders;
import kz.qorgau.order.protectiveorder.Victim;
import kz.qorgau.order.risk.RiskAssessments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
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
    private final RiskAssessments risk;
    private final IdempotencyKeys idempotencyKeys;
    private final SealedVictimContacts victimContacts;
    private final Law law;
    private final Clock clock;
    private final ApplicationEventPublisher changed;

    OrderIssuing(
            ProtectiveOrders orders,
            Outbox outbox,
            RiskAssessments risk,
            IdempotencyKeys idempotencyKeys,
            SealedVictimContacts victimContacts,
            Law law,
            Clock clock,
            ApplicationEventPublisher changed) {
        this.orders = orders;
        this.outbox = outbox;
        this.risk = risk;
        this.idempotencyKeys = idempotencyKeys;
        this.victimContacts = victimContacts;
        this.law = law;
        this.clock = clock;
        this.changed = changed;
    }

    /**
     * The order, whether it is the first request's result returned again for a retry, and what the
     * officer should know (another order still active against the offender: its number and unit only).
     */
    public record Issued(ProtectiveOrder order, boolean replayed, List<OrderRepresentation.Warning> warnings) {}

    static final String ORDER_IN_FORCE_WARNING = "OFFENDER_HAS_ACTIVE_ORDER";

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
                return new Issued(first, true, warnings(offenderOrders(first)));
            }
        }
        request.offender().requireOneIdentity();
        List<Problems.FieldProblem> problems = new ArrayList<>(request.victim().identityProblems());
        problems.addAll(
                IssueOrderRequest.protectedPersonProblems("protectedPersons", request.protectedPersons(), law.today()));
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        requireMinimumAge(request.offender().iin());
        OffenderPhoneRule.refuseOffenderPhone(
                request.offender().phone(), request.victim().contacts(), "victim.contacts");
        ProtectiveOrder order = newOrder(id, officer, request);
        // An order is never extended: a repeat is a new order, linked to the offender's latest one.
        List<ProtectiveOrders.OffenderOrder> earlier = offenderOrders(order);
        if (!earlier.isEmpty()) {
            order = order.repeating(earlier.get(0).id());
        }
        orders.insert(order);
        EventEnvelope<OrderIssued> issued =
                EventEnvelope.of(EventSources.ORDER_SERVICE, 1, orderIssued(order, request.riskLevel()));
        outbox.append(issued);
        changed.publishEvent(new OrderChanged(issued.type(), order.district()));
        if (request.riskLevel() != null) {
            risk.assessedAtIssue(order, officer, request.riskLevel());
        }
        log.info("Issued protective order {} ({})", order.id(), order.orderNumber());
        return new Issued(order, false, warnings(earlier));
    }

    private ProtectiveOrder newOrder(UUID id, Staff officer, IssueOrderRequest request) {
        // Microseconds: what PostgreSQL keeps, so the first answer and a later read are identical.
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String orderNumber = "PO-%s-%d-%06d"
                .formatted(request.district(), issuedAt.atZone(law.zone()).getYear(), orders.nextOrderNumberValue());
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
                law.orderBasis(issuedAt),
                issuedAt,
                null,
                new Offender(
                        offender.iin(),
                        offender.lastName(),
                        offender.firstName(),
                        blankToNull(offender.patronymic()),
                        offender.phone(),
                        offender.document(),
                        offender.unidentified()),
                new Victim(
                        victim.iin(),
                        victim.lastName(),
                        victim.firstName(),
                        blankToNull(victim.patronymic()),
                        victim.contacts().stream()
                                .map(contact ->
                                        new Contact(contact.channel(), contact.address(), contact.preferredLanguage()))
                                .toList(),
                        blankToNull(victim.statedOpinion()),
                        request.protectedPersons() == null
                                ? List.of()
                                : request.protectedPersons().stream()
                                        .map(IssueOrderRequest.ProtectedPersonDetails::toFamilyMember)
                                        .toList(),
                        victim.document()));
    }

    /**
     * The event: no personal data in clear; the victim's contacts sealed for notification-service. It names the risk
     * level too, so the first notice of the order knows it (docs/adr/0039).
     */
    private OrderIssued orderIssued(ProtectiveOrder order, RiskLevel riskLevel) {
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
                victimContacts.seal(order.id(), OrderIssued.VICTIM_CONTACT_FIELD, order.victim()),
                riskLevel);
    }

    /** The offender's other orders issued before {@code order}: in the repeat window, or still active. */
    private List<ProtectiveOrders.OffenderOrder> offenderOrders(ProtectiveOrder order) {
        return orders.findOffenderOrders(order.offender(), law.repeatWindowStart(order.issuedAt())).stream()
                .filter(other ->
                        !other.id().equals(order.id()) && other.issuedAt().isBefore(order.issuedAt()))
                .toList();
    }

    /** The same warnings for the first answer and a replay: the offender's earlier orders still active. */
    private static List<OrderRepresentation.Warning> warnings(List<ProtectiveOrders.OffenderOrder> earlier) {
        return earlier.stream()
                .filter(other -> other.status().isActive())
                .map(other -> new OrderRepresentation.Warning(
                        ORDER_IN_FORCE_WARNING, other.orderNumber(), other.policeUnit()))
                .toList();
    }

    /** Orders against minors exist, down to a configured age (16 by default, unverified for 2026). */
    private void requireMinimumAge(String offenderIin) {
        if (offenderIin == null) {
            // A person without an IIN: no birth date to tell, the officer answers for the age.
            return;
        }
        int minimum = law.minimumOffenderAge();
        boolean tooYoung = Iin.birthDate(offenderIin)
                .map(born -> Period.between(born, law.today()).getYears() < minimum)
                .orElse(false);
        if (tooYoung) {
            throw new InvalidRequestException(List.of(new Problems.FieldProblem(
                    "offender.iin", "belongs to a person younger than " + minimum + ", the minimum age for an order")));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
