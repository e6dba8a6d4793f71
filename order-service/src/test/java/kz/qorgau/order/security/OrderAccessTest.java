package kz.qorgau.order.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.events.LegalBasis;
import kz.qorgau.events.Prohibition;
import kz.qorgau.kit.problem.Problems;
import kz.qorgau.kit.security.Role;
import kz.qorgau.kit.security.SecurityProblems;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.OrderRequests;
import kz.qorgau.order.accessrecord.BreakGlassGrant;
import kz.qorgau.order.accessrecord.InMemoryBreakGlassGrants;
import kz.qorgau.order.protectiveorder.Contact;
import kz.qorgau.order.protectiveorder.ContactChannel;
import kz.qorgau.order.protectiveorder.Language;
import kz.qorgau.order.protectiveorder.Offender;
import kz.qorgau.order.protectiveorder.OrderStatus;
import kz.qorgau.order.protectiveorder.ProtectiveOrder;
import kz.qorgau.order.protectiveorder.Victim;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

/** The district and role rules, decided without Spring: grants in memory, a fixed clock. */
class OrderAccessTest {

    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    static final String HOME = "ALM-BOSTANDYK";
    static final String ELSEWHERE = "AST-ESIL";

    final InMemoryBreakGlassGrants grants = new InMemoryBreakGlassGrants();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final OrderAccess access = new OrderAccess(grants, new SecurityProblems(meters), Clock.fixed(NOW, ZoneOffset.UTC));

    final ProtectiveOrder homeOrder = order(HOME);

    @Test
    void policeReadTheirOwnDistrictsOrders() {
        assertThat(access.decide(staff("o1", HOME, Role.OFFICER), homeOrder)).isInstanceOf(OrderAccess.Allowed.class);
        assertThat(access.decide(staff("s1", HOME, Role.SUPERVISOR), homeOrder))
                .isInstanceOf(OrderAccess.Allowed.class);
        assertThat(districtRefusals()).isZero();
    }

    @Test
    void courtsReadEveryDistrictsOrders() {
        assertThat(access.decide(staff("c1", null, Role.COURT), homeOrder)).isInstanceOf(OrderAccess.Allowed.class);
    }

    @Test
    void anotherDistrictsOrderIsHiddenAndCounted() {
        assertThat(access.decide(staff("o2", ELSEWHERE, Role.OFFICER), homeOrder))
                .isInstanceOf(OrderAccess.Hidden.class);
        assertThat(access.mayRead(staff("o2", ELSEWHERE, Role.OFFICER), homeOrder.district()))
                .isFalse();
        assertThat(districtRefusals()).isEqualTo(1);
    }

    @Test
    void rolesWithoutOrdersSeeNoneEvenInTheirDistrict() {
        // An operator or auditor with a district claim is not police: the district alone opens nothing else.
        assertThat(access.decide(staff("op", null, Role.OPERATOR), homeOrder)).isInstanceOf(OrderAccess.Hidden.class);
        assertThat(access.decide(staff("au", null, Role.AUDITOR), homeOrder)).isInstanceOf(OrderAccess.Hidden.class);
    }

    @Test
    void aRunningGrantOpensAnotherDistrictsOrderUnderBreakGlass() {
        BreakGlassGrant grant = grants.grant("o2", ELSEWHERE, HOME, NOW.minusSeconds(60));

        OrderAccess.Decision decision = access.decide(staff("o2", ELSEWHERE, Role.OFFICER), homeOrder);

        assertThat(decision).isEqualTo(new OrderAccess.UnderBreakGlass(grant));
        assertThat(districtRefusals()).isZero();
    }

    @Test
    void anExpiredGrantOrAnotherPersonsOrACourtsOpensNothing() {
        grants.grant("o2", ELSEWHERE, HOME, NOW.minusSeconds(3600));
        grants.grant("o3", ELSEWHERE, HOME, NOW.minusSeconds(60));

        assertThat(access.decide(staff("o2", ELSEWHERE, Role.OFFICER), homeOrder))
                .isInstanceOf(OrderAccess.Hidden.class);
        // Grants are for police: an operator holding one still sees nothing.
        grants.grant("op", ELSEWHERE, HOME, NOW.minusSeconds(60));
        assertThat(access.decide(staff("op", ELSEWHERE, Role.OPERATOR), homeOrder))
                .isInstanceOf(OrderAccess.Hidden.class);
    }

    @Test
    void aGrantReviewedAsNotJustifiedEndsAtOnce() {
        BreakGlassGrant grant = grants.grant("o2", ELSEWHERE, HOME, NOW.minusSeconds(60));
        grants.review(grant.id(), BreakGlassGrant.ReviewOutcome.NOT_JUSTIFIED, "s1", NOW);

        assertThat(access.decide(staff("o2", ELSEWHERE, Role.OFFICER), homeOrder))
                .isInstanceOf(OrderAccess.Hidden.class);
    }

    @Test
    void aVictimsContactsStayInTheOrdersDistrictWhateverTheGrant() {
        grants.grant("s2", ELSEWHERE, HOME, NOW.minusSeconds(60));

        assertThat(access.decideContacts(staff("s1", HOME, Role.SUPERVISOR), homeOrder))
                .isInstanceOf(OrderAccess.Allowed.class);
        assertThat(access.decideContacts(staff("s2", ELSEWHERE, Role.SUPERVISOR), homeOrder))
                .isInstanceOf(OrderAccess.Hidden.class);
        assertThat(access.decideContacts(staff("c1", null, Role.COURT), homeOrder))
                .isInstanceOf(OrderAccess.Hidden.class);
        assertThat(districtRefusals()).isEqualTo(2);
    }

    @Test
    void changesAreMadeInOnesOwnDistrictOnly() {
        access.requireOwnDistrict(staff("o1", HOME, Role.OFFICER), HOME);

        assertThatThrownBy(() -> access.requireOwnDistrict(staff("o1", HOME, Role.OFFICER), ELSEWHERE))
                .isInstanceOfSatisfying(ErrorResponseException.class, refused -> {
                    assertThat(refused.getStatusCode().value()).isEqualTo(403);
                    assertThat(refused.getBody().getType()).isEqualTo(OrderAccess.OUTSIDE_DISTRICT);
                });
        assertThatThrownBy(() -> access.requireOwnDistrict(staff("c1", null, Role.COURT), HOME))
                .isInstanceOf(ErrorResponseException.class);
        assertThat(meters.find(SecurityProblems.METRIC)
                        .tag("reason", OrderAccess.DISTRICT_REFUSAL)
                        .tag("status", "403")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(Problems.FORBIDDEN).isNotEqualTo(OrderAccess.OUTSIDE_DISTRICT);
    }

    private double districtRefusals() {
        return meters.find(SecurityProblems.METRIC).tag("reason", OrderAccess.DISTRICT_REFUSAL).counters().stream()
                .mapToDouble(counter -> counter.count())
                .sum();
    }

    static Staff staff(String subject, String district, Role role) {
        return new Staff(subject, Set.of(role), district);
    }

    static ProtectiveOrder order(String district) {
        return new ProtectiveOrder(
                UUID.randomUUID(),
                "PO-TEST-1",
                OrderStatus.ISSUED,
                district,
                "ALM-UP-1",
                "officer-1",
                List.of(Prohibition.DOMESTIC_VIOLENCE),
                new LegalBasis("KZ-245-VIII", "60", "2026-03-02"),
                NOW.minusSeconds(86_400),
                null,
                new Offender(OrderRequests.OFFENDER_IIN, "Ахметов", "Ерлан", "Серикович"),
                new Victim(
                        OrderRequests.VICTIM_IIN,
                        "Ахметова",
                        "Айгерим",
                        null,
                        List.of(new Contact(ContactChannel.SMS, OrderRequests.VICTIM_PHONE, Language.KK))));
    }
}
