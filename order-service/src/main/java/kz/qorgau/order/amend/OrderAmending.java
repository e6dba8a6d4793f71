package kz.qorgau.order.amend;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.qorgau.events.OrderAmended;
import kz.qorgau.events.Prohibition;
import kz.qorgau.events.sealed.SealedField;
import kz.qorgau.kit.problem.InvalidRequestException;
import kz.qorgau.kit.problem.Problems;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.issue.IssueOrderRequest;
import kz.qorgau.order.issue.OffenderPhoneRule;
import kz.qorgau.order.law.Law;
import kz.qorgau.order.lifecycle.Action;
import kz.qorgau.order.lifecycle.OrderChanges;
import kz.qorgau.order.lifecycle.SealedVictimContacts;
import kz.qorgau.order.lifecycle.Times;
import kz.qorgau.order.protectiveorder.Contact;
import kz.qorgau.order.protectiveorder.ProtectiveOrder;
import kz.qorgau.order.protectiveorder.ProtectiveOrders;
import kz.qorgau.order.protectiveorder.Victim;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Amending an order, by a supervisor: its prohibitions, the victim's contacts or the other protected
 * persons, with a reason. The amendment is kept; the event carries the new prohibitions and, sealed, the
 * new contacts; protected persons stay in this service.
 */
@Service
class OrderAmending {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OrderChanges changes;
    private final ProtectiveOrders orders;
    private final SealedVictimContacts victimContacts;
    private final JdbcClient jdbc;
    private final Law law;

    OrderAmending(
            OrderChanges changes,
            ProtectiveOrders orders,
            SealedVictimContacts victimContacts,
            JdbcClient jdbc,
            Law law) {
        this.law = law;
        this.changes = changes;
        this.orders = orders;
        this.victimContacts = victimContacts;
        this.jdbc = jdbc;
    }

    @Transactional
    public void amend(Staff staff, UUID orderId, String ifMatch, AmendRequest request) {
        if (request.prohibitions() == null && request.victimContacts() == null && request.protectedPersons() == null) {
            throw new InvalidRequestException(List.of(new Problems.FieldProblem(
                    "prohibitions",
                    "an amendment changes the prohibitions, the victim's contacts or the protected persons")));
        }
        List<Problems.FieldProblem> problems =
                IssueOrderRequest.protectedPersonProblems("protectedPersons", request.protectedPersons(), law.today());
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        OrderChanges.Change change = changes.begin(staff, orderId, ifMatch, Action.AMEND);
        ProtectiveOrder order = change.order();
        List<OrderAmended.Change> changed = new ArrayList<>();
        List<Prohibition> prohibitions = order.prohibitions();
        if (request.prohibitions() != null) {
            changed.add(OrderAmended.Change.PROHIBITIONS);
            prohibitions = request.prohibitions();
        }
        Victim victim = order.victim();
        if (request.protectedPersons() != null) {
            changed.add(OrderAmended.Change.PROTECTED_PERSONS);
            victim = victim.withProtectedPersons(request.protectedPersons().stream()
                    .map(IssueOrderRequest.ProtectedPersonDetails::toFamilyMember)
                    .toList());
        }
        SealedField sealedContacts = null;
        if (request.victimContacts() != null) {
            OffenderPhoneRule.refuseOffenderPhone(order.offender().phone(), request.victimContacts(), "victimContacts");
            changed.add(OrderAmended.Change.VICTIM_CONTACT);
            victim = victim.withContacts(request.victimContacts().stream()
                    .map(contact -> new Contact(contact.channel(), contact.address(), contact.preferredLanguage()))
                    .toList());
            sealedContacts = victimContacts.seal(orderId, OrderAmended.VICTIM_CONTACT_FIELD, victim);
        }
        orders.amend(orderId, prohibitions, victim);
        jdbc.sql(
                        """
                        INSERT INTO order_amendment (id, order_id, amended_by, amended_at, reason, changes)
                        VALUES (:id, :orderId, :by, :at, :reason, CAST(:changes AS jsonb))
                        """)
                .param("id", UUID.randomUUID())
                .param("orderId", orderId)
                .param("by", staff.subject())
                .param("at", Times.utc(change.now()))
                .param("reason", request.reason())
                .param("changes", JSON.writeValueAsString(changed))
                .update();
        changes.commit(
                change,
                new OrderAmended(
                        orderId.toString(),
                        order.orderNumber(),
                        order.district(),
                        order.policeUnit(),
                        staff.subject(),
                        changed,
                        request.reason(),
                        request.prohibitions(),
                        sealedContacts,
                        change.now()));
    }
}
