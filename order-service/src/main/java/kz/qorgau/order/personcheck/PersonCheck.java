package kz.qorgau.order.personcheck;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.qorgau.events.PersonCheckHit;
import kz.qorgau.events.PersonCheckHit.PersonRole;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.accessrecord.AccessEvents;
import kz.qorgau.order.approachban.ApproachBans;
import kz.qorgau.order.approachban.BanInForce;
import kz.qorgau.order.atrest.PersonalDataVault;
import kz.qorgau.order.personcheck.PersonCheckResult.OrderAtTheDoor;
import kz.qorgau.order.protectiveorder.CheckedOrder;
import kz.qorgau.order.protectiveorder.OffenderIndex;
import kz.qorgau.order.protectiveorder.OrderStatus;
import kz.qorgau.order.protectiveorder.ProtectiveOrders;
import kz.qorgau.order.requirements.RequirementsInForce;
import kz.qorgau.order.requirements.SpecialRequirementsRecords;
import kz.qorgau.order.security.OrderAccess;
import kz.qorgau.order.writelimit.WriteLimits;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers a person check for any officer anywhere, through the IIN's or a document's blind index (no IIN or
 * document is stored or compared in clear; docs/adr/0035). Every check is published as an access event with its stated purpose, and a hit as a {@link
 * PersonCheckHit} with the same access id, in the check's transaction and without any order's row lock
 * (docs/adr/0028). The volume is watched, never limited.
 */
@Service
class PersonCheck {

    private final ProtectiveOrders orders;
    private final OrderAccess access;
    private final AccessEvents accessEvents;
    private final WriteLimits limits;
    private final Clock clock;
    private final ApproachBans approachBans;
    private final SpecialRequirementsRecords requirements;
    private final PersonalDataVault vault;

    PersonCheck(
            ProtectiveOrders orders,
            OrderAccess access,
            AccessEvents accessEvents,
            WriteLimits limits,
            Clock clock,
            ApproachBans approachBans,
            SpecialRequirementsRecords requirements,
            PersonalDataVault vault) {
        this.orders = orders;
        this.access = access;
        this.accessEvents = accessEvents;
        this.limits = limits;
        this.clock = clock;
        this.approachBans = approachBans;
        this.requirements = requirements;
        this.vault = vault;
    }

    @Transactional
    PersonCheckResult check(Staff staff, CheckedPerson person, PersonRole checkedAs, String purpose) {
        limits.notePersonCheck(staff.subject());
        Instant now = clock.instant();
        OffenderIndex offender = person instanceof CheckedPerson.ByIin byIin
                ? OffenderIndex.ofIin(vault, byIin.iin())
                : OffenderIndex.ofDocument(vault, ((CheckedPerson.ByDocument) person).document());
        List<CheckedOrder> matched = activeOrders(offender, checkedAs, now);
        List<String> units = matched.stream()
                .map(CheckedOrder::policeUnit)
                .distinct()
                .sorted()
                .toList();
        UUID accessId = accessEvents.personChecked(staff, matched.size(), purpose);
        if (!matched.isEmpty()) {
            accessEvents.personCheckHit(
                    staff,
                    accessId,
                    checkedAs,
                    matched.stream()
                            .map(order -> new PersonCheckHit.Match(
                                    order.id().toString(), order.orderNumber(), order.district(), order.policeUnit()))
                            .toList());
        }
        if (checkedAs == PersonRole.PROTECTED_PERSON) {
            return PersonCheckResult.protectedPerson(units);
        }
        List<RequirementsInForce> inForceRequirements = requirements.inForceAgainst(offender);
        List<BanInForce> bans = approachBans.inForceAgainst(offender);
        return PersonCheckResult.offender(
                atTheDoor(staff, matched, OrderStatus.IN_FORCE),
                atTheDoor(staff, matched, OrderStatus.ISSUED),
                inForceRequirements,
                bans,
                units);
    }

    /**
     * The active orders in which the person appears as {@code checkedAs}, oldest first: as the offender, or as the
     * victim or another protected person, found by IIN or by document alike. One query; no personal data is opened.
     */
    private List<CheckedOrder> activeOrders(OffenderIndex person, PersonRole checkedAs, Instant now) {
        List<CheckedOrder> found =
                checkedAs == PersonRole.OFFENDER ? orders.checkedAgainst(person) : orders.checkedProtecting(person);
        return found.stream().filter(order -> order.activeAt(now)).toList();
    }

    private List<OrderAtTheDoor> atTheDoor(Staff staff, List<CheckedOrder> matched, OrderStatus status) {
        return matched.stream()
                .filter(order -> order.status() == status)
                .map(order -> new OrderAtTheDoor(
                        status == OrderStatus.IN_FORCE ? order.servedAt() : order.issuedAt(),
                        order.validUntil(),
                        order.prohibitions(),
                        order.policeUnit(),
                        order.district(),
                        access.mayRead(staff, order.district()) ? order.id() : null))
                .toList();
    }
}
