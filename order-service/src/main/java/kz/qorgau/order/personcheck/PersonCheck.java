package kz.qorgau.order.personcheck;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kz.qorgau.kit.security.Staff;
import kz.qorgau.order.accessrecord.AccessEvents;
import kz.qorgau.order.approachban.ApproachBans;
import kz.qorgau.order.approachban.BanInForce;
import kz.qorgau.order.protectiveorder.ProtectiveOrder;
import kz.qorgau.order.protectiveorder.ProtectiveOrders;
import kz.qorgau.order.security.OrderAccess;
import kz.qorgau.order.writelimit.WriteLimits;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers "is this person under an active order?" (and a court's ban on approaching) for any officer anywhere, through the IIN blind
 * index (no IIN is stored or compared in clear). Every check is published as an access event; the
 * volume is watched, never limited.
 */
@Service
class PersonCheck {

    private final ProtectiveOrders orders;
    private final OrderAccess access;
    private final AccessEvents accessEvents;
    private final WriteLimits limits;
    private final Clock clock;
    private final ApproachBans approachBans;

    PersonCheck(
            ProtectiveOrders orders,
            OrderAccess access,
            AccessEvents accessEvents,
            WriteLimits limits,
            Clock clock,
            ApproachBans approachBans) {
        this.approachBans = approachBans;
        this.orders = orders;
        this.access = access;
        this.accessEvents = accessEvents;
        this.limits = limits;
        this.clock = clock;
    }

    @Transactional
    PersonCheckResult check(Staff staff, String iin, String purpose) {
        limits.notePersonCheck(staff.subject());
        Instant now = clock.instant();
        List<PersonCheckResult.ActiveOrder> active = orders.findOrderIdsByPersonIin(iin).stream()
                .map(orders::findById)
                .flatMap(Optional::stream)
                .filter(order -> isActive(order, now))
                .map(order -> new PersonCheckResult.ActiveOrder(
                        order.issuedAt(),
                        order.offender().iin().equals(iin)
                                ? PersonCheckResult.PersonIs.OFFENDER
                                : PersonCheckResult.PersonIs.PROTECTED_PERSON,
                        order.prohibitions(),
                        order.policeUnit(),
                        access.mayRead(staff, order) ? order.id() : null))
                .toList();
        List<BanInForce> bans = approachBans.inForceAgainst(iin);
        accessEvents.personChecked(staff, active.size(), purpose);
        return new PersonCheckResult(!active.isEmpty(), active, bans);
    }

    private static boolean isActive(ProtectiveOrder order, Instant now) {
        // Issued (not yet served) or in force until its term ends, even before the expiry scan ran.
        return order.status().isActive()
                && (order.validUntil() == null || order.validUntil().isAfter(now));
    }
}
